// Policy "store-order-cancellation" (F12): a cancelled order leaves the board; reserved stock
// returns unless the bouquet was already arranged.
import type { Tx } from "@bloom/db";
import { cancelStoreOrder, type DomainEvent } from "@bloom/domain";
import { lockStoreOrder, releaseStock } from "./stock";

export async function cancelStoreOrderFor(tx: Tx, e: DomainEvent<"OrderCancelled">) {
  // Locked before it is read: an owner accepting at this moment either commits first (and its
  // stock is released below) or waits and finds the order cancelled — never reserved and lost.
  await lockStoreOrder(tx, e.orderId);
  const so = await tx.storeOrder.findUnique({ where: { orderId: e.orderId } });
  if (!so) {
    await tx.storeOrder.create({ data: { orderId: e.orderId, storeId: e.payload.storeId, status: "CANCELLED" } });
    return;
  }
  const next = cancelStoreOrder(so.status);
  if (!next) return;
  await tx.storeOrder.update({ where: { id: so.id }, data: { status: next } });
  if (so.status === "ACCEPTED") await releaseStock(tx, so.lines);
}
