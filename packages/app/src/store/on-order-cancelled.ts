// Policy "store-order-cancellation" (F12): a cancelled order leaves the board; the stock it
// reserved at placement goes back, unless the bouquet was already arranged (those flowers are used).
import { cancelStoreOrder, type PolicyEvent } from "@bloom/domain";
import type { Transaction } from "../shared/inbox";
import { insertCancelledTombstone, lockStoreOrderStatus, releaseSlot, releaseStock, updateStoreOrder } from "./store-orders.repo";

export async function cancelStoreOrderFor(tx: Transaction, e: PolicyEvent<"store-order-cancellation">) {
  // Locked as it is read: an owner arranging at this moment either commits first (and the stock
  // stays used) or waits and finds the order cancelled.
  const so = await lockStoreOrderStatus(tx, e.orderId);
  if (!so) {
    // The cancellation overtook OrderPlaced: a tombstone keeps the order off the board.
    await insertCancelledTombstone(tx, e.orderId, e.payload.storeId);
    await releaseStock(tx, e.orderId);
    await releaseSlot(tx, e.orderId);
    return;
  }
  const next = cancelStoreOrder(so.status);
  if (!next) return;
  // W3: when and why, for the banner that announces it on the board.
  await updateStoreOrder(tx, so.id, { status: next, cancelled_at: new Date(e.occurredAt).toISOString(), cancel_reason: e.payload.reason?.trim() || null });
  if (so.status !== "DECORATED") await releaseStock(tx, e.orderId);
  // The slot frees whatever was arranged: a cancelled order is not delivered (D2).
  await releaseSlot(tx, e.orderId);
}
