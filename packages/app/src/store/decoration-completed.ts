// The DecorationCompleted event (F5): what the delivery request needs from the shop and the order.
// Written by the florist's "Decoration done" and, with photo approval (W1), by the approval.
import type { Store, StoreOrder } from "@bloom/db";
import { createEvent, type Actor, type DecorationFacts, type DomainEvent } from "@bloom/domain";

export function decorationCompletedEvent(store: Store, so: StoreOrder, facts: DecorationFacts, actor: Actor, at?: Date): DomainEvent<"DecorationCompleted"> {
  return createEvent(
    "DecorationCompleted",
    so.orderId,
    {
      storeId: so.storeId,
      storeName: store.name,
      pickupAddress: store.address,
      dropoffAddress: so.address,
      recipientName: so.recipientName,
      recipientPhone: so.recipientPhone,
      deliveryDate: so.deliveryDate,
      timeSlot: so.timeSlot,
      ...facts,
      requireDeliveryPhoto: store.requireDeliveryPhoto,
      storeNameKo: store.nameKo,
      pickupAddressKo: store.addressKo,
    },
    actor,
    at,
  );
}
