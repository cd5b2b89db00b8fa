// The emails the sender of an order receives (X1): one kind per step, which event makes it, and
// which kinds the customer may turn off. Receipts (the order placed, the refund made) always go.
import { z } from "zod";
import type { EventType } from "../events/catalog";

export const EMAIL_KINDS = [
  "receipt",
  "accepted",
  /** W1: the photo of the arranged bouquet, to approve or change (ArrangementPhotoSubmitted). */
  "arrangement_photo",
  "out_for_delivery",
  "delivered",
  "attempted",
  "rescheduled",
  "rejected",
  "cancelled",
  "undeliverable",
  "refunded",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** Never turned off: what was bought and what was paid back. */
export const RECEIPT_KINDS = ["receipt", "refunded"] as const satisfies readonly EmailKind[];
export type ReceiptKind = (typeof RECEIPT_KINDS)[number];
export type OptionalEmailKind = Exclude<EmailKind, ReceiptKind>;
export const OPTIONAL_EMAIL_KINDS = EMAIL_KINDS.filter((k): k is OptionalEmailKind => !(RECEIPT_KINDS as readonly string[]).includes(k));

export function isReceiptKind(kind: string): kind is ReceiptKind {
  return (RECEIPT_KINDS as readonly string[]).includes(kind);
}

/** Which event makes which email to the sender (the sender-email policy subscribes to these). */
export const EMAIL_KIND_OF_EVENT = {
  OrderPlaced: "receipt",
  StoreOrderAccepted: "accepted",
  DeliveryStarted: "out_for_delivery",
  DeliveryCompleted: "delivered",
  DeliveryLeftWithNeighbour: "delivered",
  DeliveryAttempted: "attempted",
  DeliveryRescheduled: "rescheduled",
  StoreOrderRejected: "rejected",
  OrderCancelled: "cancelled",
  DeliveryAbandoned: "undeliverable",
  PaymentRefunded: "refunded",
  ArrangementPhotoSubmitted: "arrangement_photo",
} as const satisfies Partial<Record<EventType, EmailKind>>;
export type SenderEmailEvent = keyof typeof EMAIL_KIND_OF_EVENT;

/**
 * The kinds a sender can receive today — those some event makes — in the order of an order's life
 * (EMAIL_KINDS' order). The settings screen shows these; a kind joins it when its event exists.
 */
export const SENT_EMAIL_KINDS: readonly EmailKind[] = EMAIL_KINDS.filter((k) => (Object.values(EMAIL_KIND_OF_EVENT) as EmailKind[]).includes(k));

export const MESSAGE_LOCALES = ["ko", "en"] as const;
export type MessageLanguage = (typeof MESSAGE_LOCALES)[number];

/** The settings screen's form and its procedure: the kinds turned off (receipts cannot be). */
export const emailPreferencesSchema = z.object({
  optedOut: z
    .array(z.enum(OPTIONAL_EMAIL_KINDS as [OptionalEmailKind, ...OptionalEmailKind[]], "Receipts cannot be turned off"))
    .max(OPTIONAL_EMAIL_KINDS.length)
    .transform((ks) => [...new Set(ks)]),
});
export type EmailPreferencesInput = z.infer<typeof emailPreferencesSchema>;

export const messageLocaleSchema = z.object({
  locale: z.enum(MESSAGE_LOCALES),
});
