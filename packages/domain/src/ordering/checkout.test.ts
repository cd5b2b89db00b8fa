import { describe, expect, it } from "vitest";
import { cardBrand, cardSchema, luhnValid } from "../payment/card";
import { sandboxOutcome, parseLatency } from "../payment/sandbox-cards";
import { TEXT_REFUSED } from "../shared/text";
import { deliveryDetailsSchema, placeOrderSchema, slotStillOpen, todayInSeoul } from "./checkout";
import { addDays } from "./delivery-date";

// Within every shop's horizon (S4), and never today, so every slot is open.
const details = { recipientName: "Soyeon", recipientPhone: "010-1234-5678", address: "88 Eulji-ro, Seoul", deliveryDate: addDays(todayInSeoul(), 30), timeSlot: "09-12" };

describe("checkout validation (shared by the form and the server)", () => {
  it("[F1] accepts a complete delivery and refuses each bad field by name", () => {
    expect(deliveryDetailsSchema.safeParse(details).success).toBe(true);
    const bad = (over: object) => deliveryDetailsSchema.safeParse({ ...details, ...over }).error?.issues[0];
    expect(bad({ recipientPhone: "123" })?.path).toEqual(["recipientPhone"]);
    expect(bad({ recipientName: " " })?.message).toBe("Enter the recipient's name");
    expect(bad({ address: "x" })?.path).toEqual(["address"]);
    expect(bad({ timeSlot: "03-06" })?.path).toEqual(["timeSlot"]);
    expect(bad({ giftMessage: "a".repeat(151) })?.message).toMatch(/150/);
    expect(bad({ deliveryDate: "2000-01-01" })?.message).toBe("Delivery date must be today or later");
  });

  it("[F1] a time slot that has ended today cannot be booked", () => {
    const noonInSeoul = new Date("2030-05-05T03:00:00Z"); // 12:00 KST
    expect(slotStillOpen("2030-05-05", "09-12", noonInSeoul)).toBe(false);
    expect(slotStillOpen("2030-05-05", "12-15", noonInSeoul)).toBe(true);
    expect(slotStillOpen("2030-05-06", "09-12", noonInSeoul)).toBe(true);
    expect(todayInSeoul(new Date("2030-05-05T16:00:00Z"))).toBe("2030-05-06");
  });

  it("[F2] cards: Luhn, brand, expiry; only brand and last four are kept", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424241")).toBe(false);
    expect(cardBrand("5555555555554444")).toBe("MASTERCARD");
    const ok = cardSchema.safeParse({ number: "4242 4242 4242 4242", expiry: "12/99", cvc: "123" });
    expect(ok.success && ok.data.number).toBe("4242424242424242");
    expect(cardSchema.safeParse({ number: "4242 4242 4242 4242", expiry: "01/20", cvc: "123" }).error?.issues[0]?.message).toBe("This card has expired");
    expect(cardSchema.safeParse({ number: "4242 4242 4242 4242", expiry: "12/99", cvc: "1" }).success).toBe(false);
  });

  it("[F2] the sandbox's test cards decide the outcome; latency ranges parse", () => {
    expect(sandboxOutcome("4242424242424242")).toBe("APPROVED");
    expect(sandboxOutcome("4000000000000002")).toBe("DECLINED");
    expect(sandboxOutcome("4000000000009995")).toBe("INSUFFICIENT_FUNDS");
    expect(sandboxOutcome("4000000000000119")).toBe("PROCESSING_ERROR");
    expect(parseLatency("400-620")).toEqual({ min: 400, max: 620 });
    expect(parseLatency("250")).toEqual({ min: 250, max: 250 });
    expect(parseLatency(undefined)).toEqual({ min: 0, max: 0 });
  });
});

