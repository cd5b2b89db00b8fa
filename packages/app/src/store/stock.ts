// Stock moves with the board: accepting reserves (F6), rejecting or cancelling an accepted order
// releases. Stock never goes below zero; an order beyond stock is flagged instead.
import type { Tx } from "@bloom/db";

type Line = { bouquetId: string; quantity: number };
export const linesOf = (json: unknown) => (Array.isArray(json) ? (json as Line[]) : []);

export async function reserveStock(tx: Tx, lines: unknown) {
  for (const l of linesOf(lines)) {
    await tx.$executeRaw`UPDATE store_bouquets SET stock = GREATEST(stock - ${l.quantity}, 0), updated_at = now() WHERE id = ${l.bouquetId}::uuid`;
  }
}

export async function releaseStock(tx: Tx, lines: unknown) {
  for (const l of linesOf(lines)) {
    await tx.$executeRaw`UPDATE store_bouquets SET stock = stock + ${l.quantity}, updated_at = now() WHERE id = ${l.bouquetId}::uuid`;
  }
}

/**
 * Locks an order's store order (if any) for the rest of the transaction, so that policies reading
 * it and then writing from what they read take turns with each other and with the owner's actions.
 */
export async function lockStoreOrder(tx: Tx, orderId: string) {
  await tx.$executeRaw`SELECT 1 FROM store_orders WHERE order_id = ${orderId}::uuid FOR UPDATE`;
}
