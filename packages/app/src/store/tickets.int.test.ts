// W2: which orders a printed ticket shows, and who may print them (the board's authorisation).
import { ticketsFor } from "@bloom/app";
import { closeDbs, DEMO_STORES } from "@bloom/db";
import { ticketQueryOf, type TicketQuery } from "@bloom/domain";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { CUSTOMER, OTHER_STORE, OWNER, OWNER2, RIDER, ROSES, STORE } from "../../../../test/support/fixtures";

const ADMIN_ID = "00000000-0000-4000-8000-000000000007"; // the demo admin

const { db } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

const owner = { id: OWNER.id, role: "OWNER" };
const DAY = "2026-12-24";
type Status = "NEW" | "ACCEPTED" | "DECORATED" | "REJECTED" | "CANCELLED";

let n = 0;
async function storeOrder(storeId: string, status: Status, extra: { date?: string; slot?: string; createdMinAgo?: number; pickedUp?: boolean; attempted?: boolean; tombstone?: boolean } = {}) {
  n += 1;
  const orderId = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  await db.storeOrder.create({
    data: {
      orderId,
      storeId,
      status,
      createdAt: new Date(Date.now() - (extra.createdMinAgo ?? n) * 60_000),
      pickedUpAt: extra.pickedUp ? new Date() : null,
      attemptedAt: extra.attempted ? new Date() : null,
      ...(extra.tombstone
        ? {}
        : {
            lines: [{ bouquetId: ROSES, name: "Red Rose Classic", nameKo: "빨간 장미 클래식", unitPriceWon: 59000, quantity: 2 }],
            totalWon: 118000,
            recipientName: `Recipient ${n}`,
            recipientPhone: "010-9876-5432",
            address: "88 Eulji-ro, Jung-gu, Seoul",
            deliveryDate: extra.date ?? DAY,
            timeSlot: extra.slot ?? "12-15",
            giftMessage: "Happy birthday, Mom",
            note: "No lilies",
          }),
    },
  });
  return orderId;
}

const q = (params: Record<string, string>): TicketQuery => {
  const r = ticketQueryOf(params);
  if (!r.success) throw new Error(r.messages.join("; "));
  return r.query;
};
const idsOf = (r: Awaited<ReturnType<typeof ticketsFor>>) => (r.ok ? r.orders.map((o) => o.orderId) : r);

