// Every integration event: a versioned zod schema per type. Each carries the order id (the
// correlation key, C2), its own id (consumers deduplicate on it), time and actor.
import { z } from "zod";
import { PICKUP_CONFIRMERS } from "../delivery/delivery";
import { ATTEMPT_REASONS } from "../delivery/attempt-reasons";
import { REJECT_REASONS } from "../store/reject-reasons";
import { EVENT_TYPES, type EventType } from "./event-types";
import { BOUQUET_TIERS } from "../ordering/size-tiers";

const line = z.object({
  bouquetId: z.string(),
  name: z.string(),
  unitPriceWon: z.number().int(),
  quantity: z.number().int(),
  /** W5: the bouquet's Korean name as ordered; absent in events from before it (show `name`). */
  nameKo: z.string().optional(),
  /** W4: the size, when not standard (absent = standard, as in every event from before sizes). */
  tier: z.enum(BOUQUET_TIERS).optional(),
});

/** W4: an add-on bought with the order, priced when placed. */
const addonLine = z.object({
  addonId: z.string(),
  name: z.string(),
  nameKo: z.string(),
  unitPriceWon: z.number().int(),
  quantity: z.number().int(),
});

export { REJECT_REASONS, type RejectReason } from "../store/reject-reasons";

/** D5: what was left at the door; `photo` says one exists, never where it is stored. */
const proofSchema = z.object({ photo: z.boolean(), note: z.string().nullable() });

export const eventPayloads = {
  OrderPlaced: z.object({
    customerId: z.string(),
    storeId: z.string(),
    storeName: z.string(),
    lines: z.array(line).min(1),
    totalWon: z.number().int(),
    recipientName: z.string(),
    recipientPhone: z.string(),
    address: z.string(),
    deliveryDate: z.string(),
    timeSlot: z.string(),
    giftMessage: z.string().nullable(),
    note: z.string().nullable(),
    paymentId: z.string(),
    /** D1: the delivery fee inside totalWon (totalWon = lines + fee); absent in events from before zones (₩0). */
    deliveryFeeWon: z.number().int().optional(),
    /** X2: the sender chose not to be named to the recipient; absent in events from before it (false). */
    sendAnonymously: z.boolean().optional(),
    /** W5: the shop's Korean name; absent in events from before it (show `storeName`). */
    storeNameKo: z.string().optional(),
    /** W4: the add-ons inside totalWon (totalWon = lines + add-ons + fee); absent = none. */
    addons: z.array(addonLine).optional(),
  }),
  OrderCancelled: z.object({ customerId: z.string(), storeId: z.string(), reason: z.string().nullable() }),
  StoreOrderAccepted: z.object({ storeId: z.string(), overStock: z.boolean() }),
  DecorationCompleted: z.object({
    storeId: z.string(),
    storeName: z.string(),
    pickupAddress: z.string(),
    dropoffAddress: z.string(),
    recipientName: z.string(),
    recipientPhone: z.string(),
    deliveryDate: z.string(),
    timeSlot: z.string(),
    /** D6: what the rider needs to decide; absent in events from before D6. */
    deliveryFeeWon: z.number().int().optional(),
    storePhone: z.string().optional(),
    distanceKm: z.number().nullable().optional(),
    items: z.array(z.object({ name: z.string(), quantity: z.number().int(), nameKo: z.string().optional() })).optional(),
    /** D5: the shop requires a photo at the door; absent in events written before it. */
    requireDeliveryPhoto: z.boolean().optional(),
    /** W5: the shop's Korean name and address; absent in events from before it (show the English). */
    storeNameKo: z.string().optional(),
    pickupAddressKo: z.string().optional(),
  }),
  StoreOrderRejected: z.object({
    storeId: z.string(),
    reason: z.enum(REJECT_REASONS),
    detail: z.string().nullable(),
  }),
  PaymentRefunded: z.object({
    paymentId: z.string(),
    amountWon: z.number().int(),
    /** UNDELIVERED (D4): the shop ended a failed delivery with a refund. */
    cause: z.enum(["REJECTED", "CANCELLED", "UNDELIVERED"]),
  }),
  DeliveryRequested: z.object({ deliveryId: z.string(), storeId: z.string() }),
  /** A rider took the request (D3); the bouquet is still at the shop, so the order stays cancellable. */
  DeliveryClaimed: z.object({ deliveryId: z.string(), riderId: z.string(), riderName: z.string() }),
  /** The rider who claimed it says they are at the shop (an optional step). */
  RiderArrivedAtShop: z.object({ deliveryId: z.string(), riderId: z.string() }),
  /**
   * Picked up: the bouquet left the shop with the rider, and the order can no longer be cancelled.
   * `confirmedBy`: who confirmed the handover; absent in events written before D3, when the
   * rider's "Take and start" was the pickup.
   */
  DeliveryStarted: z.object({
    deliveryId: z.string(),
    riderId: z.string(),
    riderName: z.string(),
    confirmedBy: z.enum(PICKUP_CONFIRMERS).optional(),
  }),
  /** `proof` (D5): absent in events written before proof of delivery; the photo itself is served only to those concerned. */
  DeliveryCompleted: z.object({ deliveryId: z.string(), riderId: z.string(), proof: proofSchema.optional() }),
  /** `riderId`: the rider who had picked the bouquet up and now returns it (a recall); absent or null when the request was still open. */
  DeliveryCancelled: z.object({ deliveryId: z.string(), riderId: z.string().nullable().optional() }),
  /** The rider of a recalled delivery brought the bouquet back to the shop. */
  DeliveryReturned: z.object({ deliveryId: z.string(), riderId: z.string(), riderName: z.string() }),
  // D4: failed deliveries, each its own event.
  /** Delivered into a neighbour's or a concierge's hands (named): counts as delivered. */
  DeliveryLeftWithNeighbour: z.object({ deliveryId: z.string(), riderId: z.string(), name: z.string(), proof: proofSchema }),
  /** Nobody took the bouquet; the rider takes it back to the shop. `attempt`: 1 for the first. */
  DeliveryAttempted: z.object({
    deliveryId: z.string(),
    riderId: z.string(),
    reason: z.enum(ATTEMPT_REASONS),
    note: z.string().nullable(),
    attempt: z.number().int().min(1),
  }),
  /** The bouquet of a failed attempt is back at the shop, awaiting a new slot or a refund. */
  DeliveryBackAtShop: z.object({ deliveryId: z.string(), riderId: z.string(), riderName: z.string() }),
  /** The shop booked a new date and slot: the request is open to riders again. `feeWon` is recorded on the order, not charged: charging it through the processor is left to do. */
  DeliveryRescheduled: z.object({
    deliveryId: z.string(),
    storeId: z.string(),
    deliveryDate: z.string(),
    timeSlot: z.string(),
    feeWon: z.number().int().min(0),
  }),
  /** The shop ended a failed delivery with a refund to the sender. */
  DeliveryAbandoned: z.object({ deliveryId: z.string(), storeId: z.string(), reason: z.string().nullable() }),
  // W1: photo approval. The photo itself is served only to those concerned; events say a round has one.
  /** The florist sent a photo of the arranged bouquet (round 1, or 2 after a change request); the sender may answer until `dueAt`. */
  ArrangementPhotoSubmitted: z.object({
    storeId: z.string(),
    round: z.number().int().min(1),
    substitutions: z.string().nullable(),
    dueAt: z.iso.datetime(),
  }),
  /** The sender asked for one change, with a note for the florist. */
  ArrangementChangeRequested: z.object({ storeId: z.string(), round: z.number().int().min(1), note: z.string() }),
  /** Approved by the sender, or by the window lapsing (`timeout`); DecorationCompleted follows in the same transaction. */
  ArrangementApproved: z.object({ storeId: z.string(), round: z.number().int().min(1), by: z.enum(["sender", "timeout"]) }),
} as const satisfies Record<EventType, z.ZodType>;

