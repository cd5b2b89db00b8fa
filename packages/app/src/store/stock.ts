// Store-order locking shared by the store's policies. Stock itself moves through the inventory
// port (inventory.ts): reserved at placement, given back exactly once.
import type { Tx } from "@bloom/db";

/**
 * Locks an order's store order (if any) for the rest of the transaction, so that policies reading
 * it and then writing from what they read take turns with each other and with the owner's actions.
 */
export async function lockStoreOrder(tx: Tx, orderId: string) {
  await tx.$executeRaw`SELECT 1 FROM store_orders WHERE order_id = ${orderId}::uuid FOR UPDATE`;
}
