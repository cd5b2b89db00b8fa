// Policy "store-pickup" (F4, D3): the store hears from the delivery context that a rider claimed
// its arranged bouquet and is on the way, that they are at the shop, that the bouquet was picked
// up and delivered — so the board moves the order out of "Ready for pickup" at the pickup, and not
// before — or, when the customer's cancellation recalled it, that the rider brought it back.
// Idempotent by the inbox; each timestamp is kept from its first event (a redelivered or late
// event changes nothing); the board reads the latest step reached, so a claim handled after the
// pickup hides nothing.
import type { Tx } from "@bloom/db";
import { POLICIES, type DomainEvent } from "@bloom/domain";
import { lockStoreOrder } from "./stock";

/** Any other event is not this policy's: it changes nothing. */
export async function recordDeliveryProgress(tx: Tx, e: DomainEvent) {
  if (!(POLICIES["store-pickup"] as readonly string[]).includes(e.type)) return {};
  const at = new Date(e.occurredAt);
  await lockStoreOrder(tx, e.orderId); // a pickup and a delivery handled at once take turns
  const so = await tx.storeOrder.findUnique({
    where: { orderId: e.orderId },
    select: { id: true, storeId: true, claimedAt: true, arrivedAt: true, pickedUpAt: true, deliveredAt: true, returnedAt: true },
  });
  if (!so) return {};
  const update = (data: Parameters<Tx["storeOrder"]["update"]>[0]["data"]) => tx.storeOrder.update({ where: { id: so.id }, data });
  switch (e.type) {
    case "DeliveryClaimed":
      if (!so.claimedAt) await update({ claimedAt: at, riderName: e.payload.riderName });
      break;
    case "RiderArrivedAtShop":
      if (!so.arrivedAt) await update({ arrivedAt: at });
      break;
    case "DeliveryStarted":
      if (!so.pickedUpAt) await update({ pickedUpAt: at, claimedAt: so.claimedAt ?? at, riderName: e.payload.riderName });
      break;
    case "DeliveryReturned":
      if (!so.returnedAt) await update({ returnedAt: at, pickedUpAt: so.pickedUpAt ?? at, riderName: e.payload.riderName });
      break;
    case "DeliveryCompleted":
      if (!so.deliveredAt) await update({ deliveredAt: at, pickedUpAt: so.pickedUpAt ?? at });
      break;
  }
  return { storeId: so.storeId };
}
