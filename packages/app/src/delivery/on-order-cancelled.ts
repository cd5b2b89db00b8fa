// Policy "delivery-cancellation" (F12): an open delivery of a cancelled order is withdrawn.
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
  const n = await tx.delivery.updateMany({ where: { id: d.id, status: "OPEN" }, data: { status: next } });
  if (n.count) await appendEvents(tx, [createEvent("DeliveryCancelled", e.orderId, { deliveryId: d.id }, SYSTEM)]);
}
