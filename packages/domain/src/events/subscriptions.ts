// Which policy (queue) reacts to which event. The outbox relay fans each event out to the
// queues listed here; each queue has one handler in the worker.
import type { DomainEvent, EventType } from "./catalog";
import { EVENT_TYPES } from "./event-types";

export const POLICIES = {
  /** OrderPlaced → a store order on the owner's board, with a notification (F3). */
  "store-notification": ["OrderPlaced"],
  /**
   * A rider claimed the request, arrived at the shop, picked up / delivered (or, after a recall,
   * returned) the bouquet → the store's board follows it (F4, D3).
   */
  "store-pickup": [
    "DeliveryClaimed",
    "RiderArrivedAtShop",
    "DeliveryStarted",
    "DeliveryCompleted",
    "DeliveryReturned",
    // D4: a failed attempt, the bouquet back at the shop, a new slot, or the shop's refund.
    "DeliveryLeftWithNeighbour",
    "DeliveryAttempted",
    "DeliveryBackAtShop",
    "DeliveryRescheduled",
    "DeliveryAbandoned",
  ],
  /** DecorationCompleted → an open delivery request for riders (F5). */
  "delivery-request": ["DecorationCompleted"],
  /** Rejected or cancelled → the payment is refunded, exactly once (F7, F12). */
  refund: ["StoreOrderRejected", "OrderCancelled", "DeliveryAbandoned"],
  /** OrderCancelled → the store order is cancelled (F12). */
  "store-order-cancellation": ["OrderCancelled"],
  /** OrderCancelled → an open delivery is cancelled (F12). */
  "delivery-cancellation": ["OrderCancelled"],
  /**
   * The ordering context follows the store and delivery contexts (F13). Not a claim nor an arrival:
   * the order stays cancellable until the pickup, DeliveryStarted (D3).
   */
  "order-status": [
    "StoreOrderAccepted",
    "DecorationCompleted",
    "StoreOrderRejected",
    "DeliveryStarted",
    "DeliveryCompleted",
    "PaymentRefunded",
    // D4: left with a neighbour is delivered; a new slot makes the order cancellable again until
    // the next pickup; the shop's refund ends it.
    "DeliveryLeftWithNeighbour",
    "DeliveryRescheduled",
    "DeliveryAbandoned",
  ],
  /** MyPage's read model hears everything (F14, N4): every event of the catalog, listed once (event-types.ts). */
  "mypage-projection": EVENT_TYPES,
  /**
   * X4: the published events of a partner's (API client's) orders → one signed webhook delivery
   * per subscribed endpoint (webhooks/events.ts maps each to its public type).
   */
  "partner-webhooks": [
    "OrderPlaced",
    "StoreOrderAccepted",
    "DecorationCompleted",
    "StoreOrderRejected",
    "OrderCancelled",
    "DeliveryAbandoned",
    "DeliveryStarted",
    "DeliveryCompleted",
    "DeliveryLeftWithNeighbour",
    "DeliveryAttempted",
    "DeliveryRescheduled",
    "PaymentRefunded",
    // W1: photo approval.
    "ArrangementPhotoSubmitted",
    "ArrangementChangeRequested",
    "ArrangementApproved",
  ],
  /** The sender hears each step by email, in their language (X1); plans messages only, the dispatcher sends them (X5). */
  "sender-email": [
    "OrderPlaced",
    "StoreOrderAccepted",
    "DeliveryStarted",
    "DeliveryCompleted",
    "DeliveryLeftWithNeighbour",
    "DeliveryAttempted",
    "DeliveryRescheduled",
    "StoreOrderRejected",
    "OrderCancelled",
    "DeliveryAbandoned",
    "PaymentRefunded",
    // W1: the photo of the arranged bouquet to approve.
    "ArrangementPhotoSubmitted",
  ],
  /** The recipient gets a text with the tracking link once the shop accepted the order, and after a failed attempt (X2). */
  "recipient-sms": ["StoreOrderAccepted", "DeliveryAttempted"],
  /**
   * X3: a new order and a cancellation ring the shop's owner, a cancelled delivery its rider, a
   * request opening (or open again) the riders — on their devices, through web push.
   */
  "staff-push": ["OrderPlaced", "OrderCancelled", "DeliveryCancelled", "DeliveryRequested", "DeliveryRescheduled"],
} as const satisfies Record<string, readonly EventType[]>;

export type Policy = keyof typeof POLICIES;
export const POLICY_NAMES = Object.keys(POLICIES) as Policy[];

/**
 * Policies whose work shows on no screen (messages that leave the app: email, texts, pushes,
 * partners' webhooks): the worker announces no live change for them, so screens are not refetched
 * once more per message.
 */
export const SILENT_POLICIES: ReadonlySet<Policy> = new Set<Policy>(["partner-webhooks", "sender-email", "recipient-sms", "staff-push"]);

export function policiesFor(type: EventType): Policy[] {
  return POLICY_NAMES.filter((p) => (POLICIES[p] as readonly EventType[]).includes(type));
}

/** The events a policy's handler receives: the types its subscription lists, nothing else. */
export type PolicyEvent<P extends Policy> = DomainEvent<(typeof POLICIES)[P][number]>;

/** Whether `e` is one of the events `policy` subscribes to (narrows it to PolicyEvent). */
export function isPolicyEvent<P extends Policy>(policy: P, e: DomainEvent): e is DomainEvent & PolicyEvent<P> {
  return (POLICIES[policy] as readonly EventType[]).includes(e.type);
}
