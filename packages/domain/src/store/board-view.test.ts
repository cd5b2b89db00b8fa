import { describe, expect, it } from "vitest";
import { BOARD_ENDED_STATUSES, BOARD_OPEN_STATUSES, BOARD_READY_STATUS, boardLaneOf, boardQuerySchema, bySlot, slotStart } from "./board-view";
import { STORE_ORDER_STATUSES } from "./store-order";

const at = (iso: string) => new Date(iso);

describe("board view", () => {
  it("[W3] lanes: New, Accepted, Ready until a rider picks it up (and again after a failed attempt), Done otherwise", () => {
    expect(boardLaneOf({ status: "NEW", pickedUpAt: null, attemptedAt: null })).toBe("new");
    expect(boardLaneOf({ status: "ACCEPTED", pickedUpAt: null, attemptedAt: null })).toBe("accepted");
    expect(boardLaneOf({ status: "DECORATED", pickedUpAt: null, attemptedAt: null })).toBe("ready");
    expect(boardLaneOf({ status: "DECORATED", pickedUpAt: at("2026-12-01T01:00:00Z"), attemptedAt: null })).toBe("done");
    expect(boardLaneOf({ status: "DECORATED", pickedUpAt: at("2026-12-01T01:00:00Z"), attemptedAt: at("2026-12-01T02:00:00Z") })).toBe("ready");
    expect(boardLaneOf({ status: "REJECTED", pickedUpAt: null, attemptedAt: null })).toBe("done");
    expect(boardLaneOf({ status: "CANCELLED", pickedUpAt: at("2026-12-01T01:00:00Z"), attemptedAt: null })).toBe("done");
  });

  it("[W3] the lanes' status lists (the board's SQL is written from them) cover every store-order status once and agree with boardLaneOf", () => {
    const listed = [...BOARD_OPEN_STATUSES, BOARD_READY_STATUS, ...BOARD_ENDED_STATUSES];
    expect([...listed].sort()).toEqual([...STORE_ORDER_STATUSES].sort());
    for (const s of BOARD_OPEN_STATUSES) expect(boardLaneOf({ status: s, pickedUpAt: null, attemptedAt: null })).toBe(s === "NEW" ? "new" : "accepted");
    for (const s of BOARD_ENDED_STATUSES) expect(boardLaneOf({ status: s, pickedUpAt: null, attemptedAt: null })).toBe("done");
    expect(boardLaneOf({ status: BOARD_READY_STATUS, pickedUpAt: null, attemptedAt: null })).toBe("ready");
  });

  it("[W3] cards sort by delivery date, then slot start, then order time — not by order time alone", () => {
    const o = (deliveryDate: string, timeSlot: string, createdAt: string) => ({ deliveryDate, timeSlot, createdAt, id: `${deliveryDate} ${timeSlot} ${createdAt}` });
    const orders = [
      o("2026-12-02", "18-21", "2026-11-01T00:00:00Z"), // the oldest order, for the latest slot
      o("2026-12-02", "09-12", "2026-12-01T10:00:00Z"),
      o("2026-12-01", "15-18", "2026-12-01T09:00:00Z"),
      o("2026-12-02", "09-12", "2026-12-01T08:00:00Z"),
    ];
    expect([...orders].sort(bySlot).map((x) => x.id)).toEqual([
      "2026-12-01 15-18 2026-12-01T09:00:00Z",
      "2026-12-02 09-12 2026-12-01T08:00:00Z",
      "2026-12-02 09-12 2026-12-01T10:00:00Z",
      "2026-12-02 18-21 2026-11-01T00:00:00Z",
    ]);
    expect(slotStart("09-12")).toBe(9);
    expect(slotStart("nonsense")).toBe(99);
  });

  it("[W3] the filter refuses impossible days, unknown slots and malformed cursors", () => {
    expect(boardQuerySchema.safeParse({}).success).toBe(true);
    expect(boardQuerySchema.safeParse({ day: "2026-12-24", slot: "18-21" }).success).toBe(true);
    for (const bad of [{ day: "2026-13-01" }, { day: "24.12.2026" }, { slot: "21-24" }, { cursor: { updatedAt: "2026-12-01T00:00:00Z", id: "nope" } }]) {
      expect(boardQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
