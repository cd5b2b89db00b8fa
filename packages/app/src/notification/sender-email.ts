// Policy "sender-email" (X1): each step of an order becomes one planned email to its sender, in
// the sender's language, snapshotted from what the event and the order say now. It only plans
// (enqueueMessages, in the policy's inbox transaction); the dispatcher sends, and checks the
// customer's opt-outs again at send time. The notification context reads identity (the address),
// ordering (the receipt) and, for a delivered order's photo, delivery's proof key; it writes only
// its own tables (C1).
import type { SqlClient } from "@bloom/db";
import { EMAIL_KIND_OF_EVENT, localized, type DomainEvent, type EmailKind, type SenderEmailEvent } from "@bloom/domain";
import type { LiveHint } from "../policies";
import { enqueueMessages } from "./messages";

type OrderFacts = {
  customerId: string;
  email: string;
  customerName: string;
  locale: string | null;
  storeName: string;
  totalWon: number;
  deliveryFeeWon: number;
  recipientName: string;
  address: string;
  deliveryDate: string;
  timeSlot: string;
  giftMessage: string | null;
  cardBrand: string;
  cardLast4: string;
  lines: { name: string; quantity: number; unitPriceWon: number; nameKo?: string }[];
  /** W5: the shop's Korean name as ordered ("" before W5). */
  storeNameKo?: string;
};

/** What every email of an order shows (the receipt's facts), plus what the step adds. */
export type SenderEmailPayload = Omit<OrderFacts, "email" | "locale" | "customerId"> & {
  orderId: string;
  occurredAt: string;
  step: Record<string, unknown>;
};

/** Addresses that can never receive mail (RFC 2606 `.invalid`: the REST partners' accounts, who get webhooks). */
const UNDELIVERABLE = /\.invalid$/i;

export function isSenderEmailEvent(e: DomainEvent): e is DomainEvent<SenderEmailEvent> {
  return e.type in EMAIL_KIND_OF_EVENT;
}

/**
 * Plans the email for one event, on the policy's inbox transaction (plain SQL: this runs for nearly
 * every event of every order). `messagesPlanned` is false on a redelivery (the key was there).
 */
export async function planSenderEmail(c: SqlClient, e: DomainEvent): Promise<LiveHint> {
  if (!isSenderEmailEvent(e)) return {};
  const kind: EmailKind = EMAIL_KIND_OF_EVENT[e.type];
  const { rows } = await c.query<OrderFacts>({
    name: "sender-email-facts",
    text: `SELECT o.customer_id AS "customerId", u.email, u.name AS "customerName", p.locale, o.store_name AS "storeName",
           o.store_name_ko AS "storeNameKo",
           o.total_won AS "totalWon", o.delivery_fee_won AS "deliveryFeeWon", o.recipient_name AS "recipientName",
           o.address, o.delivery_date AS "deliveryDate", o.time_slot AS "timeSlot", o.gift_message AS "giftMessage",
           o.card_brand AS "cardBrand", o.card_last4 AS "cardLast4",
           COALESCE((SELECT json_agg(json_build_object('name', l.name, 'quantity', l.quantity, 'unitPriceWon', l.unit_price_won, 'nameKo', l.name_ko) ORDER BY l.name, l.id)
                     FROM ordering_order_lines l WHERE l.order_id = o.id), '[]'::json) AS lines
    FROM ordering_orders o
    JOIN identity_users u ON u.id = o.customer_id
    LEFT JOIN notify_preferences p ON p.customer_id = o.customer_id
    WHERE o.id = $1`,
    values: [e.orderId],
  });
  const o = rows[0];
  // The order is committed with OrderPlaced, before any of its events: none means nothing to tell.
  if (!o || UNDELIVERABLE.test(o.email)) return {};
  const step = await stepFacts(c, e);
  const { email, locale, customerId: _customer, storeNameKo, lines, ...facts } = o;
  // W5: the shop and bouquets in the sender's language (Korean unless they chose English).
  const lang = locale === "en" ? "en" : "ko";
  const payload: SenderEmailPayload = {
    ...facts,
    storeName: localized(lang, facts.storeName, storeNameKo),
    lines: lines.map(({ nameKo, ...l }) => ({ ...l, name: localized(lang, l.name, nameKo) })),
    orderId: e.orderId,
    occurredAt: e.occurredAt,
    step,
  };
  const planned = await enqueueMessages(c, [
    {
      channel: "email",
      kind,
      recipient: email,
      orderId: e.orderId,
      eventId: e.eventId,
      locale: locale === "en" ? "en" : "ko",
      payload: { ...payload, customerId: o.customerId },
    },
  ]);
  return { messagesPlanned: planned > 0 };
}

/** What this step adds to the order's facts. */
async function stepFacts(c: SqlClient, e: DomainEvent<SenderEmailEvent>): Promise<Record<string, unknown>> {
  switch (e.type) {
    case "OrderPlaced":
      return { note: e.payload.note };
    case "StoreOrderAccepted":
      return {};
    case "DeliveryStarted":
      return { riderName: e.payload.riderName };
    case "DeliveryCompleted":
    case "DeliveryLeftWithNeighbour": {
      const proof = e.payload.proof;
      let photoKey: string | null = null;
      if (proof?.photo) {
        const d = await c.query<{ key: string | null }>({
          name: "sender-email-photo",
          text: "SELECT proof_photo_key AS key FROM delivery_deliveries WHERE order_id = $1",
          values: [e.orderId],
        });
        photoKey = d.rows[0]?.key ?? null;
      }
      return {
        leftWith: e.type === "DeliveryLeftWithNeighbour" ? e.payload.name : null,
        proofNote: proof?.note ?? null,
        photoKey,
      };
    }
    case "DeliveryAttempted":
      return {
        reason: e.payload.reason,
        note: e.payload.note,
        attempt: e.payload.attempt,
      };
    case "DeliveryRescheduled":
      return {
        deliveryDate: e.payload.deliveryDate,
        timeSlot: e.payload.timeSlot,
        feeWon: e.payload.feeWon,
      };
    case "StoreOrderRejected":
      return { reason: e.payload.reason, detail: e.payload.detail };
    case "OrderCancelled":
      return { reason: e.payload.reason };
    case "DeliveryAbandoned":
      return { reason: e.payload.reason };
    case "PaymentRefunded":
      return { amountWon: e.payload.amountWon, cause: e.payload.cause };
    // W1: the photo (attached inline like the door photo), the substitutions and until when to answer.
    case "ArrangementPhotoSubmitted": {
      const a = await c.query<{ key: string }>({
        name: "sender-email-arrangement-photo",
        text: "SELECT photo_key AS key FROM store_arrangements WHERE order_id = $1",
        values: [e.orderId],
      });
      return { photoKey: a.rows[0]?.key ?? null, substitutions: e.payload.substitutions, dueAt: e.payload.dueAt, round: e.payload.round };
    }
  }
}
