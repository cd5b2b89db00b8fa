import { describe, expect, it } from "vitest";
import { cardBrand, cardSchema, luhnValid } from "../payment/card";
import { sandboxOutcome, parseLatency } from "../payment/sandbox-cards";
import { deliveryDetailsSchema, slotStillOpen, todayInSeoul } from "./checkout";

const details = { recipientName: "Soyeon", recipientPhone: "010-1234-5678", address: "88 Eulji-ro, Seoul", deliveryDate: "2099-01-01", timeSlot: "09-12" };

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
