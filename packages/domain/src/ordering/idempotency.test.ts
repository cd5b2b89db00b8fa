import { describe, expect, it } from "vitest";
import type { PlaceOrderInput } from "./checkout";
import { checkoutFingerprintText, isSameCheckout, type PlacedCheckout } from "./idempotency";

const B1 = "11111111-1111-4111-8111-111111111111";
const B2 = "22222222-2222-4222-8222-222222222222";
const input: PlaceOrderInput = {
  storeId: "10000000-0000-4000-8000-000000000001",
  items: [
    { bouquetId: B1, quantity: 1 },
    { bouquetId: B2, quantity: 2 },
  ],
  delivery: { recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432", address: "88 Eulji-ro", deliveryDate: "2026-12-24", timeSlot: "12-15", giftMessage: "", note: "" },
  card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
  idempotencyKey: "33333333-3333-4333-8333-333333333333",
} as PlaceOrderInput;
const order: PlacedCheckout = {
  storeId: input.storeId,
  lines: [
    { bouquetId: B2, quantity: 2 },
    { bouquetId: B1, quantity: 1 },
  ],
  recipientName: "Soyeon Yoon",
  recipientPhone: "010-9876-5432",
  address: "88 Eulji-ro",
  deliveryDate: "2026-12-24",
  timeSlot: "12-15",
  giftMessage: null,
  note: null,
  cardLast4: "4242",
};

describe("idempotency key: same checkout or not", () => {
  it("[F2][C10] a retry of the same checkout matches, whatever the line order or empty vs missing messages", () => {
    expect(isSameCheckout(order, input)).toBe(true);
  });

  it("[F2][C10] a different shop, bouquet quantity, recipient, address, date, slot, message, note or card does not", () => {
    const d = input.delivery;
    const variants: PlaceOrderInput[] = [
      { ...input, storeId: "10000000-0000-4000-8000-000000000002" },
      { ...input, items: [{ bouquetId: B1, quantity: 1 }] },
      { ...input, items: [{ bouquetId: B1, quantity: 2 }, { bouquetId: B2, quantity: 2 }] },
      { ...input, delivery: { ...d, recipientName: "Someone Else" } },
      { ...input, delivery: { ...d, address: "1 Sejong-daero" } },
      { ...input, delivery: { ...d, deliveryDate: "2026-12-25" } },
      { ...input, delivery: { ...d, timeSlot: "15-18" } },
      { ...input, delivery: { ...d, giftMessage: "Happy birthday" } },
      { ...input, delivery: { ...d, note: "Ring twice" } },
      { ...input, card: { ...input.card, number: "4000 0000 0000 0002" } },
    ];
    for (const v of variants) expect(isSameCheckout(order, v)).toBe(false);
  });
});

describe("the fingerprint an idempotency key is bound to", () => {
  it("[M1] is the same for a retry (lines in any order, split or merged) and differs for any priced change", () => {
    const base = checkoutFingerprintText(input, 100);
    const reordered = { ...input, items: [{ bouquetId: B2, quantity: 1 }, { bouquetId: B1, quantity: 1 }, { bouquetId: B2, quantity: 1 }] };
    expect(checkoutFingerprintText(reordered, 100)).toBe(base);
    expect(checkoutFingerprintText(input, 101)).not.toBe(base);
    expect(checkoutFingerprintText({ ...input, items: [{ bouquetId: B1, quantity: 4 }] }, 100)).not.toBe(base);
    expect(checkoutFingerprintText({ ...input, card: { ...input.card, number: "4000 0000 0000 0077" } }, 100)).not.toBe(base);
    expect(checkoutFingerprintText({ ...input, delivery: { ...input.delivery, timeSlot: "15-18" } }, 100)).not.toBe(base);
    // Never the full card number: only its last four digits and expiry.
    expect(base).not.toContain("4242424242424242");
  });
});
