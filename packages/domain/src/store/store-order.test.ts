import { describe, expect, it } from "vitest";
import { cancelDelivery, decideComplete, decideReturn, decideStart, isRecalled } from "../delivery/delivery";
import { cancelStoreOrder, decideStoreOrder } from "./store-order";

describe("StoreOrder", () => {
  it("[F4] accept, then decoration done; nothing else in between", () => {
    expect(decideStoreOrder("NEW", { kind: "accept" })).toEqual({ ok: true, next: "ACCEPTED" });
    expect(decideStoreOrder("ACCEPTED", { kind: "completeDecoration" })).toEqual({ ok: true, next: "DECORATED" });
    expect(decideStoreOrder("NEW", { kind: "completeDecoration" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideStoreOrder("DECORATED", { kind: "accept" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
  it("[F6] reject with a reason from new or accepted; 'other' needs words", () => {
    expect(decideStoreOrder("ACCEPTED", { kind: "reject", reason: "OUT_OF_MATERIALS" })).toEqual({ ok: true, next: "REJECTED" });
    expect(decideStoreOrder("DECORATED", { kind: "reject", reason: "OUT_OF_FLOWERS" })).toMatchObject({ ok: false });
    expect(decideStoreOrder("NEW", { kind: "reject", reason: "OTHER", detail: "" })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(decideStoreOrder("NEW", { kind: "reject", reason: "OTHER", detail: "Shop closed for a funeral" })).toMatchObject({ ok: true });
  });
  it("[F12] cancellation leaves rejected orders alone", () => {
    expect(cancelStoreOrder("ACCEPTED")).toBe("CANCELLED");
    expect(cancelStoreOrder("REJECTED")).toBeNull();
    expect(cancelStoreOrder("CANCELLED")).toBeNull();
  });
});

describe("Delivery", () => {
  it("[F9] only an open request can be taken; a taken one says so", () => {
    expect(decideStart("OPEN")).toEqual({ ok: true });
    expect(decideStart("STARTED")).toMatchObject({ ok: false, code: "ALREADY_TAKEN" });
    expect(decideStart("CANCELLED")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
  it("[F10] only its rider completes a started delivery", () => {
    expect(decideComplete({ status: "STARTED", riderId: "r1" }, "r1")).toEqual({ ok: true });
    expect(decideComplete({ status: "STARTED", riderId: "r1" }, "r2")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(decideComplete({ status: "OPEN", riderId: null }, "r1")).toMatchObject({ ok: false });
    expect(decideComplete({ status: "CANCELLED", riderId: "r1" }, "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION", message: expect.stringMatching(/back to the shop/) });
  });
  it("[F12] cancellation withdraws an open delivery and recalls a started one; a delivered one stays", () => {
    expect(cancelDelivery("OPEN")).toEqual({ to: "CANCELLED", recall: false });
    expect(cancelDelivery("STARTED")).toEqual({ to: "CANCELLED", recall: true });
    expect(cancelDelivery("COMPLETED")).toBeNull();
    expect(cancelDelivery("CANCELLED")).toBeNull();
    expect(isRecalled({ status: "CANCELLED", riderId: "r1" })).toBe(true);
    expect(isRecalled({ status: "CANCELLED", riderId: null })).toBe(false);
    expect(isRecalled({ status: "STARTED", riderId: "r1" })).toBe(false);
  });
  it("[F12] only the rider of a recalled delivery confirms it back at the shop, once in effect", () => {
    expect(decideReturn({ status: "CANCELLED", riderId: "r1", returnedAt: null }, "r1")).toEqual({ ok: true, alreadyReturned: false });
    expect(decideReturn({ status: "CANCELLED", riderId: "r1", returnedAt: new Date() }, "r1")).toEqual({ ok: true, alreadyReturned: true });
    expect(decideReturn({ status: "CANCELLED", riderId: "r1", returnedAt: null }, "r2")).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(decideReturn({ status: "STARTED", riderId: "r1", returnedAt: null }, "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideReturn({ status: "COMPLETED", riderId: "r1", returnedAt: null }, "r1")).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});
