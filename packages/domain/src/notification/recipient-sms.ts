// The recipient's text messages (X2), in the sender's language: one when the shop accepted the
// order (the shop has committed to making it — a recipient is never told of a gift that is then
// rejected for want of flowers), one after a failed attempt with the way to pick a new slot. Each
// carries the tracking link; the sender is named unless they chose to send anonymously. No price.
import type { EventType } from "../events/catalog";

export const RECIPIENT_SMS_KIND_OF_EVENT = {
  StoreOrderAccepted: "recipient_coming",
  DeliveryAttempted: "recipient_attempted",
} as const satisfies Partial<Record<EventType, string>>;
export type RecipientSmsEvent = keyof typeof RECIPIENT_SMS_KIND_OF_EVENT;
export type RecipientSmsKind = (typeof RECIPIENT_SMS_KIND_OF_EVENT)[RecipientSmsEvent];

export type RecipientSmsPayload = {
  orderId: string;
  recipientFirstName: string;
  /** null when the sender chose anonymous: never snapshotted into the message at all. */
  senderName: string | null;
  shopName: string;
  deliveryDate: string;
  timeSlot: string;
};

function slotText(locale: "ko" | "en", date: string, slot: string): string {
  const [, m, d] = date.split("-").map(Number);
  const [from, to] = slot.split("-").map(Number);
  if (!m || !d || from === undefined || to === undefined) return `${date} ${slot}`;
  if (locale === "ko") return `${m}월 ${d}일 ${from}~${to}시`;
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
  return `${month} ${d}, ${from}:00–${to}:00`;
}

export function recipientSmsText(kind: string, locale: "ko" | "en", p: RecipientSmsPayload, trackingUrl: string): string {
  const when = slotText(locale, p.deliveryDate, p.timeSlot);
  if (kind === "recipient_attempted") {
    return locale === "ko"
      ? `[Bloom] ${p.recipientFirstName}님, ${p.shopName}의 꽃을 전해 드리려 했지만 만나지 못했어요. 편한 배송 시간을 골라 주세요: ${trackingUrl}`
      : `[Bloom] ${p.recipientFirstName}, we tried to deliver flowers from ${p.shopName} but missed you. Choose another time: ${trackingUrl}`;
  }
  if (locale === "ko") {
    const from = p.senderName ? `${p.senderName}님이 보낸 ` : "";
    return `[Bloom] ${p.recipientFirstName}님, ${from}${p.shopName}의 꽃이 ${when}에 도착할 예정이에요. 배송 조회: ${trackingUrl}`;
  }
  const from = p.senderName ? ` from ${p.senderName}` : "";
  return `[Bloom] ${p.recipientFirstName}, flowers${from} are coming from ${p.shopName} on ${when}. Track them: ${trackingUrl}`;
}
