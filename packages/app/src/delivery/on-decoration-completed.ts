// Policy "delivery-request" (F5): an arranged bouquet becomes an open delivery request.
import { createEvent, riderFeeOf, SYSTEM, type PolicyEvent } from "@bloom/domain";
import type { Transaction } from "../shared/inbox";
import { appendEventsIn } from "../shared/outbox.repo";
import { deliveryOfOrder, insertDelivery } from "./delivery.repo";

/** True when a request opened (riders hear of it), false when a cancellation had come first. */
export async function openDeliveryRequest(tx: Transaction, e: PolicyEvent<"delivery-request">): Promise<boolean> {
  const p = e.payload;
  // A cancellation that overtook this event left a CANCELLED row: then nothing opens.
  if (await deliveryOfOrder(tx, e.orderId)) return false;
  const deliveryId = await insertDelivery(tx, {
    order_id: e.orderId,
    store_id: p.storeId,
    store_name: p.storeName,
    pickup_address: p.pickupAddress,
    dropoff_address: p.dropoffAddress,
    recipient_name: p.recipientName,
    recipient_phone: p.recipientPhone,
    delivery_date: p.deliveryDate,
    time_slot: p.timeSlot,
    // D6: absent in events from before D6 (the columns' defaults then: ₩0, no phone, unknown distance).
    rider_fee_won: riderFeeOf(p.deliveryFeeWon ?? 0),
    store_phone: p.storePhone ?? "",
    distance_km: p.distanceKm ?? null,
    items: JSON.stringify(p.items ?? []),
    require_photo: p.requireDeliveryPhoto ?? false,
    // W5: absent in events from before it ("": the screens show the English).
    store_name_ko: p.storeNameKo ?? "",
    pickup_address_ko: p.pickupAddressKo ?? "",
  });
  await appendEventsIn(tx, [createEvent("DeliveryRequested", e.orderId, { deliveryId, storeId: p.storeId }, SYSTEM)]);
  return true;
}
