import { describe, expect, it } from "vitest";
import { onBoard, patchBoard, type PatchCard } from "./live-patch";
import { patchedByCard } from "./react";

const TODAY = "2026-12-01";
type Card = PatchCard & { id: string; note: string };
const card = (orderId: string, over: Partial<Card> = {}): Card => ({
  id: `so-${orderId}`,
  orderId,
  status: "NEW",
  deliveryDate: "2026-12-02",
  timeSlot: "09-12",
  pickedUpAt: null,
  attemptedAt: null,
  updatedAt: new Date("2026-12-01T01:00:00Z"),
  note: "",
  ...over,
});
const later = new Date("2026-12-01T02:00:00Z");
const boardOf = (orders: Card[]) => ({
  orders,
  counts: [{ date: "2026-12-02", slot: "09-12", count: orders.filter((o) => o.status === "NEW" || o.status === "ACCEPTED").length }],
  newIds: orders.filter((o) => o.status === "NEW").map((o) => o.orderId),
  today: TODAY,
  alerts: [],
  unread: 3,
  next: null,
});

describe("[P1][B1] a live change patches the one card on the board", () => {
  it("[P1] an accepted order changes its card, the new-order list and nothing else", () => {
    const board = boardOf([card("a"), card("b")]);
    const next = patchBoard(board, card("a", { status: "ACCEPTED", updatedAt: later }), undefined);
    expect(next?.orders.map((o) => [o.orderId, o.status])).toEqual([
      ["a", "ACCEPTED"],
      ["b", "NEW"],
    ]);
    expect(next?.newIds).toEqual(["b"]);
    expect(next?.counts).toEqual([{ date: "2026-12-02", slot: "09-12", count: 2 }]); // accepted is still open work
    expect(next?.unread).toBe(3);
    expect(board.orders[0]!.status).toBe("NEW"); // the cached board is not mutated
  });

  it("[P1] an arranged bouquet leaves the open counts; an empty count disappears", () => {
    const board = boardOf([card("a", { status: "ACCEPTED" })]);
    const next = patchBoard(board, card("a", { status: "DECORATED", updatedAt: later }), undefined);
    expect(next?.orders[0]!.status).toBe("DECORATED");
    expect(next?.counts).toEqual([]);
  });

  it("[P1] a card that leaves the filter is removed: overdue work finished today is not Done of today", () => {
    const overdue = card("a", { status: "DECORATED", deliveryDate: "2026-11-30" });
    const board = boardOf([overdue]);
    const picked = card("a", { status: "DECORATED", deliveryDate: "2026-11-30", pickedUpAt: later, updatedAt: later });
    expect(patchBoard(board, picked, { day: TODAY })?.orders).toEqual([]);
    expect(patchBoard(board, picked, undefined)?.orders).toEqual([picked]); // every day: it stays, in Done
  });

  it("[P1] a rescheduled card moves its count to the new slot", () => {
    const board = boardOf([card("a", { status: "ACCEPTED" })]);
    const next = patchBoard(board, card("a", { status: "ACCEPTED", timeSlot: "15-18", updatedAt: later }), undefined);
    expect(next?.counts).toEqual([{ date: "2026-12-02", slot: "15-18", count: 1 }]);
    expect(patchBoard(board, card("a", { status: "ACCEPTED", timeSlot: "15-18", updatedAt: later }), { slot: "09-12" })?.orders).toEqual([]);
  });

  it("[P1] an unknown or vanished card, a cancellation and a failed attempt are read again whole (alerts, counts, badge)", () => {
    const board = boardOf([card("a", { status: "DECORATED" })]);
    expect(patchBoard(board, card("new-order"), undefined)).toBeNull();
    expect(patchBoard(board, null, undefined)).toBeNull();
    expect(patchBoard(board, card("a", { status: "CANCELLED", updatedAt: later }), undefined)).toBeNull();
    expect(patchBoard(board, card("a", { status: "DECORATED", pickedUpAt: later, attemptedAt: later, updatedAt: later }), undefined)).toBeNull();
  });

  it("[P1] an answer older than the card on screen changes nothing", () => {
    const board = boardOf([card("a", { status: "ACCEPTED", updatedAt: later })]);
    expect(patchBoard(board, card("a", { status: "NEW" }), undefined)).toBe(board);
  });

  it("[P1] the board's filter follows the SQL: today holds open overdue work, a day its own Done", () => {
    expect(onBoard(card("a", { deliveryDate: "2026-11-29" }), { day: TODAY }, TODAY)).toBe(true);
    expect(onBoard(card("a", { deliveryDate: "2026-11-29" }), { day: "2026-12-02" }, TODAY)).toBe(false);
    expect(onBoard(card("a", { status: "REJECTED", deliveryDate: "2026-11-29" }), { day: TODAY }, TODAY)).toBe(false);
    expect(onBoard(card("a", { status: "REJECTED" }), { day: "2026-12-02" }, TODAY)).toBe(true);
  });

  it.each([
    [[["store", "board"], { input: { day: TODAY }, type: "query" }], true],
    [[["store", "boardDone"], { type: "infinite" }], true],
    [[["store", "myStores"], { type: "query" }], false],
    [[["delivery", "screen"], { type: "query" }], false],
  ])("[P1] %j is patched card by card: %s", (key, expected) => {
    expect(patchedByCard(key as unknown[])).toBe(expected);
  });
});
