// F4: what the owner's board lists. Open orders (NEW, ACCEPTED) always stay; finished ones
// (DECORATED, REJECTED, CANCELLED) only while updated within the last two weeks; tombstones never;
// newest first. The board reads per (store, status) lane (read scale, issue 7), so its result is
// checked against the plain query it replaces, at every page size.
import { boardFor, markNotificationsRead } from "@bloom/app";
import { UNREAD_COUNT_CAP } from "@bloom/domain";
import { closeDbs, DEMO_STORES } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { OTHER_STORE, OWNER, ROSES, STORE } from "../../../../test/support/fixtures";

const { db } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

const owner = { id: OWNER.id, role: "OWNER" };
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
type Status = "NEW" | "ACCEPTED" | "DECORATED" | "REJECTED" | "CANCELLED";

let n = 0;
async function storeOrder(storeId: string, status: Status, created: number, updated = created, tombstone = false) {
  n += 1;
  const orderId = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  await db.storeOrder.create({
    data: {
      orderId,
      storeId,
      status,
      createdAt: ago(created),
      ...(tombstone
        ? {}
        : {
            lines: [{ bouquetId: ROSES, name: "Red Rose Classic", unitPriceWon: 59000, quantity: 1 }],
            totalWon: 59000,
            recipientName: "Soyeon Yoon",
            recipientPhone: "010-9876-5432",
            address: "88 Eulji-ro, Jung-gu, Seoul",
            deliveryDate: "2026-12-24",
            timeSlot: "12-15",
          }),
    },
  });
  // @updatedAt stamps now() on create: set the time of the last change explicitly.
  await db.$executeRaw`UPDATE store_orders SET updated_at = ${ago(updated)} WHERE order_id = ${orderId}::uuid`;
  return orderId;
}

/** The board's query as a plain Prisma query: what the lane-by-lane read must equal. */
async function plainBoard(storeIds: string[], limit: number) {
  const rows = await db.storeOrder.findMany({
    where: {
      storeId: { in: storeIds },
      OR: [{ status: { in: ["NEW", "ACCEPTED"] } }, { updatedAt: { gte: ago(14) } }],
      NOT: { recipientName: "" },
    },
    orderBy: [{ createdAt: "desc" }],
    take: limit,
  });
  return rows.map((r) => r.orderId);
}

describe("store board", () => {
  it("[F4] open orders always stay, finished ones only while updated within two weeks, tombstones never; newest first", async () => {
    const oldNew = await storeOrder(STORE.id, "NEW", 30);
    const oldAccepted = await storeOrder(STORE.id, "ACCEPTED", 20);
    const decorated = await storeOrder(STORE.id, "DECORATED", 3, 2);
    await storeOrder(STORE.id, "REJECTED", 20, 15); // finished more than two weeks ago: off the board
    await storeOrder(STORE.id, "DECORATED", 40, 30); // likewise
    const lateFinish = await storeOrder(STORE.id, "DECORATED", 21, 1); // placed long ago, finished yesterday
    await storeOrder(STORE.id, "CANCELLED", 1, 1, true); // a cancellation that overtook OrderPlaced
    const cancelled = await storeOrder(DEMO_STORES[1]!.id, "CANCELLED", 0.5, 0.1);
    const fresh = await storeOrder(DEMO_STORES[2]!.id, "NEW", 0.01);
    await storeOrder(OTHER_STORE.id, "NEW", 0.02); // another owner's shop

    const board = await boardFor(db, owner, undefined);
    expect(board.orders.map((o) => o.orderId)).toEqual([fresh, cancelled, decorated, oldAccepted, lateFinish, oldNew]);
    expect((await boardFor(db, owner, STORE.id)).orders.map((o) => o.orderId)).toEqual([decorated, oldAccepted, lateFinish, oldNew]);
    expect((await boardFor(db, owner, OTHER_STORE.id)).orders).toEqual([]);

    // Each row is the store order exactly as Prisma reads it (the web UI and the REST API use it).
    for (const o of board.orders) {
      const row = await db.storeOrder.findUniqueOrThrow({ where: { orderId: o.orderId } });
      expect(o).toEqual({ ...row, overStock: false });
      expect(o.createdAt).toBeInstanceOf(Date);
    }
  });

  it("[F4] at any page size the board equals the plain query over all the owner's shops", async () => {
    const [a, b, c] = [STORE.id, DEMO_STORES[1]!.id, DEMO_STORES[2]!.id];
    // Open orders of every age; a busy finished lane (more than a small page) next to a quiet one
    // whose finished orders were placed before the window; rejected and cancelled lanes.
    for (let i = 0; i < 6; i++) await storeOrder(a, "DECORATED", 1 + i, 0.5 + i / 10);
    for (let i = 0; i < 3; i++) await storeOrder(b, "DECORATED", 15 + i, 2 + i);
    for (let i = 0; i < 2; i++) await storeOrder(b, "DECORATED", 20 + i, 16); // off the board
    await storeOrder(a, "NEW", 25);
    await storeOrder(b, "ACCEPTED", 0.2);
    await storeOrder(c, "NEW", 2.5);
    await storeOrder(c, "REJECTED", 30, 13);
    await storeOrder(c, "REJECTED", 3, 3);
    await storeOrder(c, "CANCELLED", 16, 0.3);
    await storeOrder(c, "CANCELLED", 1, 1, true);

    const all = await plainBoard([a, b, c], 100);
    expect(all).toHaveLength(15);
    for (let limit = 1; limit <= 18; limit++) {
      expect((await boardFor(db, owner, undefined, limit)).orders.map((o) => o.orderId), `limit ${limit}`).toEqual(await plainBoard([a, b, c], limit));
      expect((await boardFor(db, owner, b, limit)).orders.map((o) => o.orderId), `store b, limit ${limit}`).toEqual(await plainBoard([b], limit));
    }
  });

  it("[F3][F4] the unread badge counts up to 100 (shown as 99+), only the owner's stores, and clears when read", async () => {
    const notify = (storeId: string, count: number) =>
      db.storeNotification.createMany({
        data: Array.from({ length: count }, (_, i) => ({ storeId, orderId: globalThis.crypto.randomUUID(), message: `New order ${i}` })),
      });
    await notify(STORE.id, 7);
    await notify(OTHER_STORE.id, 3); // another owner's store: never counted here
    expect((await boardFor(db, owner, undefined)).unread).toBe(7);
    await notify(STORE.id, 150);
    expect((await boardFor(db, owner, undefined)).unread).toBe(UNREAD_COUNT_CAP);
    await markNotificationsRead(db, owner);
    expect((await boardFor(db, owner, undefined)).unread).toBe(0);
  });

  it("[N1] app connections run with PostgreSQL's JIT off (its compile time dwarfed the board query at scale)", async () => {
    expect(await db.$queryRaw`SHOW jit`).toEqual([{ jit: "off" }]);
  });
});
