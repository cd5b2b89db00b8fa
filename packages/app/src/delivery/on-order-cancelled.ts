// Policy "delivery-cancellation" (F12): the delivery of a cancelled order is withdrawn while still
// open, or recalled when a rider already picked it up (the cancellation and the pickup crossed;
// see cancelDelivery). A recall names the rider, who brings the bouquet back to the shop.
import type { Tx } from "@bloom/db";
import { cancelDelivery, createEvent, SYSTEM, type DomainEvent } from "@bloom/domain";
import { appendEvents } from "../shared/outbox";

export async function withdrawDelivery(tx: Tx, e: DomainEvent<"OrderCancelled">) {
  const d = await tx.delivery.findUnique({ where: { orderId: e.orderId } });
  if (!d) {
    // Tombstone, so a DecorationCompleted still in flight opens nothing.
    await tx.delivery.create({ data: { orderId: e.orderId, storeId: e.payload.storeId, status: "CANCELLED" } });
    return;
  }
  const next = cancelDelivery(d.status);
  if (!next) return;
  // Conditional on the status read: a rider taking or completing it meanwhile is seen on retry.
  const n = await tx.delivery.updateMany({ where: { id: d.id, status: d.status }, data: { status: next.to } });
  if (n.count === 0) throw new Error(`delivery ${d.id} changed while being cancelled; retrying`);
  await appendEvents(tx, [createEvent("DeliveryCancelled", e.orderId, { deliveryId: d.id, riderId: next.recall ? d.riderId : null }, SYSTEM)]);
}