export { EVENT_TYPES, type EventType } from "./event-types";
export type EventPayload<T extends EventType> = z.infer<(typeof eventPayloads)[T]>;

/** The current schema version of every event type. Bump on a breaking payload change. */
export const EVENT_VERSION = 1;

export const actorSchema = z.object({
  // RECIPIENT (X2): the person a bouquet is for, through the tracking link (no account: id null).
  role: z.enum(["CUSTOMER", "OWNER", "RIDER", "ADMIN", "SYSTEM", "RECIPIENT"]),
  id: z.string().nullable(),
});
export type Actor = z.infer<typeof actorSchema>;
export const SYSTEM: Actor = { role: "SYSTEM", id: null };

const envelopeBase = {
  eventId: z.uuid(),
  version: z.literal(EVENT_VERSION),
  orderId: z.uuid(),
  occurredAt: z.iso.datetime(),
  actor: actorSchema,
};

export const domainEventSchema = z.discriminatedUnion(
  "type",
  EVENT_TYPES.map((type) => z.object({ ...envelopeBase, type: z.literal(type), payload: eventPayloads[type] })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: {
    eventId: string;
    type: K;
    version: typeof EVENT_VERSION;
    orderId: string;
    occurredAt: string;
    actor: Actor;
    payload: EventPayload<K>;
  };
}[T];

/** Creates an event, validating its payload against the type's schema. */
export function createEvent<T extends EventType>(
  type: T,
  orderId: string,
  payload: EventPayload<T>,
  actor: Actor,
  at: Date = new Date(),
): DomainEvent<T> {
  const parsed = eventPayloads[type].parse(payload) as EventPayload<T>;
  return {
    eventId: globalThis.crypto.randomUUID(),
    type,
    version: EVENT_VERSION,
    orderId,
    occurredAt: at.toISOString(),
    actor,
    payload: parsed,
  } as DomainEvent<T>;
}

/** Reads an event from the wire: refuses unknown types and versions with a clear error. */
export function parseEvent(raw: unknown): DomainEvent {
  const v = (raw as { version?: unknown } | null)?.version;
  if (v !== EVENT_VERSION) throw new Error(`Unsupported event version ${String(v)} (this code reads v${EVENT_VERSION})`);
  return domainEventSchema.parse(raw) as DomainEvent;
}
