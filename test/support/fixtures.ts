// Demo ids and a valid checkout to vary in tests.
import { bouquetId, DEMO_STORES, DEMO_USERS } from "@bloom/db";
import { todayInSeoul } from "@bloom/domain";

export const CUSTOMER = DEMO_USERS[0];
export const OWNER = DEMO_USERS[1];
export const RIDER = DEMO_USERS[2];
export const OWNER2 = DEMO_USERS[3];
export const RIDER2 = DEMO_USERS[4];
export const CUSTOMER2 = DEMO_USERS[5];
export const STORE = DEMO_STORES[0]!; // owned by OWNER
export const OTHER_STORE = DEMO_STORES[3]!; // owned by OWNER2
export const ROSES = bouquetId(0, 0); // ₩59,000, stock 12
export const PEONY = bouquetId(0, 1); // ₩72,000, stock 6
export const SOLD_OUT = bouquetId(0, 5); // stock 0

export const CARDS = {
  approve: "4242 4242 4242 4242",
  decline: "4000 0000 0000 0002",
  insufficient: "4000 0000 0000 9995",
  processingError: "4000 0000 0000 0119",
};

/** Tomorrow in Seoul, so every time slot is still open whenever the test runs. */
export function tomorrow(): string {
  const d = new Date(`${todayInSeoul()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function checkout(over: Record<string, unknown> = {}) {
  return {
    storeId: STORE.id,
    items: [{ bouquetId: ROSES, quantity: 1 }],
    delivery: {
      recipientName: "Soyeon Yoon",
      recipientPhone: "010-9876-5432",
      address: "88 Eulji-ro, Jung-gu, Seoul",
      deliveryDate: tomorrow(),
      timeSlot: "12-15" as const,
      giftMessage: "Happy birthday!",
    },
    card: { number: CARDS.approve, expiry: "12/30", cvc: "123" },
    idempotencyKey: globalThis.crypto.randomUUID(),
    ...over,
  };
}
