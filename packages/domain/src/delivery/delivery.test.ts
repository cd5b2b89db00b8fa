import { describe, expect, it } from "vitest";
import {
  cancelDelivery,
  decideArrive,
  decideClaim,
  decideComplete,
  decidePickup,
  decideReturn,
  isRecalled,
  isWithdrawnClaim,
  type DeliveryStatus,
} from "./delivery";

const picked = new Date("2030-01-01T09:00:00Z");
const d = (status: DeliveryStatus, riderId: string | null = "r1", startedAt: Date | null = null) => ({ status, riderId, startedAt });
const RIDER = (riderId: string) => ({ role: "RIDER" as const, riderId });
const OWNER = { role: "OWNER" as const };

describe("Delivery", () => {
  it("[F9][D3] a rider claims an open request; the claimer asking again is fine, anyone else hears it is taken", () => {
    expect(decideClaim(d("OPEN", null), "r1")).toEqual({ ok: true, alreadyMine: false });
    for (const s of ["CLAIMED", "AT_SHOP", "STARTED"] as const) {
      expect(decideClaim(d(s), "r1"), s).toEqual({ ok: true, alreadyMine: true });
      expect(decideClaim(d(s), "r2"), s).toMatchObject({ ok: false, code: "ALREADY_TAKEN" });
    }
    expect(decideClaim(d("COMPLETED"), "r1")).toMatchObject({ ok: false, code: "ALREADY_TAKEN" });
    expect(decideClaim(d("CANCELLED", null), "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("[D3] only the rider who claimed it says they are at the shop, once in effect, and only before the pickup", () => {
    expect(decideArrive(d("CLAIMED"), "r1")).toEqual({ ok: true, alreadyThere: false });
    expect(decideArrive(d("AT_SHOP"), "r1")).toEqual({ ok: true, alreadyThere: true });
    expect(decideArrive(d("CLAIMED"), "r2")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(decideArrive(d("OPEN", null), "r1")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(decideArrive(d("STARTED", "r1", picked), "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideArrive(d("COMPLETED", "r1", picked), "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideArrive(d("CANCELLED"), "r1")).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
  });

  it("[D3] the pickup is confirmed by the claiming rider or by the shop, from claimed or at the shop", () => {
    for (const s of ["CLAIMED", "AT_SHOP"] as const) {
      expect(decidePickup(d(s), RIDER("r1")), s).toEqual({ ok: true, alreadyPickedUp: false });
      expect(decidePickup(d(s), OWNER), s).toEqual({ ok: true, alreadyPickedUp: false });
      expect(decidePickup(d(s), RIDER("r2")), s).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
  });

  it("[D3] confirming a pickup twice is harmless; there is no pickup before a claim nor after a withdrawal", () => {
    expect(decidePickup(d("STARTED", "r1", picked), OWNER)).toEqual({ ok: true, alreadyPickedUp: true });
    expect(decidePickup(d("STARTED", "r1", picked), RIDER("r1"))).toEqual({ ok: true, alreadyPickedUp: true });
    expect(decidePickup(d("COMPLETED", "r1", picked), OWNER)).toEqual({ ok: true, alreadyPickedUp: true });
    expect(decidePickup(d("CANCELLED", "r1", picked), OWNER)).toEqual({ ok: true, alreadyPickedUp: true }); // recalled since
    expect(decidePickup(d("OPEN", null), OWNER)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decidePickup(d("CANCELLED"), OWNER)).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
    expect(decidePickup(d("CANCELLED"), RIDER("r1"))).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
    expect(decidePickup(d("CANCELLED", null), OWNER)).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
  });

  it("[F10][D3] only its rider completes a delivery, and only once picked up", () => {
    expect(decideComplete(d("STARTED"), "r1")).toEqual({ ok: true });
    expect(decideComplete(d("STARTED"), "r2")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(decideComplete(d("OPEN", null), "r1")).toMatchObject({ ok: false });
    expect(decideComplete(d("CLAIMED"), "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION", message: expect.stringMatching(/picked-up/) });
    expect(decideComplete(d("AT_SHOP"), "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideComplete(d("CANCELLED", "r1", picked), "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION", message: expect.stringMatching(/back to the shop/) });
    expect(decideComplete(d("CANCELLED"), "r1")).toMatchObject({ ok: false, code: "ORDER_CANCELLED" }); // withdrawn before the pickup
  });

  it("[F12][D3] cancelling before the pickup withdraws the request (claimed or not); after it, recalls; a delivered one stays", () => {
    expect(cancelDelivery("OPEN")).toEqual({ to: "CANCELLED", recall: false });
    expect(cancelDelivery("CLAIMED")).toEqual({ to: "CANCELLED", recall: false });
    expect(cancelDelivery("AT_SHOP")).toEqual({ to: "CANCELLED", recall: false });
    expect(cancelDelivery("STARTED")).toEqual({ to: "CANCELLED", recall: true });
    expect(cancelDelivery("COMPLETED")).toBeNull();
    expect(cancelDelivery("CANCELLED")).toBeNull();
  });

  it("[F12][D3] recalled means cancelled after the pickup — a rider who only claimed it has a withdrawn claim", () => {
    expect(isRecalled(d("CANCELLED", "r1", picked))).toBe(true);
    expect(isRecalled(d("CANCELLED", "r1", null))).toBe(false);
    expect(isRecalled(d("CANCELLED", null, null))).toBe(false);
    expect(isRecalled(d("STARTED", "r1", picked))).toBe(false);
    expect(isWithdrawnClaim(d("CANCELLED", "r1", null))).toBe(true);
    expect(isWithdrawnClaim(d("CANCELLED", "r1", picked))).toBe(false);
    expect(isWithdrawnClaim(d("CANCELLED", null, null))).toBe(false);
    expect(isWithdrawnClaim(d("CLAIMED", "r1", null))).toBe(false);
  });

  it("[F12][D3] only the rider of a recalled delivery confirms it back at the shop, once in effect; a withdrawn claim has nothing to return", () => {
    const recalled = { ...d("CANCELLED", "r1", picked), returnedAt: null };
    expect(decideReturn(recalled, "r1")).toEqual({ ok: true, alreadyReturned: false });
    expect(decideReturn({ ...recalled, returnedAt: new Date() }, "r1")).toEqual({ ok: true, alreadyReturned: true });
    expect(decideReturn(recalled, "r2")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(decideReturn({ ...d("CANCELLED", "r1", null), returnedAt: null }, "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideReturn({ ...d("STARTED", "r1", picked), returnedAt: null }, "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideReturn({ ...d("COMPLETED", "r1", picked), returnedAt: null }, "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});
