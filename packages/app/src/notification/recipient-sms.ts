// Policy "recipient-sms" (X2): the order accepted by the shop, or a failed delivery attempt,
// becomes one planned text message to the recipient's phone, with the tracking link. It only plans
// (enqueueMessages, in the policy's inbox transaction: a redelivered event plans nothing twice);
// the dispatcher sends it through the "sms" ChannelProvider. Like sender-email, it reads the order,
// the sender's name (unless anonymous) and the sender's language, and writes only its own table.
import { firstNameOf, localized, RECIPIENT_SMS_KIND_OF_EVENT, type DomainEvent, type RecipientSmsEvent, type RecipientSmsPayload } from "@bloom/domain";
import type { LiveHint } from "../policies";
import type { Transaction } from "../shared/inbox";
import { enqueueMessages } from "./messages";
import { recipientSmsFacts } from "./recipient-sms.repo";

/** The number as the recipient's key and the provider's "to": digits only (010-1234-5678 → 01012345678). */
export const phoneKeyOf = (phone: string) => phone.replace(/[^\d+]/g, "");

const isRecipientSmsEvent = (e: DomainEvent): e is DomainEvent<RecipientSmsEvent> => e.type in RECIPIENT_SMS_KIND_OF_EVENT;

export async function planRecipientSms(tx: Transaction, e: DomainEvent): Promise<LiveHint> {
  if (!isRecipientSmsEvent(e)) return {};
  const o = await recipientSmsFacts(tx, e.orderId);
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
  const planned = await enqueueMessages(tx.client, [
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
