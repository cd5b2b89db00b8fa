// X4: the events a partner's webhook endpoint can subscribe to — a published list, named for the
// partner (order.*), each the public side of one or more domain events — and the body of each
// delivery: { type, timestamp, data: { order, ... } } (Standard Webhooks' payload shape). The order
// is a fold of its own events up to this one, so a partner sees what the event made of it, never
// an internal id (customer, payment, delivery, rider) nor the card.
import { z } from "zod";
import type { DomainEvent, EventType } from "../events/catalog";
import { followEvent, type OrderStatus } from "../ordering/order";
import { publicOrderSchema } from "../ordering/public-order";

export const WEBHOOK_EVENT_TYPES = [
  "order.placed",
  "order.accepted",
  "order.arranged",
  "order.rejected",
  "order.cancelled",
  "order.out_for_delivery",
  "order.delivered",
  "order.delivery_failed",
  "order.rescheduled",
  "order.refunded",
  // W1: photo approval before dispatch.
  "order.arrangement_photo",
  "order.change_requested",
  "order.arrangement_approved",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "order.placed": "The order was placed and paid",
  "order.accepted": "The shop accepted the order",
  "order.arranged": "The bouquet is arranged and waits for a rider",
  "order.rejected": "The shop rejected the order (a refund follows: order.refunded)",
  "order.cancelled": "The order was cancelled — by you, or by the shop after a failed delivery (a refund follows)",
  "order.out_for_delivery": "A rider picked the bouquet up at the shop",
  "order.delivered": "The bouquet was delivered (to the recipient, or a named neighbour or concierge)",
  "order.delivery_failed": "Nobody could take the bouquet; it goes back to the shop",
  "order.rescheduled": "The shop booked a new delivery date and slot after a failed attempt",
  "order.refunded": "The payment was refunded",
  "order.arrangement_photo": "The shop sent a photo of the arranged bouquet for the sender to approve (with any substitutions)",
  "order.change_requested": "The sender asked the shop for one change to the bouquet",
  "order.arrangement_approved": "The bouquet's photo was approved, by the sender or by the approval window lapsing; order.arranged follows",
};

/** Which domain event is which webhook event; the others (a rider's claim, internal steps) are not published. */
export const WEBHOOK_TYPE_OF: Partial<Record<EventType, WebhookEventType>> = {
  OrderPlaced: "order.placed",
  StoreOrderAccepted: "order.accepted",
  DecorationCompleted: "order.arranged",
  StoreOrderRejected: "order.rejected",
  OrderCancelled: "order.cancelled",
  DeliveryAbandoned: "order.cancelled",
  DeliveryStarted: "order.out_for_delivery",
  DeliveryCompleted: "order.delivered",
  DeliveryLeftWithNeighbour: "order.delivered",
  DeliveryAttempted: "order.delivery_failed",
  DeliveryRescheduled: "order.rescheduled",
  PaymentRefunded: "order.refunded",
  ArrangementPhotoSubmitted: "order.arrangement_photo",
  ArrangementChangeRequested: "order.change_requested",
  ArrangementApproved: "order.arrangement_approved",
};
export const WEBHOOK_SOURCE_EVENTS = Object.keys(WEBHOOK_TYPE_OF) as EventType[];

const won = z.number().int().describe("Amount in Korean won (₩)");

/** The order as a partner sees it in a webhook: the public order of GET /api/v1/orders/{id}, and whether it was refunded. */
export const webhookOrderSchema = publicOrderSchema.extend({ refunded: z.boolean() });
export type WebhookOrder = z.infer<typeof webhookOrderSchema>;

/** What the event itself says beyond the order (each field only where the event has it). */
export const webhookDetailSchema = z.object({
  reason: z.string().nullable().optional().describe("order.rejected: OUT_OF_FLOWERS, OUT_OF_MATERIALS or OTHER; order.cancelled / order.delivery_failed: why"),
  detail: z.string().nullable().optional().describe("order.rejected: the shop's words; order.delivery_failed: the rider's note"),
  attempt: z.number().int().optional().describe("order.delivery_failed: 1 for the first failed attempt"),
  leftWith: z.string().optional().describe("order.delivered: the neighbour or concierge who took the bouquet"),
  amountWon: won.optional().describe("order.refunded: the amount refunded"),
  feeWon: won.optional().describe("order.rescheduled: the redelivery fee recorded (not charged by this API)"),
  substitutions: z.string().nullable().optional().describe("order.arrangement_photo: the florist's substitutions (e.g. peony → garden rose)"),
  approvalDueAt: z.iso.datetime().optional().describe("order.arrangement_photo: the sender may answer until then; silence approves"),
  note: z.string().optional().describe("order.change_requested: what the sender asked to change"),
  approvedBy: z.enum(["sender", "timeout"]).optional().describe("order.arrangement_approved: the sender, or the window lapsing"),
});

