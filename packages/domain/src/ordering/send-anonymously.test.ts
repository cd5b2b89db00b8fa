import { describe, expect, it } from "vitest";
import { createEvent, parseEvent } from "../events/catalog";
import { placeOrderSchema } from "./checkout";
import { checkoutFingerprintText, isSameCheckout } from "./idempotency";

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const input = (sendAnonymously?: boolean) =>
  placeOrderSchema.parse({
    storeId: "3f2c9a4e-8b1d-4c6e-9f00-1a2b3c4d5e6f",
    items: [{ bouquetId: "11111111-2222-4333-8444-555555555555", quantity: 1 }],
    delivery: { recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432", address: "88 Eulji-ro, Jung-gu", deliveryDate: tomorrow, timeSlot: "18-21", ...(sendAnonymously === undefined ? {} : { sendAnonymously }) },
    card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
    idempotencyKey: "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
  });

describe("send anonymously (X2)", () => {
  it("[X2] is optional in the checkout schema, refused when not a boolean", () => {
    expect(input().delivery.sendAnonymously).toBeUndefined();
    expect(input(true).delivery.sendAnonymously).toBe(true);
    expect(() => input("yes" as unknown as boolean)).toThrow();
  });

  it("[X2] a retry must repeat it; the fingerprint of a checkout without it is what it was before the option", () => {
    const order = { storeId: input().storeId, lines: input().items, ...input().delivery, giftMessage: null, note: null, cardLast4: "4242" };
    expect(isSameCheckout({ ...order, sendAnonymously: false }, input())).toBe(true);
    expect(isSameCheckout({ ...order, sendAnonymously: false }, input(true))).toBe(false);
    expect(isSameCheckout({ ...order, sendAnonymously: true }, input(true))).toBe(true);
    expect(checkoutFingerprintText(input(false), 59_000)).toBe(checkoutFingerprintText(input(), 59_000));
    expect(checkoutFingerprintText(input(true), 59_000)).not.toBe(checkoutFingerprintText(input(), 59_000));
    expect(JSON.parse(checkoutFingerprintText(input(), 59_000))).toHaveLength(12);
  });

  it("[X2] OrderPlaced carries it as an optional field: an event written before it still parses", () => {
    const payload = {
      customerId: "c", storeId: "s", storeName: "Sunny", lines: [{ bouquetId: "b", name: "Roses", unitPriceWon: 59_000, quantity: 1 }], totalWon: 59_000,
      recipientName: "Soyeon", recipientPhone: "010-9876-5432", address: "88 Eulji-ro", deliveryDate: tomorrow, timeSlot: "18-21", giftMessage: null, note: null, paymentId: "p",
    };
    const old = createEvent("OrderPlaced", "3f2c9a4e-8b1d-4c6e-9f00-1a2b3c4d5e6f", payload, { role: "CUSTOMER", id: "c" });
    expect((parseEvent(JSON.parse(JSON.stringify(old))) as typeof old).payload.sendAnonymously).toBeUndefined();
    const now = createEvent("OrderPlaced", old.orderId, { ...payload, sendAnonymously: true }, { role: "CUSTOMER", id: "c" });
    expect((parseEvent(JSON.parse(JSON.stringify(now))) as typeof now).payload.sendAnonymously).toBe(true);
  });
});
