// Policy "store-pickup" (F4, D3): the store hears from the delivery context that a rider claimed
// its arranged bouquet and is on the way, that they are at the shop, that the bouquet was picked
// up and delivered — so the board moves the order out of "Ready for pickup" at the pickup, and not
// before — or, when the customer's cancellation recalled it, that the rider brought it back.
// Idempotent by the inbox; each timestamp is kept from its first event (a redelivered or late
// event changes nothing); the board reads the latest step reached, so a claim handled after the
// pickup hides nothing. D4: a failed attempt shows on the card until the shop reschedules it —
// which clears the trip's steps, so the card is back in "Ready for pickup" for the next rider —
// or refunds it, which ends the store order (the flowers were used: no stock comes back).
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
    select: { id: true, storeId: true, status: true, claimedAt: true, arrivedAt: true, pickedUpAt: true, deliveredAt: true, returnedAt: true, attemptedAt: true, attempts: true },
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
      if (!so.deliveredAt) await update({ deliveredAt: at, pickedUpAt: so.pickedUpAt ?? at, attemptedAt: null, backAtShopAt: null });
      break;
    case "DeliveryLeftWithNeighbour":
      if (!so.deliveredAt) await update({ deliveredAt: at, pickedUpAt: so.pickedUpAt ?? at, leftWith: e.payload.name, attemptedAt: null, backAtShopAt: null });
      break;
    // The attempt number orders them: a late duplicate of an earlier attempt changes nothing.
    case "DeliveryAttempted":
      if (e.payload.attempt > so.attempts) await update({ attemptedAt: at, attemptReason: e.payload.reason, attempts: e.payload.attempt, backAtShopAt: null });
      break;
    case "DeliveryBackAtShop":
      if (so.attemptedAt) await update({ backAtShopAt: at });
      break;
    case "DeliveryRescheduled":
      await update({
        deliveryDate: e.payload.deliveryDate,
        timeSlot: e.payload.timeSlot,
        attemptedAt: null,
        backAtShopAt: null,
        claimedAt: null,
        arrivedAt: null,
        pickedUpAt: null,
        riderName: null,
      });
      break;
    case "DeliveryAbandoned":
      if (so.status === "DECORATED") await update({ status: "CANCELLED", rejectReason: e.payload.reason });
      break;
  }
  return { storeId: so.storeId };
}