describe("[W2] tickets", () => {
  it("[W2] prints the orders named, in the order named, with the shop", async () => {
    const a = await storeOrder(STORE.id, "NEW");
    const b = await storeOrder(DEMO_STORES[1]!.id, "DECORATED", { pickedUp: true }); // any order of the board, even sent
    const r = await ticketsFor(db, owner, q({ orders: `${b},${a}` }));
    expect(idsOf(r)).toEqual([b, a]);
    if (!r.ok) throw new Error("refused");
    expect(r.orders[1]).toMatchObject({ recipientName: expect.stringMatching(/^Recipient/), giftMessage: "Happy birthday, Mom", note: "No lilies", shop: { id: STORE.id, name: STORE.name } });
  });

  it("[W2] another owner's order, an unknown one and a tombstone are not found — even one among one's own", async () => {
    const mine = await storeOrder(STORE.id, "NEW");
    const theirs = await storeOrder(OTHER_STORE.id, "NEW");
    const tomb = await storeOrder(STORE.id, "CANCELLED", { tombstone: true });
    for (const orders of [theirs, `${mine},${theirs}`, "00000000-0000-4000-8000-99999999abcd", tomb]) {
      expect(await ticketsFor(db, owner, q({ orders }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    // The other owner prints theirs, not mine.
    expect(idsOf(await ticketsFor(db, { id: OWNER2.id, role: "OWNER" }, q({ orders: theirs })))).toEqual([theirs]);
    expect(await ticketsFor(db, { id: OWNER2.id, role: "OWNER" }, q({ orders: mine }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await ticketsFor(db, { id: OWNER2.id, role: "OWNER" }, q({ store: STORE.id, date: DAY }))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    // An admin prints any shop's.
    expect(idsOf(await ticketsFor(db, { id: ADMIN_ID, role: "ADMIN" }, q({ orders: `${mine},${theirs}` })))).toEqual([mine, theirs]);
  });

  it("[W2] a rider or a customer is refused, even for an order id they know", async () => {
    const mine = await storeOrder(STORE.id, "NEW");
    for (const who of [{ id: RIDER.id, role: "RIDER" }, { id: CUSTOMER.id, role: "CUSTOMER" }]) {
      expect(await ticketsFor(db, who, q({ orders: mine }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await ticketsFor(db, who, q({ store: STORE.id, date: DAY }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    }
  });

  it("[W2] all of a day: exactly that day's open orders of that shop (New, Accepted, Ready), in slot order", async () => {
    const evening = await storeOrder(STORE.id, "NEW", { slot: "18-21" });
    const morningLate = await storeOrder(STORE.id, "ACCEPTED", { slot: "09-12", createdMinAgo: 5 });
    const morningEarly = await storeOrder(STORE.id, "NEW", { slot: "09-12", createdMinAgo: 60 * 24 * 30 }); // a pre-order
    const ready = await storeOrder(STORE.id, "DECORATED", { slot: "12-15" });
    const backAfterAttempt = await storeOrder(STORE.id, "DECORATED", { slot: "15-18", pickedUp: true, attempted: true });
    await storeOrder(STORE.id, "DECORATED", { slot: "12-15", pickedUp: true }); // with a rider
    await storeOrder(STORE.id, "REJECTED", { slot: "12-15" });
    await storeOrder(STORE.id, "CANCELLED", { slot: "12-15" });
    await storeOrder(STORE.id, "NEW", { date: "2026-12-25" }); // another day
    await storeOrder(STORE.id, "NEW", { date: "2026-12-23" }); // the day before (overdue work is not this day's)
    const otherShopOfMine = await storeOrder(DEMO_STORES[1]!.id, "NEW", { slot: "09-12" });
    await storeOrder(OTHER_STORE.id, "NEW", { slot: "09-12" }); // another owner's

    expect(idsOf(await ticketsFor(db, owner, q({ store: STORE.id, date: DAY })))).toEqual([morningEarly, morningLate, ready, backAfterAttempt, evening]);
    expect(idsOf(await ticketsFor(db, owner, q({ store: STORE.id, date: DAY, slot: "09-12" })))).toEqual([morningEarly, morningLate]);
    // No shop: every shop of the owner, still that day only.
    expect(idsOf(await ticketsFor(db, owner, q({ date: DAY })))).toEqual([morningEarly, otherShopOfMine, morningLate, ready, backAfterAttempt, evening]);
    expect(idsOf(await ticketsFor(db, owner, q({ store: STORE.id, date: "2026-12-26" })))).toEqual([]);
  });

  it("[W2] all of today also prints the overdue orders — open, of an earlier day — first, oldest day first; any other day prints that day only", async () => {
    const TODAY = DAY;
    const today = await storeOrder(STORE.id, "NEW", { slot: "09-12" });
    const yesterday = await storeOrder(STORE.id, "ACCEPTED", { date: "2026-12-23", slot: "18-21" });
    const lastWeekReady = await storeOrder(STORE.id, "DECORATED", { date: "2026-12-17", slot: "12-15" });
    const lastWeekNew = await storeOrder(STORE.id, "NEW", { date: "2026-12-17", slot: "09-12" });
    const backAfterAttempt = await storeOrder(STORE.id, "DECORATED", { date: "2026-12-22", pickedUp: true, attempted: true });
    // Not overdue work: done, with a rider, another owner's, or later.
    await storeOrder(STORE.id, "DECORATED", { date: "2026-12-23", pickedUp: true });
    await storeOrder(STORE.id, "REJECTED", { date: "2026-12-23" });
    await storeOrder(STORE.id, "CANCELLED", { date: "2026-12-20" });
    await storeOrder(OTHER_STORE.id, "NEW", { date: "2026-12-23" });
    const tomorrow = await storeOrder(STORE.id, "NEW", { date: "2026-12-25" });

    expect(idsOf(await ticketsFor(db, owner, q({ store: STORE.id, date: TODAY }), TODAY))).toEqual([lastWeekNew, lastWeekReady, backAfterAttempt, yesterday, today]);
    // A slot narrows the earlier days too.
    expect(idsOf(await ticketsFor(db, owner, q({ store: STORE.id, date: TODAY, slot: "09-12" }), TODAY))).toEqual([lastWeekNew, today]);
    // Another day than today: that day only, whatever is overdue.
    expect(idsOf(await ticketsFor(db, owner, q({ store: STORE.id, date: "2026-12-25" }), TODAY))).toEqual([tomorrow]);
    expect(idsOf(await ticketsFor(db, owner, q({ store: STORE.id, date: "2026-12-23" }), TODAY))).toEqual([yesterday]);
    // Another owner's print of today holds none of these.
    expect(idsOf(await ticketsFor(db, { id: OWNER2.id, role: "OWNER" }, q({ date: TODAY }), TODAY))).not.toContain(yesterday);
  });
});
