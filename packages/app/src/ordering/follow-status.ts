// Policy "order-status" (F13): the ordering context follows the store, delivery and payment
// contexts' events; the order's history records every change with its time (B2).
import { followEvent, type PolicyEvent } from "@bloom/domain";
import type { Transaction } from "../shared/inbox";
import { lockOrderToFollow, markOrderRefunded, moveOrderStatus } from "./order-status.repo";

export async function followOrderStatus(tx: Transaction, e: PolicyEvent<"order-status">) {
  // Locked: read unlocked, the second of two events handled at once found the status changed and
  // its transition was lost (accepted + arranged at once stayed "accepted").
  const order = await lockOrderToFollow(tx, e.orderId);
  if (!order) return {};
  const hint = { customerId: order.customerId, storeId: order.storeId };
  if (e.type === "PaymentRefunded") {
    await markOrderRefunded(tx, e.orderId);
    return hint;
  }
  const next = followEvent(order.status, e.type);
  if (!next) {
    // The rider delivered before the cancellation reached the delivery context (a worker lagging
    // by a whole delivery): the customer has the flowers and the refund. No rule can undo either.
    if ((e.type === "DeliveryCompleted" || e.type === "DeliveryLeftWithNeighbour") && order.status === "CANCELLED") {
      return { ...hint, attention: "delivered after the customer cancelled and was refunded: settle it with the customer and the shop" };
    }
    return hint;
  }
  const note =
    e.type === "StoreOrderRejected" ? (e.payload.detail ?? e.payload.reason)
    : e.type === "DeliveryAbandoned" ? (e.payload.reason ?? "Not delivered: refunded by the shop")
    : e.type === "DeliveryLeftWithNeighbour" ? `Left with ${e.payload.name}`
    : null;
  // D4: the new slot and the redelivery fee are recorded on the order (the fee is not charged).
  const reschedule = e.type === "DeliveryRescheduled" ? { deliveryDate: e.payload.deliveryDate, timeSlot: e.payload.timeSlot, feeWon: e.payload.feeWon } : undefined;
  await moveOrderStatus(tx, { orderId: e.orderId, from: order.status, to: next, note, reschedule, at: new Date(e.occurredAt) });
  return hint;
}
