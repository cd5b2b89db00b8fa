// Policy "order-status" (F13): the ordering context follows the store, delivery and payment
// contexts' events; the order's history records every change with its time (B2).
import type { Tx } from "@bloom/db";
import { followEvent, type DomainEvent, type OrderStatus } from "@bloom/domain";

export async function followOrderStatus(tx: Tx, e: DomainEvent) {
  // Locked, so that two events of one order handled at once (the queue runs several jobs) take
  // turns: each decides from the status the other left. Read unlocked, the second's conditional
  // update found the status changed and its transition was lost (accepted + arranged at once
  // stayed "accepted").
  const [order] = await tx.$queryRaw<{ status: OrderStatus; customerId: string; storeId: string }[]>`
    SELECT status, customer_id AS "customerId", store_id AS "storeId" FROM ordering_orders WHERE id = ${e.orderId}::uuid FOR UPDATE`;
  if (!order) return {};
  const hint = { customerId: order.customerId, storeId: order.storeId };
  if (e.type === "PaymentRefunded") {
    await tx.order.update({ where: { id: e.orderId }, data: { refunded: true } });
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
  const rescheduled = e.type === "DeliveryRescheduled"
    ? { deliveryDate: e.payload.deliveryDate, timeSlot: e.payload.timeSlot, redeliveryFeeWon: { increment: e.payload.feeWon } }
    : {};
  const n = await tx.order.updateMany({
    where: { id: e.orderId, status: order.status },
    data: { status: next, ...(note ? { statusReason: note } : {}), ...rescheduled },
  });
  if (n.count) await tx.orderHistory.create({ data: { orderId: e.orderId, status: next, note, at: new Date(e.occurredAt) } });
  return hint;
}
