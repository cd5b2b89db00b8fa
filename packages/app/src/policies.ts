// One handler per policy (queue). The worker calls runPolicy for each job; every handler runs
// inside handleOnce, so redelivery is harmless (C4).
import type { Db, SqlClient, Tx } from "@bloom/db";
import { parseEvent, riderConcernOf, type DomainEvent, type Policy } from "@bloom/domain";
import { cancelStoreOrderFor } from "./store/on-order-cancelled";
import { putOrderOnBoard } from "./store/on-order-placed";
import { recordDeliveryProgress } from "./store/on-delivery-progress";
import { openDeliveryRequest } from "./delivery/on-decoration-completed";
import { withdrawDelivery } from "./delivery/on-order-cancelled";
import { requestRefund } from "./payment/refund";
import { followOrderStatus } from "./ordering/follow-status";
import { projectEvent } from "./mypage/project";
import { handleOnce, handleOnceSql } from "./shared/inbox";
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
type Handler = (tx: Tx, e: DomainEvent) => Promise<LiveHint | void>;
/** The policies that run for every order are plain SQL on one connection (see handleOnceSql). */
type SqlHandler = { sql: (c: SqlClient, e: DomainEvent) => Promise<LiveHint | void> };
/** A policy that claims the event itself, in the same statement as its effect (handleOnceInStatement). */
type StatementHandler = { statement: (db: Db, consumer: string, e: DomainEvent) => Promise<{ outcome: "done" | "duplicate"; hint: LiveHint }> };

export function policyHandlers(): Record<Policy, Handler | SqlHandler | StatementHandler> {
  return {
    "store-notification": {
      statement: async (db, consumer, e) => {
        if (e.type !== "OrderPlaced") return { outcome: await handleOnceSql(db, consumer, e.eventId, async () => {}), hint: {} };
        const outcome = await putOrderOnBoard(db, consumer, e);
        return { outcome, hint: { storeId: e.payload.storeId, customerId: e.payload.customerId } };
      },
    },
    "store-pickup": (tx, e) => recordDeliveryProgress(tx, e),
    "delivery-request": async (tx, e) => {
      if (e.type !== "DecorationCompleted") return;
      return { storeId: e.payload.storeId, market: await openDeliveryRequest(tx, e) };
    },
    // Decides the refund only; the worker's refund executor calls the processor outside the transaction (M4).
    refund: async (tx, e) => {
      if (e.type === "StoreOrderRejected" || e.type === "OrderCancelled" || e.type === "DeliveryAbandoned") return requestRefund(tx, e);
    },
    "store-order-cancellation": async (tx, e) => {
      if (e.type !== "OrderCancelled") return;
      await cancelStoreOrderFor(tx, e);
      return { storeId: e.payload.storeId, customerId: e.payload.customerId };
    },
    "delivery-cancellation": async (tx, e) => {
      if (e.type !== "OrderCancelled") return;
      return { storeId: e.payload.storeId, ...(await withdrawDelivery(tx, e)) };
    },
    "order-status": (tx, e) => followOrderStatus(tx, e),
    "mypage-projection": {
      sql: async (c, e) => ({
        customerId: (await projectEvent(c, e)).customerId,
        // W1: the photo's answer changes the florist's card too (no other policy tells the board).
        ...(e.type === "ArrangementPhotoSubmitted" || e.type === "ArrangementChangeRequested" || e.type === "ArrangementApproved" ? { storeId: e.payload.storeId } : {}),
      }),
    },
    "partner-webhooks": { sql: async (c, e) => ({ webhookDeliveries: await planWebhookDeliveries(c, e) }) },
    // Plans the sender's email only; the worker's message dispatcher sends it (X1, X5).
    "sender-email": { sql: (c, e) => planSenderEmail(c, e) },
    // Plans the recipient's text message with the tracking link; the dispatcher sends it (X2, X5).
    "recipient-sms": (tx, e) => planRecipientSms(tx, e),
    // Plans a web push per device of the owners and riders concerned; the dispatcher sends them (X3).
    "staff-push": { sql: (c, e) => planStaffPush(c, e) },
  };
}

export async function runPolicy(
  db: Db,
  handlers: Record<Policy, Handler | SqlHandler | StatementHandler>,
  policy: Policy,
  raw: unknown,
): Promise<{ event: DomainEvent; outcome: "done" | "duplicate"; hint: LiveHint }> {
  const event = parseEvent(raw);
  let hint: LiveHint = {};
  const handler = handlers[policy];
  let outcome: "done" | "duplicate";
  if (typeof handler === "function") {
    outcome = await handleOnce(db, policy, event.eventId, async (tx) => {
      hint = (await handler(tx, event)) ?? {};
    });
  } else if ("sql" in handler) {
    outcome = await handleOnceSql(db, policy, event.eventId, async (c) => {
      hint = (await handler.sql(c, event)) ?? {};
    });
  } else {
    ({ outcome, hint } = await handler.statement(db, policy, event));
  }
  // A delivery event concerns its rider (and the open market) whichever policy handled it.
  const rider = riderConcernOf(event);
  return { event, outcome, hint: { ...hint, riderId: hint.riderId ?? rider.riderId, market: Boolean(hint.market || rider.market) } };
}
