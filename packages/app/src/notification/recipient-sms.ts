// Policy "recipient-sms" (X2): the order accepted by the shop, or a failed delivery attempt,
// becomes one planned text message to the recipient's phone, with the tracking link. It only plans
// (enqueueMessages, in the policy's inbox transaction: a redelivered event plans nothing twice);
// the dispatcher sends it through the "sms" ChannelProvider. Like sender-email, it reads the order,
// the sender's name (unless anonymous) and the sender's language, and writes only its own table.
import type { Tx } from "@bloom/db";
import { firstNameOf, localized, RECIPIENT_SMS_KIND_OF_EVENT, type DomainEvent, type RecipientSmsEvent, type RecipientSmsPayload } from "@bloom/domain";
import type { LiveHint } from "../policies";
import { enqueueMessages } from "./messages";

type Facts = {
  recipientName: string;
  recipientPhone: string;
  storeName: string;
  deliveryDate: string;
  timeSlot: string;
  sendAnonymously: boolean;
  senderName: string | null;
  locale: string | null;
  storeNameKo: string;
};

/** The number as the recipient's key and the provider's "to": digits only (010-1234-5678 → 01012345678). */
export const phoneKeyOf = (phone: string) => phone.replace(/[^\d+]/g, "");

const isRecipientSmsEvent = (e: DomainEvent): e is DomainEvent<RecipientSmsEvent> => e.type in RECIPIENT_SMS_KIND_OF_EVENT;

export async function planRecipientSms(tx: Tx, e: DomainEvent): Promise<LiveHint> {
  if (!isRecipientSmsEvent(e)) return {};
  const rows = await tx.$queryRaw<Facts[]>`
    SELECT o.recipient_name AS "recipientName", o.recipient_phone AS "recipientPhone", o.store_name AS "storeName", o.store_name_ko AS "storeNameKo",
           COALESCE(NULLIF(d.delivery_date, ''), o.delivery_date) AS "deliveryDate", COALESCE(NULLIF(d.time_slot, ''), o.time_slot) AS "timeSlot",
           o.send_anonymously AS "sendAnonymously",
           CASE WHEN o.send_anonymously THEN NULL ELSE u.name END AS "senderName", p.locale
    FROM ordering_orders o
    LEFT JOIN identity_users u ON u.id = o.customer_id
    LEFT JOIN delivery_deliveries d ON d.order_id = o.id
    LEFT JOIN notify_preferences p ON p.customer_id = o.customer_id
    WHERE o.id = ${e.orderId}::uuid`;
  const o = rows[0];
  const to = o ? phoneKeyOf(o.recipientPhone) : "";
  if (!o || !to) return {};
  const payload: RecipientSmsPayload = {
    orderId: e.orderId,
    recipientFirstName: firstNameOf(o.recipientName),
    senderName: o.sendAnonymously ? null : (o.senderName?.trim() || null),
    // W5: in the language the message is written in (the sender's; Korean unless they chose English).
    shopName: localized(o.locale === "en" ? "en" : "ko", o.storeName, o.storeNameKo),
    deliveryDate: o.deliveryDate,
    timeSlot: o.timeSlot,
  };
  const planned = await enqueueMessages(tx, [
    {
      channel: "sms",
      kind: RECIPIENT_SMS_KIND_OF_EVENT[e.type],
      recipient: to,
      orderId: e.orderId,
      eventId: e.eventId,
      locale: o.locale === "en" ? "en" : "ko",
      payload,
    },
  ]);
  return { messagesPlanned: planned > 0 };
}
