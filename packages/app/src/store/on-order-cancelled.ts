// Policy "store-order-cancellation" (F12): a cancelled order leaves the board; the stock it
// reserved at placement goes back, unless the bouquet was already arranged (those flowers are used).
import type { Tx } from "@bloom/db";
import { cancelStoreOrder, type DomainEvent } from "@bloom/domain";
import { releaseStockTx } from "./inventory";
import { releaseSlotTx } from "./slot-capacity";
import { lockStoreOrder } from "./stock";

export async function cancelStoreOrderFor(tx: Tx, e: DomainEvent<"OrderCancelled">) {
  // Locked before it is read: an owner arranging at this moment either commits first (and the
  // stock stays used) or waits and finds the order cancelled.
  await lockStoreOrder(tx, e.orderId);
  const so = await tx.storeOrder.findUnique({ where: { orderId: e.orderId } });
  if (!so) {
    // The cancellation overtook OrderPlaced: a tombstone keeps the order off the board.
    await tx.storeOrder.create({ data: { orderId: e.orderId, storeId: e.payload.storeId, status: "CANCELLED" } });
    await releaseStockTx(tx, e.orderId);
    await releaseSlotTx(tx, e.orderId);
    return;
  }
  const next = cancelStoreOrder(so.status);
  if (!next) return;
  // W3: when and why, for the banner that announces it on the board.
  await tx.storeOrder.update({
    where: { id: so.id },
    data: { status: next, cancelledAt: new Date(e.occurredAt), cancelReason: e.payload.reason?.trim() || null },
  });
  if (so.status !== "DECORATED") await releaseStockTx(tx, e.orderId);
  // The slot frees whatever was arranged: a cancelled order is not delivered (D2).
  await releaseSlotTx(tx, e.orderId);
}