describe("stored text", () => {
  it("[M1] NUL, other control characters and unpaired surrogates are refused before payment; line breaks only in messages", async () => {
    const { isPlainLine, isPlainText } = await import("../shared/text");
    expect(isPlainText("Happy birthday!\nLove, Mina 🌷")).toBe(true);
    expect(isPlainLine("윤소연")).toBe(true);
    expect(isPlainLine("two\nlines")).toBe(false);
    for (const bad of ["a\u0000b", "a\u0007b", "a\u001bb", "a\u007fb", "lone \ud800", "lone \udc00 end", "\udc00\ud800"]) {
      expect(isPlainText(bad), JSON.stringify(bad)).toBe(false);
      expect(isPlainLine(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

const BOUQUET = "0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e";
const OTHER = "1b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e";
const order = (items: unknown, delivery: object = {}) => ({
  storeId: "9f1c3f5e-2b4a-4c1d-8e5f-6a7b8c9d0e1f",
  items,
  delivery: { ...details, ...delivery },
  card: { number: "4242 4242 4242 4242", expiry: "12/99", cvc: "123" },
  idempotencyKey: "30000000-0000-4000-8000-000000000001",
});

describe("[S4] checkout input rules", () => {
  it("[S4] duplicate lines are merged before the limits: 20 + 20 is 40, refused on items", () => {
    const r = placeOrderSchema.safeParse(order([{ bouquetId: BOUQUET, quantity: 20 }, { bouquetId: BOUQUET, quantity: 20 }]));
    expect(r.error?.issues).toHaveLength(1);
    expect(r.error?.issues[0]).toMatchObject({ path: ["items"], code: "custom" });
    expect(r.error?.issues[0]?.message).toMatch(/20.*40/);
    const ok = placeOrderSchema.parse(order([{ bouquetId: BOUQUET, quantity: 12 }, { bouquetId: OTHER, quantity: 1 }, { bouquetId: BOUQUET, quantity: 8 }]));
    expect(ok.items).toEqual([{ bouquetId: BOUQUET, quantity: 20 }, { bouquetId: OTHER, quantity: 1 }]);
    // Parsing the parsed order again (the server does) changes nothing.
    expect(placeOrderSchema.parse(ok)).toEqual(ok);
  });

  it("[S4] the lines limit counts bouquets after merging; more lines than can ever merge under it are refused unread", () => {
    const ids = Array.from({ length: 21 }, (_, i) => `0b1c2d3e-4f5a-4b6c-8d7e-${String(i).padStart(12, "0")}`);
    const distinct = placeOrderSchema.safeParse(order(ids.map((bouquetId) => ({ bouquetId, quantity: 1 }))));
    expect(distinct.error?.issues[0]).toMatchObject({ path: ["items"], code: "too_big" });
    const twice = [...ids.slice(0, 20), ...ids.slice(0, 20)].map((bouquetId) => ({ bouquetId, quantity: 1 }));
    expect(placeOrderSchema.parse(order(twice)).items).toHaveLength(20);
    const flood = Array.from({ length: 401 }, () => ({ bouquetId: BOUQUET, quantity: 1 }));
    expect(placeOrderSchema.safeParse(order(flood)).error?.issues[0]).toMatchObject({ path: ["items"], code: "too_big" });
  });

  it("[S4] every text of the checkout is refused by its own path for a NUL or a lone surrogate, and counted in characters", () => {
    for (const field of ["recipientName", "address", "giftMessage", "note"]) {
      for (const bad of ["Mina\u0000 Kim", "Mina \ud800 Kim"]) {
        const issue = placeOrderSchema.safeParse(order([{ bouquetId: BOUQUET, quantity: 1 }], { [field]: bad })).error?.issues[0];
        expect(issue, `${field} ${JSON.stringify(bad)}`).toMatchObject({ path: ["delivery", field], message: TEXT_REFUSED });
      }
    }
    const gift = (giftMessage: string) => deliveryDetailsSchema.safeParse({ ...details, giftMessage });
    expect(gift("🌷".repeat(150)).success).toBe(true);
    expect(gift("🌷".repeat(151)).error?.issues[0]?.path).toEqual(["giftMessage"]);
    expect(gift("Happy birthday!\nLove, Mina 🌷").data?.giftMessage).toBe("Happy birthday!\nLove, Mina 🌷");
    expect(deliveryDetailsSchema.safeParse({ ...details, recipientName: "Soyeon\nKim" }).error?.issues[0]?.path).toEqual(["recipientName"]);
  });
});