export const webhookPayloadSchema = z.object({
  type: z.enum(WEBHOOK_EVENT_TYPES),
  timestamp: z.iso.datetime().describe("When the event happened (UTC)"),
  data: z.object({ order: webhookOrderSchema, event: webhookDetailSchema }),
});
export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/**
 * The order after its events, in log order, up to and including `upTo` (an event id); null when
 * its OrderPlaced is missing. The same status rule as the ordering context (followEvent).
 */
export function foldWebhookOrder(events: DomainEvent[], upTo: string): WebhookOrder | null {
  const placed = events.find((e) => e.type === "OrderPlaced");
  if (!placed || placed.type !== "OrderPlaced") return null;
  const p = placed.payload;
  const order: WebhookOrder = {
    id: placed.orderId,
    status: "PLACED",
    statusReason: null,
    storeId: p.storeId,
    storeName: p.storeName,
    totalWon: p.totalWon,
    deliveryFeeWon: p.deliveryFeeWon ?? 0,
    items: p.lines.map((l) => ({ bouquetId: l.bouquetId, name: l.name, unitPriceWon: l.unitPriceWon, quantity: l.quantity, nameKo: l.nameKo || l.name, tier: l.tier ?? "STANDARD" })),
    storeNameKo: p.storeNameKo || p.storeName,
    delivery: {
      recipientName: p.recipientName,
      recipientPhone: p.recipientPhone,
      address: p.address,
      deliveryDate: p.deliveryDate,
      timeSlot: p.timeSlot,
      giftMessage: p.giftMessage,
      note: p.note,
      redeliveryFeeWon: 0,
    },
    refunded: false,
    createdAt: placed.occurredAt,
    updatedAt: placed.occurredAt,
    addons: (p.addons ?? []).map((a) => ({ addonId: a.addonId, name: a.name, nameKo: a.nameKo, unitPriceWon: a.unitPriceWon, quantity: a.quantity })),
  };
  for (const e of events) {
    if (e.eventId !== placed.eventId) apply(order, e);
    if (e.eventId === upTo) return order;
  }
  return null;
}

function apply(o: WebhookOrder, e: DomainEvent) {
  o.updatedAt = e.occurredAt > o.updatedAt ? e.occurredAt : o.updatedAt;
  if (e.type === "PaymentRefunded") {
    o.refunded = true;
    return;
  }
  if (e.type === "OrderCancelled") {
    if (o.status !== "DELIVERING" && o.status !== "DELIVERED" && o.status !== "REJECTED") {
      o.status = "CANCELLED";
      o.statusReason = e.payload.reason;
    }
    return;
  }
  const next: OrderStatus | null = followEvent(o.status, e.type);
  if (!next) return;
  o.status = next;
  if (e.type === "StoreOrderRejected") o.statusReason = e.payload.detail ?? e.payload.reason;
  if (e.type === "DeliveryAbandoned") o.statusReason = e.payload.reason ?? "Not delivered: refunded by the shop";
  if (e.type === "DeliveryLeftWithNeighbour") o.statusReason = `Left with ${e.payload.name}`;
  if (e.type === "DeliveryRescheduled") {
    o.delivery.deliveryDate = e.payload.deliveryDate;
    o.delivery.timeSlot = e.payload.timeSlot;
    o.delivery.redeliveryFeeWon += e.payload.feeWon;
  }
}

function detailOf(e: DomainEvent): z.infer<typeof webhookDetailSchema> {
  switch (e.type) {
    case "StoreOrderRejected":
      return { reason: e.payload.reason, detail: e.payload.detail };
    case "OrderCancelled":
    case "DeliveryAbandoned":
      return { reason: e.payload.reason };
    case "DeliveryAttempted":
      return { reason: e.payload.reason, detail: e.payload.note, attempt: e.payload.attempt };
    case "DeliveryLeftWithNeighbour":
      return { leftWith: e.payload.name };
    case "PaymentRefunded":
      return { amountWon: e.payload.amountWon };
    case "DeliveryRescheduled":
      return { feeWon: e.payload.feeWon };
    case "ArrangementPhotoSubmitted":
      return { substitutions: e.payload.substitutions, approvalDueAt: e.payload.dueAt };
    case "ArrangementChangeRequested":
      return { note: e.payload.note };
    case "ArrangementApproved":
      return { approvedBy: e.payload.by };
    default:
      return {};
  }
}

/** The webhook body for `event`, given the order's events in log order (null: not a published type, or no order). */
export function webhookPayloadFor(events: DomainEvent[], event: DomainEvent): WebhookPayload | null {
  const type = WEBHOOK_TYPE_OF[event.type];
  if (!type) return null;
  const order = foldWebhookOrder(events, event.eventId);
  if (!order) return null;
  return { type, timestamp: event.occurredAt, data: { order, event: detailOf(event) } };
}
