// Policy "store-pickup" (F4, D3): the store hears from the delivery context that a rider claimed
// its arranged bouquet and is on the way, that they are at the shop, that the bouquet was picked
// up and delivered — so the board moves the order out of "Ready for pickup" at the pickup, and not
// before — or, when the customer's cancellation recalled it, that the rider brought it back.
// Idempotent by the inbox; each timestamp is kept from its first event (a redelivered or late
// event changes nothing); the board reads the latest step reached, so a claim handled after the
// pickup hides nothing. D4: a failed attempt shows on the card until the shop reschedules it —
// which clears the trip's steps, so the card is back in "Ready for pickup" for the next rider —
// or refunds it, which ends the store order (the flowers were used: no stock comes back).
import type { PolicyEvent } from "@bloom/domain";
import type { Transaction } from "../shared/inbox";
import { keepFirst, lockStoreOrderProgress, updateStoreOrder } from "./store-orders.repo";

export async function recordDeliveryProgress(tx: Transaction, e: PolicyEvent<"store-pickup">) {
  const at = new Date(e.occurredAt).toISOString();
  const so = await lockStoreOrderProgress(tx, e.orderId); // a pickup and a delivery handled at once take turns
  if (!so) return {};
  const update = (step: Parameters<typeof updateStoreOrder>[2]) => updateStoreOrder(tx, so.id, step);
  switch (e.type) {
    case "DeliveryClaimed":
      if (!so.claimed) await update({ claimed_at: at, rider_name: e.payload.riderName });
      break;
    case "RiderArrivedAtShop":
      if (!so.arrived) await update({ arrived_at: at });
      break;
    case "DeliveryStarted":
      if (!so.pickedUp) await update({ picked_up_at: at, claimed_at: keepFirst("claimed_at", at), rider_name: e.payload.riderName });
      break;
    case "DeliveryReturned":
      if (!so.returned) await update({ returned_at: at, picked_up_at: keepFirst("picked_up_at", at), rider_name: e.payload.riderName });
      break;
    case "DeliveryCompleted":
      if (!so.delivered) await update({ delivered_at: at, picked_up_at: keepFirst("picked_up_at", at), attempted_at: null, back_at_shop_at: null });
      break;
    case "DeliveryLeftWithNeighbour":
      if (!so.delivered) await update({ delivered_at: at, picked_up_at: keepFirst("picked_up_at", at), left_with: e.payload.name, attempted_at: null, back_at_shop_at: null });
      break;
    // The attempt number orders them: a late duplicate of an earlier attempt changes nothing.
    case "DeliveryAttempted":
      if (e.payload.attempt > so.attempts) await update({ attempted_at: at, attempt_reason: e.payload.reason, attempts: e.payload.attempt, back_at_shop_at: null });
      break;
    case "DeliveryBackAtShop":
      if (so.attempted) await update({ back_at_shop_at: at });
      break;
    case "DeliveryRescheduled":
      await update({
        delivery_date: e.payload.deliveryDate,
        time_slot: e.payload.timeSlot,
        attempted_at: null,
        back_at_shop_at: null,
        claimed_at: null,
        arrived_at: null,
        picked_up_at: null,
        rider_name: null,
      });
      break;
    case "DeliveryAbandoned":
      if (so.status === "DECORATED") await update({ status: "CANCELLED", reject_reason: e.payload.reason });
      break;
  }
  return { storeId: so.storeId };
}
