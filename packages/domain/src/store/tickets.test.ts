import { describe, expect, it } from "vitest";
import { printableForDay, ticketDays, ticketQueryOf, TICKET_MAX_ORDERS } from "./tickets";

const A = "3f9a0c12-0000-4000-8000-000000000001";
const B = "3f9a0c12-0000-4000-8000-000000000002";
const STORE = "10000000-0000-4000-8000-000000000001";

describe("[W2] ticket query", () => {
  it("[W2] reads orders by id, deduplicated, lower case, A4 by default", () => {
    const r = ticketQueryOf({ orders: `${A}, ${B.toUpperCase()},${A}` });
    expect(r).toEqual({ success: true, query: { orders: [A, B], layout: "a4" } });
  });

  it("[W2] reads a day with an optional shop and slot, and the thermal layout", () => {
    expect(ticketQueryOf({ store: STORE, date: "2026-05-08", slot: "09-12", layout: "thermal" })).toEqual({
      success: true,
      query: { store: STORE, date: "2026-05-08", slot: "09-12", layout: "thermal" },
    });
    expect(ticketQueryOf({ date: "2026-05-08" })).toMatchObject({ success: true, query: { date: "2026-05-08", layout: "a4" } });
  });

  it("[W2] refuses bad parameters with a message naming the parameter", () => {
    const bad: [Record<string, string | string[]>, RegExp][] = [
      [{}, /date: Ask for orders/],
      [{ orders: "not-an-id" }, /orders: Each order must be an order id/],
      [{ orders: " , " }, /orders: Name at least one order/],
      [{ orders: A, date: "2026-05-08" }, /not both/],
      [{ date: "2026-02-30" }, /date: This date does not exist/],
      [{ date: "08/05/2026" }, /date: The day must be written YYYY-MM-DD/],
      [{ date: "2026-05-08", store: "hongdae" }, /store: The shop must be a shop id/],
      [{ date: "2026-05-08", slot: "08-09" }, /slot: Unknown delivery slot/],
      [{ orders: A, layout: "a5" }, /layout: The layout is a4 or thermal/],
      [{ orders: [A, B] }, /"orders" is given more than once/],
    ];
    for (const [params, message] of bad) {
      const r = ticketQueryOf(params);
      expect(r.success, JSON.stringify(params)).toBe(false);
      if (!r.success) expect(r.messages.join(" | ")).toMatch(message);
    }
  });

  it(`[W2] names at most ${TICKET_MAX_ORDERS} orders per print`, () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `3f9a0c12-0000-4000-8000-${String(i).padStart(12, "0")}`).join(",");
    expect(ticketQueryOf({ orders: ids(TICKET_MAX_ORDERS) }).success).toBe(true);
    expect(ticketQueryOf({ orders: ids(TICKET_MAX_ORDERS + 1) }).success).toBe(false);
  });

  it("[W2] a day's print holds the work still at the shop: New, Accepted and Ready", () => {
    const at = new Date();
    expect(printableForDay({ status: "NEW", pickedUpAt: null, attemptedAt: null })).toBe(true);
    expect(printableForDay({ status: "ACCEPTED", pickedUpAt: null, attemptedAt: null })).toBe(true);
    expect(printableForDay({ status: "DECORATED", pickedUpAt: null, attemptedAt: null })).toBe(true);
    expect(printableForDay({ status: "DECORATED", pickedUpAt: at, attemptedAt: at })).toBe(true);
    expect(printableForDay({ status: "DECORATED", pickedUpAt: at, attemptedAt: null })).toBe(false);
    expect(printableForDay({ status: "REJECTED", pickedUpAt: null, attemptedAt: null })).toBe(false);
    expect(printableForDay({ status: "CANCELLED", pickedUpAt: null, attemptedAt: null })).toBe(false);
  });

  it("[W2] all of today reaches back over the overdue days; any other day is that day only", () => {
    expect(ticketDays("2026-12-24", "2026-12-24")).toEqual({ upTo: "2026-12-24" });
    expect(ticketDays("2026-12-25", "2026-12-24")).toEqual({ equals: "2026-12-25" });
    expect(ticketDays("2026-12-23", "2026-12-24")).toEqual({ equals: "2026-12-23" });
  });
});
