import { describe, expect, it } from "vitest";
import { followEvent } from "../ordering/order";
import { createEvent, SYSTEM, type DomainEvent } from "../events/catalog";
import { projectMyPage } from "../mypage/projection";
import type { DeliveryStatus } from "./delivery";
import { decideAttempt, decideBackAtShop, decideDelivered, decideRefundUndelivered, decideReschedule, MAX_REDELIVERY_FEE_WON } from "./outcome";

const d = (status: DeliveryStatus, riderId: string | null = "r1") => ({ status, riderId });
const noPhoto = { photo: false, note: null };
const AT_DOOR = { kind: "DELIVERED" as const, proof: noPhoto };
const slot = (feeWon: number) => ({ feeWon, deliveryDate: "2099-01-02", timeSlot: "15-18" as const });
const OTHERS: DeliveryStatus[] = ["OPEN", "CLAIMED", "AT_SHOP", "RETURNED", "CANCELLED"];

describe("Delivery outcomes", () => {
  it("[D4] from picked up the rider delivers, or leaves it with a named neighbour; twice is harmless; only their own", () => {
    expect(decideDelivered(d("STARTED"), "r1", AT_DOOR, { requirePhoto: false })).toEqual({ ok: true, already: false });
    expect(decideDelivered(d("STARTED"), "r1", { kind: "NEIGHBOUR", name: "Mrs Kim, 302", proof: noPhoto }, { requirePhoto: false })).toEqual({ ok: true, already: false });
    expect(decideDelivered(d("STARTED"), "r1", { kind: "NEIGHBOUR", name: "  ", proof: noPhoto }, { requirePhoto: false })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(decideDelivered(d("COMPLETED"), "r1", AT_DOOR, { requirePhoto: false })).toEqual({ ok: true, already: true });
    expect(decideDelivered(d("STARTED"), "r2", AT_DOOR, { requirePhoto: false })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const s of [...OTHERS, "ATTEMPTED"] as const) {
      expect(decideDelivered(d(s), "r1", AT_DOOR, { requirePhoto: false }), s).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    }
  });

  it("[D5] a shop that requires a photo refuses a delivery without one; a note alone is enough otherwise", () => {
    const note = { kind: "DELIVERED" as const, proof: { photo: false, note: "by the door" } };
    expect(decideDelivered(d("STARTED"), "r1", note, { requirePhoto: true })).toMatchObject({ ok: false, code: "PHOTO_REQUIRED" });
    expect(decideDelivered(d("STARTED"), "r1", note, { requirePhoto: false })).toMatchObject({ ok: true });
    expect(decideDelivered(d("STARTED"), "r1", { kind: "DELIVERED", proof: { photo: true, note: null } }, { requirePhoto: true })).toMatchObject({ ok: true });
  });

  it("[D4] an attempt is recorded from picked up only, by its rider; then the rider brings it back to the shop", () => {
    expect(decideAttempt(d("STARTED"), "r1")).toEqual({ ok: true, already: false });
    expect(decideAttempt(d("ATTEMPTED"), "r1")).toEqual({ ok: true, already: true });
    expect(decideAttempt(d("STARTED"), "r2")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const s of [...OTHERS, "COMPLETED"] as const) if (s !== "RETURNED") expect(decideAttempt(d(s), "r1"), s).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideBackAtShop(d("ATTEMPTED"), "r1")).toEqual({ ok: true, already: false });
    expect(decideBackAtShop(d("RETURNED"), "r1")).toEqual({ ok: true, already: true });
    expect(decideBackAtShop(d("ATTEMPTED"), "r2")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(decideBackAtShop(d("STARTED"), "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("[D4] the shop reschedules a returned bouquet with a fee within bounds, not one still on its way back", () => {
    expect(decideReschedule(d("RETURNED"), slot(0))).toEqual({ ok: true });
    expect(decideReschedule(d("RETURNED"), slot(MAX_REDELIVERY_FEE_WON))).toEqual({ ok: true });
    expect(decideReschedule(d("RETURNED"), slot(MAX_REDELIVERY_FEE_WON + 1))).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(decideReschedule(d("RETURNED"), slot(-1))).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(decideReschedule(d("RETURNED"), slot(1.5))).toMatchObject({ ok: false, code: "VALIDATION" });
    const morning = new Date("2030-01-02T04:00:00Z"); // 13:00 in Seoul
    expect(decideReschedule(d("RETURNED"), { feeWon: 0, deliveryDate: "2030-01-02", timeSlot: "09-12" }, morning)).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(decideReschedule(d("RETURNED"), { feeWon: 0, deliveryDate: "2030-01-02", timeSlot: "12-15" }, morning)).toEqual({ ok: true });
    expect(decideReschedule(d("ATTEMPTED"), slot(0))).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    for (const s of ["OPEN", "STARTED", "COMPLETED", "CANCELLED"] as const) expect(decideReschedule(d(s), slot(0)), s).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("[D4] the shop refunds a failed delivery (on its way back or returned), nothing else", () => {
    expect(decideRefundUndelivered(d("ATTEMPTED"))).toEqual({ ok: true });
    expect(decideRefundUndelivered(d("RETURNED"))).toEqual({ ok: true });
    for (const s of ["OPEN", "CLAIMED", "AT_SHOP", "STARTED", "COMPLETED", "CANCELLED"] as const) {
      expect(decideRefundUndelivered(d(s)), s).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    }
  });

  it("[D4] the order follows: left with a neighbour is delivered, a new slot is cancellable again, the shop's refund ends it", () => {
    expect(followEvent("DELIVERING", "DeliveryLeftWithNeighbour")).toBe("DELIVERED");
    expect(followEvent("DELIVERING", "DeliveryRescheduled")).toBe("DECORATED");
    expect(followEvent("DELIVERING", "DeliveryAbandoned")).toBe("CANCELLED");
    expect(followEvent("CANCELLED", "DeliveryRescheduled")).toBeNull();
    expect(followEvent("DELIVERING", "DeliveryAttempted")).toBeNull();
  });

  it("[D4][D5] MyPage: attempted → back at the shop → a new slot → delivered with a photo, each on the timeline", () => {
    const t = (m: number) => new Date(Date.UTC(2030, 0, 1, 10, m));
    const ev: DomainEvent[] = [
      createEvent("DeliveryStarted", "00000000-0000-4000-8000-000000000001", { deliveryId: "d", riderId: "r", riderName: "Minho" }, SYSTEM, t(0)),
      createEvent("DeliveryAttempted", "00000000-0000-4000-8000-000000000001", { deliveryId: "d", riderId: "r", reason: "NOBODY_HOME", note: null, attempt: 1 }, SYSTEM, t(1)),
      createEvent("DeliveryBackAtShop", "00000000-0000-4000-8000-000000000001", { deliveryId: "d", riderId: "r", riderName: "Minho" }, SYSTEM, t(2)),
    ];
    const orderId = "00000000-0000-4000-8000-000000000001";
    expect(projectMyPage(orderId, ev)).toMatchObject({ deliveryStatus: "ATTEMPTED", orderStatus: "DELIVERING" });
    ev.push(createEvent("DeliveryRescheduled", orderId, { deliveryId: "d", storeId: "s", deliveryDate: "2030-01-02", timeSlot: "15-18", feeWon: 3000 }, SYSTEM, t(3)));
    expect(projectMyPage(orderId, ev)).toMatchObject({ deliveryStatus: "REQUESTED", orderStatus: "DECORATED", deliveryDate: "2030-01-02", timeSlot: "15-18" });
    ev.push(createEvent("DeliveryClaimed", orderId, { deliveryId: "d", riderId: "r2", riderName: "Jisu" }, SYSTEM, t(4)));
    ev.push(createEvent("DeliveryStarted", orderId, { deliveryId: "d", riderId: "r2", riderName: "Jisu" }, SYSTEM, t(5)));
    ev.push(createEvent("DeliveryCompleted", orderId, { deliveryId: "d", riderId: "r2", proof: { photo: true, note: "with the guard" } }, SYSTEM, t(6)));
    const v = projectMyPage(orderId, ev);
    expect(v).toMatchObject({ deliveryStatus: "DELIVERED", orderStatus: "DELIVERED", riderName: "Jisu" });
    expect(v.timeline.map((x) => x.type)).toEqual([
      "DeliveryStarted", "DeliveryAttempted", "DeliveryBackAtShop", "DeliveryRescheduled", "DeliveryClaimed", "DeliveryStarted", "DeliveryCompleted",
    ]);
    expect(v.timeline.at(-1)?.proof).toEqual({ photo: true, note: "with the guard" });
    expect(v.timeline[1]?.detail).toBe("NOBODY_HOME");
  });

  it("[D4] MyPage: the shop's refund after an attempt ends the order as cancelled", () => {
    const orderId = "00000000-0000-4000-8000-000000000002";
    const v = projectMyPage(orderId, [
      createEvent("DeliveryAttempted", orderId, { deliveryId: "d", riderId: "r", reason: "REFUSED", note: null, attempt: 1 }, SYSTEM, new Date(1000)),
      createEvent("DeliveryAbandoned", orderId, { deliveryId: "d", storeId: "s", reason: null }, SYSTEM, new Date(2000)),
      createEvent("PaymentRefunded", orderId, { paymentId: "p", amountWon: 59000, cause: "UNDELIVERED" }, SYSTEM, new Date(3000)),
    ]);
    expect(v).toMatchObject({ deliveryStatus: "CANCELLED", orderStatus: "CANCELLED", paymentStatus: "REFUNDED" });
  });
});
