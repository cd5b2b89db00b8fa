// One handler per policy (queue). The worker calls runPolicy for each job; every handler runs
// inside handleOnce, so redelivery is harmless (C4). One handler shape, typed by the policy's
// subscription (PolicyEvent).
import type { Db, Transaction } from "@bloom/db";
import { isPolicyEvent, parseEvent, riderConcernOf, type DomainEvent, type Policy, type PolicyEvent } from "@bloom/domain";
import { cancelStoreOrderFor } from "./store/on-order-cancelled";
import { putOrderOnBoard } from "./store/on-order-placed";
import { recordDeliveryProgress } from "./store/on-delivery-progress";
import { openDeliveryRequest } from "./delivery/on-decoration-completed";
import { withdrawDelivery } from "./delivery/on-order-cancelled";
import { requestRefund } from "./payment/refund";
import { followOrderStatus } from "./ordering/follow-status";
import { projectEvent } from "./mypage/project";
import { handleOnce, type Effect, type InStatement } from "./shared/inbox";
import { planWebhookDeliveries, type PlannedDelivery } from "./webhooks/plan";
import { planSenderEmail } from "./notification/sender-email";
import { planRecipientSms } from "./notification/recipient-sms";
import { planStaffPush } from "./notification/push/staff-push";

/**
 * Who should hear that a policy changed something: routes live updates to the right screens.
 * `riderId`: the rider holding the delivery; `market`: the open delivery requests changed (S6).
 * `attention`: a case no rule can settle, logged for a person to follow up (with the order id).
 */
export type LiveHint = {
  customerId?: string | null;
  storeId?: string | null;
  riderId?: string | null;
  market?: boolean;
  attention?: string;
  refundRequested?: boolean;
  /** X4: webhook deliveries planned in the policy's transaction, for the worker to queue after the commit. */
  webhookDeliveries?: PlannedDelivery[];
  /** The policy planned messages (notify_messages): the worker wakes its message dispatcher. */
  messagesPlanned?: boolean;
};
/**
 * A policy's handler: the effect of one event of its subscription, on the claim's transaction
 * (the one transaction type, ADR 0001), and who should hear of it. `{ inStatement }`: the claim
 * and the effect are one statement (the store-notification, once per order).
 */
export type PolicyHandler<P extends Policy> =
  | ((tx: Transaction, e: PolicyEvent<P>) => Promise<LiveHint | void>)
  | { inStatement: (e: PolicyEvent<P>) => { statement: InStatement; hint: LiveHint } };
export type PolicyHandlers = { [P in Policy]: PolicyHandler<P> };

export function policyHandlers(): PolicyHandlers {
  return {
    "store-notification": {
      inStatement: (e) => ({ statement: putOrderOnBoard(e), hint: { storeId: e.payload.storeId, customerId: e.payload.customerId } }),
    },
    "store-pickup": (tx, e) => recordDeliveryProgress(tx, e),
    "delivery-request": async (tx, e) => ({ storeId: e.payload.storeId, market: await openDeliveryRequest(tx, e) }),
    // Decides the refund only; the worker's refund executor calls the processor outside the transaction (M4).
    refund: (tx, e) => requestRefund(tx, e),
    "store-order-cancellation": async (tx, e) => {
      await cancelStoreOrderFor(tx, e);
      return { storeId: e.payload.storeId, customerId: e.payload.customerId };
    },
    "delivery-cancellation": async (tx, e) => ({ storeId: e.payload.storeId, ...(await withdrawDelivery(tx, e)) }),
    "order-status": (tx, e) => followOrderStatus(tx, e),
    "mypage-projection": async (tx, e) => ({
      customerId: (await projectEvent(tx.client, e)).customerId,
      // W1: the photo's answer changes the florist's card too (no other policy tells the board).
      ...(e.type === "ArrangementPhotoSubmitted" || e.type === "ArrangementChangeRequested" || e.type === "ArrangementApproved" ? { storeId: e.payload.storeId } : {}),
    }),
    "partner-webhooks": async (tx, e) => ({ webhookDeliveries: await planWebhookDeliveries(tx.client, e) }),
    // Plans the sender's email only; the worker's message dispatcher sends it (X1, X5).
    "sender-email": (tx, e) => planSenderEmail(tx.client, e),
    // Plans the recipient's text message with the tracking link; the dispatcher sends it (X2, X5).
    "recipient-sms": (tx, e) => planRecipientSms(tx, e),
    // Plans a web push per device of the owners and riders concerned; the dispatcher sends them (X3).
    "staff-push": (tx, e) => planStaffPush(tx.client, e),
  };
}

/** The effect of `handler` on `event` for handleOnce; `hint` hears what it returned. */
function effectOf<P extends Policy>(handler: PolicyHandler<P>, event: PolicyEvent<P>, hint: (h: LiveHint | void) => void): Effect {
  if (typeof handler === "function") return async (tx) => hint(await handler(tx, event));
  const { statement, hint: h } = handler.inStatement(event);
  hint(h);
  return { inStatement: statement };
}

export async function runPolicy(
  db: Db,
  handlers: PolicyHandlers,
  policy: Policy,
  raw: unknown,
): Promise<{ event: DomainEvent; outcome: "done" | "duplicate"; hint: LiveHint }> {
  const event = parseEvent(raw);
  let hint: LiveHint = {};
  // An event the policy does not subscribe to (a redrive, a changed subscription) is claimed and
  // changes nothing, so the handlers see only their subscription's types.
  const { eventId } = event;
  const outcome = isPolicyEvent(policy, event)
    ? await handleOnce(db, policy, eventId, effectOf(handlers[policy] as PolicyHandler<typeof policy>, event, (h) => (hint = h ?? {})))
    : await handleOnce(db, policy, eventId, async () => {});
  // A delivery event concerns its rider (and the open market) whichever policy handled it.
  const rider = riderConcernOf(event);
  return { event, outcome, hint: { ...hint, riderId: hint.riderId ?? rider.riderId, market: Boolean(hint.market || rider.market) } };
}
