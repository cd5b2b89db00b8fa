import { describe, expect, it } from "vitest";
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
