// F4, W3: what the owner's board lists. Open orders (NEW, ACCEPTED) always, however old, in slot
// order; Ready (arranged, at the shop) and Done (sent, rejected, cancelled) only while changed
// within the last two weeks; tombstones never. A day and slot filter; Done a page at a time.
import { boardDoneFor, boardFor, boardOrderFor, markNotificationsRead } from "@bloom/app";
import { addDays, BOARD_DONE_PAGE, bySlot, createEvent, todayInSeoul, UNREAD_COUNT_CAP } from "@bloom/domain";
import { closeDbs, DEMO_STORES, sqlOf, inTransaction } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { CUSTOMER, OTHER_STORE, OWNER, ROSES, STORE } from "../../../../test/support/fixtures";
import { cancelStoreOrderFor } from "./on-order-cancelled";

const { db } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

const owner = { id: OWNER.id, role: "OWNER" };
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const today = todayInSeoul();
type Status = "NEW" | "ACCEPTED" | "DECORATED" | "REJECTED" | "CANCELLED";
type Extra = { deliveryDate?: string; timeSlot?: string; pickedUpAt?: Date; attemptedAt?: Date; tombstone?: boolean };

let n = 0;
async function storeOrder(storeId: string, status: Status, created: number, updated = created, extra: Extra = {}) {
  n += 1;
  const orderId = `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
  await db.storeOrder.create({
    data: {
      orderId,
      storeId,
      status,
      createdAt: ago(created),
      pickedUpAt: extra.pickedUpAt ?? null,
      attemptedAt: extra.attemptedAt ?? null,
      ...(extra.tombstone
        ? {}
        : {
            lines: [{ bouquetId: ROSES, name: "Red Rose Classic", nameKo: "빨간 장미 클래식", unitPriceWon: 59000, quantity: 1 }],
            totalWon: 59000,
            recipientName: "Soyeon Yoon",
            recipientPhone: "010-9876-5432",
            address: "88 Eulji-ro, Jung-gu, Seoul",
            deliveryDate: extra.deliveryDate ?? "2026-12-24",
            timeSlot: extra.timeSlot ?? "12-15",
          }),
    },
  });
  // @updatedAt stamps now() on create: set the time of the last change explicitly.
  await db.$executeRaw`UPDATE store_orders SET updated_at = ${ago(updated)} WHERE order_id = ${orderId}::uuid`;
  return orderId;
}
const ids = (orders: { orderId: string }[]) => orders.map((o) => o.orderId);

describe("store board", () => {
  it("[F4][W3] open orders always stay (slot order), finished ones only while changed within two weeks (latest first), tombstones never", async () => {
    const oldNew = await storeOrder(STORE.id, "NEW", 30, 30, { timeSlot: "15-18" });
    const oldAccepted = await storeOrder(STORE.id, "ACCEPTED", 20, 20, { timeSlot: "09-12" });
    const decorated = await storeOrder(STORE.id, "DECORATED", 3, 2); // Ready: at the shop
    await storeOrder(STORE.id, "REJECTED", 20, 15); // finished more than two weeks ago: off the board
    await storeOrder(STORE.id, "DECORATED", 40, 30, { pickedUpAt: ago(30) }); // likewise
    const lateFinish = await storeOrder(STORE.id, "DECORATED", 21, 1, { pickedUpAt: ago(1) }); // placed long ago, sent yesterday
    await storeOrder(STORE.id, "CANCELLED", 1, 1, { tombstone: true }); // a cancellation that overtook OrderPlaced
    const cancelled = await storeOrder(DEMO_STORES[1]!.id, "CANCELLED", 0.5, 0.1);
    const fresh = await storeOrder(DEMO_STORES[2]!.id, "NEW", 0.01, 0.01, { deliveryDate: "2026-12-23", timeSlot: "18-21" });
    await storeOrder(OTHER_STORE.id, "NEW", 0.02); // another owner's shop

    const board = await boardFor(db, owner, undefined);
    // Open work by delivery date and slot; then Ready; then Done, latest change first.
    expect(ids(board.orders)).toEqual([fresh, oldAccepted, oldNew, decorated, cancelled, lateFinish]);
    expect(ids((await boardFor(db, owner, STORE.id)).orders)).toEqual([oldAccepted, oldNew, decorated, lateFinish]);
    expect((await boardFor(db, owner, OTHER_STORE.id)).orders).toEqual([]);
    expect(board.next).toBeNull();

    // Each row is the store order exactly as Prisma reads it (the web UI and the REST API use it).
    for (const o of board.orders) {
      const row = await db.storeOrder.findUniqueOrThrow({ where: { orderId: o.orderId } });
      expect(o).toEqual({ ...row, overStock: false });
      expect(o.createdAt).toBeInstanceOf(Date);
      expect(await boardOrderFor(db, owner, o.orderId)).toEqual(o);
    }
    // One card for a live change: only the owner's own, never a tombstone.
    const theirs = await storeOrder(OTHER_STORE.id, "ACCEPTED", 0.1);
    expect(await boardOrderFor(db, owner, theirs)).toBeNull();
  });

  it("[W3] a Parents' Day board of 300 orders across 3 days: every open order however old, slot order, day and slot filters, counts, Done paged", async () => {
    const days = [today, addDays(today, 1), addDays(today, 2)];
    const slots = ["18-21", "09-12", "15-18", "12-15"]; // created out of slot order on purpose
    const open = new Map<string, { date: string; slot: string }>();
    const done: string[] = [];
    // 250 open orders, some placed two months ahead (an old pre-order must never drop out); 50 finished.
    const rows: string[] = [];
    for (let i = 0; i < 300; i++) {
      const date = days[i % 3]!;
      const slot = slots[Math.floor(i / 3) % 4]!;
      const created = i % 7 === 0 ? 60 + i / 100 : i / 1000;
      const id = `00000000-0000-4000-9000-${String(i).padStart(12, "0")}`;
      if (i < 250) {
        const status = i % 2 ? "ACCEPTED" : "NEW";
        rows.push(`('${id}', '${STORE.id}', '${status}', '${date}', '${slot}', now() - interval '${created} days', now() - interval '${created} days', NULL)`);
        open.set(id, { date, slot });
      } else {
        // Finished newest for the highest i, two at a time at the same moment (ties go by id).
        const at = `now() - interval '${Math.floor((300 - i) / 2) * 10} minutes'`;
        rows.push(`('${id}', '${STORE.id}', 'DECORATED', '${date}', '${slot}', now() - interval '1 day', ${at}, ${at})`);
        done.push(id);
      }
    }
    // An overdue order (due yesterday, never accepted) and one of another owner.
    const overdue = await storeOrder(STORE.id, "NEW", 5, 5, { deliveryDate: addDays(today, -1), timeSlot: "09-12" });
    await storeOrder(OTHER_STORE.id, "NEW", 0.1, 0.1, { deliveryDate: today });
    await sqlOf(db).query(`INSERT INTO store_orders (order_id, id, store_id, status, delivery_date, time_slot, created_at, updated_at, picked_up_at,
        lines, total_won, recipient_name, recipient_phone, address)
      SELECT v.order_id::uuid, gen_random_uuid(), v.store_id::uuid, v.status::"StoreOrderStatus", v.d, v.s, v.c, v.u, v.p,
        '[{"bouquetId":"${ROSES}","name":"Red Rose Classic","nameKo":"빨간 장미 클래식","unitPriceWon":59000,"quantity":1}]', 59000, 'Soyeon Yoon', '010-9876-5432', '88 Eulji-ro'
      FROM (VALUES ${rows.join(",\n")}) AS v(order_id, store_id, status, d, s, c, u, p)`);

    // All days: every open order is there (no cap across lanes), in slot order.
    const all = await boardFor(db, owner, STORE.id);
    const openOnBoard = all.orders.filter((o) => o.status === "NEW" || o.status === "ACCEPTED");
    expect(new Set(ids(openOnBoard))).toEqual(new Set([...open.keys(), overdue]));
    // Slot order: date, slot start, then who ordered first (not order time alone).
    expect(ids(openOnBoard)).toEqual(ids([...openOnBoard].sort(bySlot)));
    const keys = openOnBoard.map((o) => `${o.deliveryDate} ${o.timeSlot}`);
    expect(keys).toEqual([...keys].sort());
    expect(openOnBoard[0]!.orderId).toBe(overdue);

    // Counts per day and slot, over every day, whatever the filter.
    const perDay = (date: string) => all.counts.filter((c) => c.date === date).reduce((s, c) => s + c.count, 0);
    for (const date of days) expect(perDay(date)).toBe([...open.values()].filter((o) => o.date === date).length);
    expect(perDay(addDays(today, -1))).toBe(1);
    expect(all.today).toBe(today);

    // Today: today's open orders and the overdue one; tomorrow: exactly tomorrow's.
    const todays = await boardFor(db, owner, STORE.id, { day: today });
    const todaysOpen = todays.orders.filter((o) => o.status !== "DECORATED");
    expect(new Set(ids(todaysOpen))).toEqual(new Set([overdue, ...[...open].filter(([, o]) => o.date === today).map(([id]) => id)]));
    const tomorrows = await boardFor(db, owner, STORE.id, { day: days[1] });
    expect(tomorrows.orders.every((o) => o.deliveryDate === days[1])).toBe(true);
    expect(tomorrows.orders.filter((o) => o.status !== "DECORATED")).toHaveLength([...open.values()].filter((o) => o.date === days[1]).length);
    // A slot of a day.
    const slot = await boardFor(db, owner, STORE.id, { day: days[2], slot: "09-12" });
    expect(slot.orders.length).toBeGreaterThan(0);
    expect(slot.orders.every((o) => o.deliveryDate === days[2] && o.timeSlot === "09-12")).toBe(true);
    expect(new Set(ids(slot.orders.filter((o) => o.status !== "DECORATED")))).toEqual(
      new Set([...open].filter(([, o]) => o.date === days[2] && o.slot === "09-12").map(([id]) => id)),
    );

    // Done: newest change first, a page at a time; paging through it yields every finished order once.
    const doneOf = (orders: typeof all.orders) => orders.filter((o) => o.status === "DECORATED");
    expect(doneOf(all.orders)).toHaveLength(BOARD_DONE_PAGE);
    const seen = ids(doneOf(all.orders));
    let next = all.next;
    let pages = 1;
    while (next) {
      const page = await boardDoneFor(db, owner, { storeId: STORE.id, cursor: next });
      seen.push(...ids(page.orders));
      next = page.next;
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(done.length / BOARD_DONE_PAGE));
    expect(new Set(seen).size).toBe(seen.length);
    const order = await db.storeOrder.findMany({ where: { orderId: { in: done } }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], select: { orderId: true } });
    expect(seen).toEqual(order.map((o) => o.orderId));
    // Done with a day filter pages through that day's only.
    const tomorrowDone = await boardDoneFor(db, owner, { storeId: STORE.id, day: days[1], cursor: null });
    expect(tomorrowDone.orders.every((o) => o.deliveryDate === days[1])).toBe(true);
  });

  it("[W3] a customer's cancellation is announced with its time and reason, whatever the day filter; so is a failed attempt", async () => {
    const orderId = await storeOrder(STORE.id, "ACCEPTED", 1, 1, { deliveryDate: addDays(today, 2) });
    const cancelled = createEvent("OrderCancelled", orderId, { customerId: CUSTOMER.id, storeId: STORE.id, reason: "  The recipient is away  " }, { role: "CUSTOMER", id: CUSTOMER.id });
    await inTransaction(db, (tx) => cancelStoreOrderFor(tx, cancelled));
    const attempted = await storeOrder(STORE.id, "DECORATED", 1, 0, { pickedUpAt: ago(0.1), attemptedAt: ago(0.05) });
    await db.$executeRaw`UPDATE store_orders SET attempt_reason = 'NOBODY_HOME' WHERE order_id = ${attempted}::uuid`;
    await storeOrder(STORE.id, "CANCELLED", 2, 1); // cancelled before the board kept when (no cancelled_at): no banner

    const board = await boardFor(db, owner, undefined, { day: today });
    // Newest first: the cancellation (now) before the attempt (an hour ago).
    expect(board.alerts).toEqual([
      { orderId, storeId: STORE.id, kind: "CANCELLED", at: new Date(cancelled.occurredAt), reason: "The recipient is away" },
      { orderId: attempted, storeId: STORE.id, kind: "ATTEMPT_FAILED", at: expect.any(Date), reason: "NOBODY_HOME" },
    ]);
    expect(Math.abs(board.alerts[1]!.at.getTime() - ago(0.05).getTime())).toBeLessThan(60_000);
    // Another owner hears nothing of it.
    expect((await boardFor(db, { id: OTHER_STORE.ownerId, role: "OWNER" }, undefined)).alerts).toEqual([]);
  });

  it("[W3] filter values are checked by the shared schema before anything is read", async () => {
    const { boardQuerySchema } = await import("@bloom/domain");
    for (const bad of [{ day: "2026-02-30" }, { day: "tomorrow" }, { slot: "10-13" }, { storeId: "x" }, { cursor: { updatedAt: "yesterday", id: STORE.id } }]) {
      expect(boardQuerySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(boardQuerySchema.safeParse({ day: today, slot: "09-12", cursor: null }).success).toBe(true);
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
