// F14: MyPage pages through a customer's orders newest first (placed_at DESC, order_id DESC, as
// PostgreSQL orders them: an order whose OrderPlaced has not arrived yet, placed_at null, first).
// Pages after a cursor are a keyset read (read scale, N4): every order exactly once.
import { myPageFor } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { CUSTOMER, CUSTOMER2 } from "../../../../test/support/fixtures";

const { db } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 12, minutes));
let n = 0;
function row(customerId: string, placedAt: Date | null, orderStatus = "DELIVERED") {
  n += 1;
  return {
    orderId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    customerId,
    storeName: "Seoulsup Flowers",
    itemsSummary: "Red Rose Classic",
    storeNameKo: "서울숲 꽃집",
    itemsSummaryKo: "빨간 장미 클래식",
    totalWon: 59000,
    orderStatus,
    deliveryStatus: "NONE",
    paymentStatus: "PAID",
    deliveryDate: "2026-11-02",
    timeSlot: "12-15",
    timeline: [],
    events: [],
    placedAt,
    updatedAt: placedAt ?? at(0),
  };
}

describe("MyPage pages", () => {
  it("[F14][S6] paging with a cursor returns every order once, in the first page's order; a foreign cursor is refused like an unknown one", async () => {
    // Ties on placed_at (ordered by order_id), orders not placed yet, another customer's orders.
    const rows = [
      ...[1, 2, 2, 2, 3, 5, 5, 8].map((m, i) => row(CUSTOMER.id, at(m), i % 3 === 0 ? "PLACED" : "DELIVERED")),
      row(CUSTOMER.id, null, "PLACED"),
      row(CUSTOMER.id, null, "PLACED"),
      row(CUSTOMER2.id, at(4)),
    ];
    await db.myPageOrder.createMany({ data: rows });
    const expected = await db.myPageOrder.findMany({
      where: { customerId: CUSTOMER.id },
      orderBy: [{ placedAt: { sort: "desc", nulls: "first" } }, { orderId: "desc" }],
      select: { orderId: true, orderStatus: true },
    });
    expect(expected).toHaveLength(10);

    for (const filter of ["all", "active", "past"] as const) {
      const want = expected.filter((r) => filter === "all" || (filter === "active") === (r.orderStatus === "PLACED")).map((r) => r.orderId);
      for (const limit of [1, 2, 3, 4, 10, 20]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let page = 0; page < 20; page++) {
          const r = await myPageFor(db, CUSTOMER.id, { filter, limit, cursor });
          if (!r.ok) throw new Error(r.message);
          const p = r.page;
          expect(p.items.length).toBeLessThanOrEqual(limit);
          seen.push(...p.items.map((i) => i.orderId));
          if (!p.nextCursor) break;
          cursor = p.nextCursor;
        }
        expect(seen, `${filter}, ${limit} a page`).toEqual(want);
      }
    }

    const theirs = rows[rows.length - 1]!.orderId;
    // S6: another customer's order and an id that exists nowhere are the same refusal.
    const foreign = await myPageFor(db, CUSTOMER.id, { filter: "all", limit: 5, cursor: theirs });
    const unknown = await myPageFor(db, CUSTOMER.id, { filter: "all", limit: 5, cursor: globalThis.crypto.randomUUID() });
    expect(foreign).toEqual({ ok: false, code: "VALIDATION", message: "Invalid cursor" });
    expect(unknown).toEqual(foreign);
  });
});
