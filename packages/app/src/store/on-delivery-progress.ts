// Policy "store-pickup" (F4): the store hears from the delivery context that a rider picked up its
// arranged bouquet, and that it was delivered — so the board moves the order out of "Ready for
// pickup" instead of keeping it there until the two-week window ends — or, when the customer's
// cancellation recalled it, that the rider brought it back. Idempotent by the inbox; each
// timestamp is kept from its first event (a redelivered or late event changes nothing).
import type { Tx } from "@bloom/db";
import type { DomainEvent } from "@bloom/domain";
import { lockStoreOrder } from "./stock";

export async function recordDeliveryProgress(tx: Tx, e: DomainEvent<"DeliveryStarted" | "DeliveryCompleted" | "DeliveryReturned">) {
  const at = new Date(e.occurredAt);
  await lockStoreOrder(tx, e.orderId); // a pickup and a delivery handled at once take turns
  const so = await tx.storeOrder.findUnique({ where: { orderId: e.orderId }, select: { id: true, storeId: true, pickedUpAt: true, deliveredAt: true, returnedAt: true } });
  if (!so) return {};
  if (e.type === "DeliveryStarted") {
    if (!so.pickedUpAt) await tx.storeOrder.update({ where: { id: so.id }, data: { pickedUpAt: at, riderName: e.payload.riderName } });
  } else if (e.type === "DeliveryReturned") {
    if (!so.returnedAt) await tx.storeOrder.update({ where: { id: so.id }, data: { returnedAt: at, pickedUpAt: so.pickedUpAt ?? at, riderName: e.payload.riderName } });
  } else if (!so.deliveredAt) {
    await tx.storeOrder.update({ where: { id: so.id }, data: { deliveredAt: at, pickedUpAt: so.pickedUpAt ?? at } });
  }
  return { storeId: so.storeId };
}
