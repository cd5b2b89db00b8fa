// Policy "delivery-request" (F5): an arranged bouquet becomes an open delivery request.
import type { Tx } from "@bloom/db";
import { createEvent, riderFeeOf, SYSTEM, type DomainEvent } from "@bloom/domain";
import { appendEvents } from "../shared/outbox";

/** True when a request opened (riders hear of it), false when a cancellation had come first. */
export async function openDeliveryRequest(tx: Tx, e: DomainEvent<"DecorationCompleted">): Promise<boolean> {
  const p = e.payload;
  // A cancellation that overtook this event left a CANCELLED row: then nothing opens.
  const existing = await tx.delivery.findUnique({ where: { orderId: e.orderId } });
  if (existing) return false;
  const delivery = await tx.delivery.create({
    data: {
      orderId: e.orderId,
      storeId: p.storeId,
      storeName: p.storeName,
      pickupAddress: p.pickupAddress,
      dropoffAddress: p.dropoffAddress,
      recipientName: p.recipientName,
      recipientPhone: p.recipientPhone,
      deliveryDate: p.deliveryDate,
      timeSlot: p.timeSlot,
      // D6: absent in events from before D6 (the columns' defaults then: ₩0, no phone, unknown distance).
      riderFeeWon: riderFeeOf(p.deliveryFeeWon ?? 0),
      storePhone: p.storePhone ?? "",
      distanceKm: p.distanceKm ?? null,
      items: p.items ?? [],
      requirePhoto: p.requireDeliveryPhoto ?? false,
      // W5: absent in events from before it ("": the screens show the English).
      storeNameKo: p.storeNameKo ?? "",
      pickupAddressKo: p.pickupAddressKo ?? "",
    },
  });
  await appendEvents(tx, [createEvent("DeliveryRequested", e.orderId, { deliveryId: delivery.id, storeId: p.storeId }, SYSTEM)]);
  return true;
}
