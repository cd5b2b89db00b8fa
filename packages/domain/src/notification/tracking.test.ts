import { describe, expect, it } from "vitest";
import { recipientSmsText } from "./recipient-sms";
import { firstNameOf, trackingLinkExpired, trackingPhaseOf, trackingViewOf, type TrackedDelivery, type TrackedOrder } from "./tracking";

const order = (over: Partial<TrackedOrder> = {}): TrackedOrder => ({
  status: "ACCEPTED",
  storeName: "Sunny Sunflowers",
  recipientName: "Soyeon Yoon",
  deliveryDate: "2030-05-02",
  timeSlot: "12-15",
  sendAnonymously: false,
  senderName: "Minji Kim",
  ...over,
});
const delivery = (over: Partial<TrackedDelivery> = {}): TrackedDelivery => ({
  status: "OPEN",
  storeId: "s1",
  deliveryDate: "2030-05-02",
  timeSlot: "12-15",
  completedAt: null,
  attemptedAt: null,
  attempts: 0,
  ...over,
});

describe("the recipient's tracking view (X2)", () => {
  it("[X2] names the sender unless they chose anonymous, and has no price anywhere", () => {
    expect(trackingViewOf(order(), null, "s1").senderName).toBe("Minji Kim");
    const anonymous = trackingViewOf(order({ sendAnonymously: true }), delivery(), "s1");
    expect(anonymous.senderName).toBeNull();
    expect(JSON.stringify(anonymous)).not.toContain("Minji");
    expect(Object.keys(anonymous).some((k) => /won|price|total|fee/i.test(k))).toBe(false);
  });

  it("[X2] follows the delivery: preparing, on its way, delivered with the time, attempted (a new slot only once back at the shop), cancelled", () => {
    expect(trackingPhaseOf("PLACED", null)).toBe("PREPARING");
    expect(trackingPhaseOf("DECORATED", { status: "CLAIMED" })).toBe("PREPARING");
    expect(trackingPhaseOf("DELIVERING", { status: "STARTED" })).toBe("ON_ITS_WAY");
    expect(trackingPhaseOf("REJECTED", null)).toBe("CANCELLED");
    const at = new Date("2030-05-02T04:05:00Z");
    const delivered = trackingViewOf(order({ status: "DELIVERED" }), delivery({ status: "COMPLETED", completedAt: at }), "s1");
    expect(delivered).toMatchObject({ phase: "DELIVERED", deliveredAt: at.toISOString(), canChooseSlot: false });
    expect(trackingViewOf(order({ status: "DELIVERING" }), delivery({ status: "ATTEMPTED", attempts: 1, attemptedAt: at }), "s1")).toMatchObject({ phase: "ATTEMPTED", canChooseSlot: false });
    expect(trackingViewOf(order({ status: "DELIVERING" }), delivery({ status: "RETURNED", attempts: 1, attemptedAt: at }), "s1")).toMatchObject({ phase: "ATTEMPTED", canChooseSlot: true });
    // Rescheduled: the delivery's new slot, and said so.
    const moved = trackingViewOf(order({ status: "DECORATED" }), delivery({ status: "OPEN", attempts: 1, deliveryDate: "2030-05-04", timeSlot: "18-21" }), "s1");
    expect(moved).toMatchObject({ phase: "PREPARING", rescheduled: true, deliveryDate: "2030-05-04", timeSlot: "18-21" });
  });

  it("[X2] greets by first name (Western first word; a Korean given name), and the link expires a month after delivery", () => {
    expect(firstNameOf("Soyeon Yoon")).toBe("Soyeon");
    expect(firstNameOf("  김민지 ")).toBe("민지");
    expect(firstNameOf("이훈")).toBe("이훈");
    expect(trackingLinkExpired("2030-05-02", "2030-06-01")).toBe(false);
    expect(trackingLinkExpired("2030-05-02", "2030-06-02")).toBe(true);
  });

  it("[X2] the recipient's text carries the link, names the sender only when not anonymous, never a price", () => {
    const p = { orderId: "o1", recipientFirstName: "Soyeon", senderName: "Minji", shopName: "Sunny Sunflowers", deliveryDate: "2030-05-02", timeSlot: "12-15" };
    const url = "https://bloom.example/t/abc";
    expect(recipientSmsText("recipient_coming", "en", p, url)).toBe("[Bloom] Soyeon, flowers from Minji are coming from Sunny Sunflowers on May 2, 12:00–15:00. Track them: https://bloom.example/t/abc");
    expect(recipientSmsText("recipient_coming", "ko", { ...p, senderName: null }, url)).not.toContain("Minji");
    expect(recipientSmsText("recipient_coming", "ko", { ...p, senderName: null }, url)).toContain("5월 2일 12~15시");
    expect(recipientSmsText("recipient_attempted", "en", p, url)).toContain("Choose another time: https://bloom.example/t/abc");
    for (const kind of ["recipient_coming", "recipient_attempted"]) for (const l of ["ko", "en"] as const) expect(recipientSmsText(kind, l, p, url)).not.toMatch(/₩|won/i);
  });
});
