// X1: the kinds the settings screen shows are derived from the events that make emails.
import { describe, expect, it } from "vitest";
import { EMAIL_KIND_OF_EVENT, EMAIL_KINDS, isReceiptKind, RECEIPT_KINDS, SENT_EMAIL_KINDS } from "./email-kinds";

describe("email kinds (X1)", () => {
  it("[X1] the kinds a sender can receive are exactly those some event makes, in the order of an order's life", () => {
    expect(new Set(SENT_EMAIL_KINDS)).toEqual(new Set(Object.values(EMAIL_KIND_OF_EVENT)));
    expect([...SENT_EMAIL_KINDS]).toEqual(EMAIL_KINDS.filter((k) => SENT_EMAIL_KINDS.includes(k)));
    // Receipts are among them, and only they cannot be turned off.
    for (const k of RECEIPT_KINDS) expect(SENT_EMAIL_KINDS).toContain(k);
    expect(SENT_EMAIL_KINDS.filter(isReceiptKind)).toEqual([...RECEIPT_KINDS]);
  });
});
