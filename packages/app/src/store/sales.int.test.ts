// W7: the owner's sales figures. Orders are placed, rejected, cancelled and refunded through the
// real use cases and the worker, then dated across Korean days (placement time moved back, the one
// thing no use case can do); every figure is checked against figures computed here, in the test,
// from the raw rows (not the read model's SQL), and against what the test knows it did.
import { actOnStoreOrder, cancelOrder, placeOrder, salesCsvFilename, salesDaysCsv, salesFor, salesOrdersCsv, salesOrdersFor, type SalesReport } from "@bloom/app";
import { closeDbs, DEMO_STORES } from "@bloom/db";
import { addDays, cancelReasonKey, todayInSeoul } from "@bloom/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, OWNER2, PEONY, ROSES, STORE } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db } = testContext();
afterAll(() => closeDbs());

const owner = { id: OWNER.id, role: "OWNER" };
const today = todayInSeoul();
/** The UTC instant of a Korean wall-clock time `days` before today. */
const seoul = (daysAgo: number, hhmm: string) => new Date(`${addDays(today, -daysAgo)}T${hhmm}:00+09:00`);

type Plan = { items: { bouquetId: string; quantity: number }[]; slot: "09-12" | "12-15" | "15-18" | "18-21"; at: Date; fate?: "reject-flowers" | "reject-other" | { cancel: string | null } };
const PLANS: Plan[] = [
  { items: [{ bouquetId: ROSES, quantity: 1 }], slot: "09-12", at: seoul(0, "10:00") },
  { items: [{ bouquetId: ROSES, quantity: 2 }], slot: "12-15", at: seoul(0, "00:00") }, // today's first instant
  { items: [{ bouquetId: PEONY, quantity: 1 }], slot: "12-15", at: seoul(1, "23:59") }, // yesterday's last minute (14:59 UTC)
  { items: [{ bouquetId: PEONY, quantity: 1 }, { bouquetId: ROSES, quantity: 1 }], slot: "15-18", at: seoul(1, "08:30") }, // the day before in UTC
  { items: [{ bouquetId: ROSES, quantity: 1 }], slot: "18-21", at: seoul(5, "13:00") },
  { items: [{ bouquetId: PEONY, quantity: 2 }], slot: "18-21", at: seoul(29, "09:00") }, // first day of the default period
  { items: [{ bouquetId: ROSES, quantity: 1 }], slot: "12-15", at: seoul(30, "23:00") }, // one day too old
  { items: [{ bouquetId: ROSES, quantity: 1 }], slot: "09-12", at: seoul(2, "11:00"), fate: "reject-flowers" },
  { items: [{ bouquetId: PEONY, quantity: 1 }], slot: "15-18", at: seoul(2, "12:00"), fate: "reject-other" },
  { items: [{ bouquetId: ROSES, quantity: 1 }], slot: "12-15", at: seoul(3, "10:00"), fate: { cancel: "Changed my mind" } },
  { items: [{ bouquetId: ROSES, quantity: 1 }], slot: "12-15", at: seoul(3, "11:00"), fate: { cancel: "  changed   MY mind " } },
  { items: [{ bouquetId: PEONY, quantity: 1 }], slot: "09-12", at: seoul(4, "15:00"), fate: { cancel: 'Wrong "address", sorry\nwill reorder' } },
  { items: [{ bouquetId: ROSES, quantity: 1 }], slot: "18-21", at: seoul(4, "16:00"), fate: { cancel: null } },
];

/** Figures computed in the test from the raw rows: Seoul day by +9 h, earned by status and payment. */
async function expected(from: string, to: string, storeId = STORE.id) {
  const orders = await db.order.findMany({ where: { storeId }, include: { lines: true } });
  const payments = new Map((await db.payment.findMany()).map((p) => [p.orderId, p]));
  const events = await db.outboxEvent.findMany({ where: { type: "StoreOrderRejected" } });
  const rejectCode = new Map(events.map((e) => [e.orderId, (e.payload as { payload: { reason: string } }).payload.reason]));
  const inPeriod = orders
    .map((o) => ({ ...o, day: new Date(o.createdAt.getTime() + 9 * 3_600_000).toISOString().slice(0, 10), pay: payments.get(o.id) }))
    .filter((o) => o.day >= from && o.day <= to);
  const earnedOf = (o: (typeof inPeriod)[number]) => !["REJECTED", "CANCELLED"].includes(o.status) && o.pay?.status === "APPROVED";
  const days = new Map<string, { orders: number; revenueWon: number; deliveryFeeWon: number; refunds: number; refundedWon: number }>();
  const slots = new Map<string, number>();
  const items = new Map<string, { units: number; revenueWon: number }>();
  const rejects = new Map<string, number>();
  const cancels = new Map<string, number>();
  for (const o of inPeriod) {
    const d = days.get(o.day) ?? { orders: 0, revenueWon: 0, deliveryFeeWon: 0, refunds: 0, refundedWon: 0 };
    if (earnedOf(o)) {
      d.orders += 1;
      d.revenueWon += o.totalWon;
      d.deliveryFeeWon += o.deliveryFeeWon;
      slots.set(o.timeSlot, (slots.get(o.timeSlot) ?? 0) + 1);
      for (const l of o.lines) {
        const i = items.get(l.bouquetId) ?? { units: 0, revenueWon: 0 };
        i.units += l.quantity;
        i.revenueWon += l.quantity * l.unitPriceWon;
        items.set(l.bouquetId, i);
      }
    } else {
      d.refunds += 1;
      d.refundedWon += o.pay?.amountWon ?? o.totalWon;
    }
    days.set(o.day, d);
    if (o.status === "REJECTED") rejects.set(rejectCode.get(o.id)!, (rejects.get(rejectCode.get(o.id)!) ?? 0) + 1);
    if (o.status === "CANCELLED") cancels.set(String(cancelReasonKey(o.statusReason)), (cancels.get(String(cancelReasonKey(o.statusReason))) ?? 0) + 1);
  }
  return { placed: inPeriod.length, days, slots, items, rejects, cancels };
}

function compare(report: SalesReport, exp: Awaited<ReturnType<typeof expected>>) {
  const zero = { orders: 0, revenueWon: 0, deliveryFeeWon: 0, refunds: 0, refundedWon: 0 };
  for (const d of report.days) expect({ ...d }, d.day).toEqual({ day: d.day, ...(exp.days.get(d.day) ?? zero) });
  expect([...exp.days.keys()].every((k) => report.days.some((d) => d.day === k))).toBe(true);
  expect(report.totals.placed).toBe(exp.placed);
  expect(Object.fromEntries(report.slots.filter((s) => s.orders > 0).map((s) => [s.slot, s.orders]))).toEqual(Object.fromEntries(exp.slots));
  expect(Object.fromEntries(report.topItems.map((i) => [i.itemId, { units: i.units, revenueWon: i.revenueWon }]))).toEqual(Object.fromEntries(exp.items));
  expect(Object.fromEntries(report.rejects.filter((r) => r.orders > 0).map((r) => [r.reason, r.orders]))).toEqual(Object.fromEntries(exp.rejects));
  expect(Object.fromEntries(report.cancels.map((c) => [String(cancelReasonKey(c.reason)), c.orders]))).toEqual(Object.fromEntries(exp.cancels));
}

/** RFC 4180, written here on purpose (not the module under test's inverse). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

const DAY_HEADERS = { day: "day", orders: "orders", revenueWon: "revenue", deliveryFeeWon: "fees", refunds: "refunds", refundedWon: "refunded" };
const ORDER_HEADERS = {
  orderId: "id", placedAt: "placed", orderDay: "day", deliveryDate: "delivery", timeSlot: "slot", status: "status", items: "items", totalWon: "total",
  deliveryFeeWon: "fee", earned: "earned", refundedWon: "refunded", rejectReason: "reject", cancelReason: "cancel",
};

describe("sales at a glance", () => {
  const ids: string[] = [];
  beforeAll(async () => {
    await resetOrders(db);
    const worker = await inProcessWorker(uniquePrefix("sales"));
    try {
      for (const p of PLANS) {
        const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: p.items, delivery: { ...checkout().delivery, timeSlot: p.slot } }));
        if (!r.ok) throw new Error(`order refused: ${r.code} ${r.message}`);
        ids.push(r.order.id);
      }
      await waitFor(() => db.storeOrder.count({ where: { recipientName: { not: "" } } }), (n) => n === PLANS.length, { what: "store orders" });
      for (const [i, p] of PLANS.entries()) {
        if (p.fate === "reject-flowers") await actOnStoreOrder(ctx, owner, ids[i]!, { kind: "reject", reason: "OUT_OF_FLOWERS", detail: null });
        else if (p.fate === "reject-other") await actOnStoreOrder(ctx, owner, ids[i]!, { kind: "reject", reason: "OTHER", detail: "Van broke down" });
        else if (p.fate) {
          const r = await cancelOrder(ctx, CUSTOMER.id, ids[i]!, p.fate.cancel);
          if (!r.ok) throw new Error(r.message);
        }
      }
      const ended = PLANS.filter((p) => p.fate).length;
      await waitFor(() => db.order.count({ where: { refunded: true } }), (n) => n === ended, { what: "refunds carried out", timeoutMs: 30_000 });
    } finally {
      await worker.stop();
    }
    for (const [i, p] of PLANS.entries()) await db.$executeRaw`UPDATE ordering_orders SET created_at = ${p.at} WHERE id = ${ids[i]}::uuid`;
  }, 90_000);

  it("[W7] every figure of the default 30 days equals the raw orders' (earned by order day, refunds apart, slots, top bouquets, reasons)", async () => {
    const r = await salesFor(db, owner, { storeId: STORE.id });
    if (!r.ok) throw new Error(r.message);
    const { report } = r;
    expect(report.period.from).toBe(addDays(today, -29));
    expect(report.period.to).toBe(today);
    expect(report.days).toHaveLength(30);
    compare(report, await expected(report.period.from, report.period.to));

    // And what the test knows it did: 6 earned in the period (the 30-day-old one is out), 6 refunds.
    const price = { [ROSES]: 59000, [PEONY]: 72000 };
    const fee = (await db.order.findFirstOrThrow({ where: { id: ids[0] } })).deliveryFeeWon;
    const totalOf = (p: Plan) => p.items.reduce((a, i) => a + price[i.bouquetId]! * i.quantity, 0) + fee;
    const earned = PLANS.slice(0, 6);
    expect(report.totals).toMatchObject({ placed: 12, orders: 6, refunds: 6, revenueWon: earned.reduce((a, p) => a + totalOf(p), 0) });
    expect(report.totals.refundedWon).toBe(PLANS.slice(7).reduce((a, p) => a + totalOf(p), 0));
    // The Seoul-midnight edges: 00:00 today counts today, 23:59 yesterday counts yesterday.
    expect(report.days.find((d) => d.day === today)!.orders).toBe(2);
    expect(report.days.find((d) => d.day === addDays(today, -1))!.orders).toBe(2);
    expect(report.slots).toEqual([
      { slot: "09-12", orders: 1 }, { slot: "12-15", orders: 2 }, { slot: "15-18", orders: 1 }, { slot: "18-21", orders: 2 },
    ]);
    expect(report.topItems.map((i) => [i.name, i.units])).toEqual([["Red Rose Classic", 5], [expect.any(String), 4]]);
    expect(report.rejects).toEqual([{ reason: "OUT_OF_FLOWERS", orders: 1 }, { reason: "OUT_OF_MATERIALS", orders: 0 }, { reason: "OTHER", orders: 1 }]);
    expect(report.cancels).toEqual([
      { kind: "CUSTOMER", reason: expect.stringMatching(/^changed/i), orders: 2 },
      { kind: "CUSTOMER", reason: 'Wrong "address", sorry\nwill reorder', orders: 1 },
      { kind: "CUSTOMER", reason: null, orders: 1 },
    ]);
  });

  it("[W7] a chosen period: the old order counts, today's do not", async () => {
    const from = addDays(today, -31);
    const to = addDays(today, -2);
    const r = await salesFor(db, owner, { storeId: STORE.id, from, to });
    if (!r.ok) throw new Error(r.message);
    expect(r.report.days).toHaveLength(30);
    compare(r.report, await expected(from, to));
    expect(r.report.totals.orders).toBe(3);
  });

  it("[W7] the CSVs parse back to the same figures: BOM, quoting, one row a day, one row an order", async () => {
    const r = await salesFor(db, owner, { storeId: STORE.id });
    const o = await salesOrdersFor(db, owner, { storeId: STORE.id });
    if (!r.ok || !o.ok) throw new Error("refused");
    const days = salesDaysCsv(r.report, DAY_HEADERS);
    expect(days.startsWith("\uFEFF")).toBe(true);
    const dayRows = parseCsv(days.slice(1));
    expect(dayRows[0]).toEqual(Object.values(DAY_HEADERS));
    expect(dayRows.slice(1).map((c) => ({ day: c[0], orders: +c[1]!, revenueWon: +c[2]!, deliveryFeeWon: +c[3]!, refunds: +c[4]!, refundedWon: +c[5]! }))).toEqual(r.report.days);

    const orders = salesOrdersCsv(o.orders, ORDER_HEADERS);
    const rows = parseCsv(orders.slice(1)).slice(1);
    expect(rows).toHaveLength(r.report.totals.placed);
    const col = (name: keyof typeof ORDER_HEADERS) => Object.keys(ORDER_HEADERS).indexOf(name);
    const earned = rows.filter((c) => c[col("earned")] === "1");
    expect(earned.reduce((a, c) => a + Number(c[col("totalWon")]), 0)).toBe(r.report.totals.revenueWon);
    expect(rows.reduce((a, c) => a + Number(c[col("refundedWon")]), 0)).toBe(r.report.totals.refundedWon);
    for (const d of r.report.days) expect(earned.filter((c) => c[col("orderDay")] === d.day).length, d.day).toBe(d.orders);
    // The reason with a quote, a comma and a line break survives the round trip.
    expect(rows.map((c) => c[col("cancelReason")])).toContain('Wrong "address", sorry\nwill reorder');
    expect(rows.filter((c) => c[col("rejectReason")]).map((c) => c[col("rejectReason")]).sort()).toEqual(["OTHER", "OUT_OF_FLOWERS"]);
    // Placed at: Korean wall-clock time.
    expect(rows.map((c) => c[col("placedAt")])).toContain(`${today} 00:00`);
    expect(salesCsvFilename({ name: "Seoul Forest Florist", nameKo: "서울숲 꽃집" }, "2026-11-02", "2026-12-01", "days")).toEqual({
      ascii: "bloom-sales-seoul-forest-florist-2026-11-02_2026-12-01-days.csv",
      utf8: "bloom-sales-Seoul-Forest-Florist-2026-11-02_2026-12-01-days.csv",
    });
    expect(salesCsvFilename({ name: "Seoul Forest Florist", nameKo: "서울숲 꽃집" }, "2026-11-02", "2026-12-01", "orders", "ko").utf8).toBe("bloom-sales-서울숲-꽃집-2026-11-02_2026-12-01-orders.csv");
  });

  it("[W7] another owner reads neither this shop's figures nor its orders; an admin may", async () => {
    const other = { id: OWNER2.id, role: "OWNER" };
    expect(await salesFor(db, other, { storeId: STORE.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await salesOrdersFor(db, other, { storeId: STORE.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await salesFor(db, owner, { storeId: DEMO_STORES[3]!.id })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const admin = await salesFor(db, { id: "00000000-0000-4000-8000-000000000007", role: "ADMIN" }, { storeId: STORE.id });
    expect(admin.ok && admin.report.totals.placed).toBe(12);
  });

  it("[W7] a bad period is refused with a clear error, before anything is read", async () => {
    const refused = async (input: object) => {
      const r = await salesFor(db, owner, { storeId: STORE.id, ...input });
      if (r.ok) throw new Error(`accepted ${JSON.stringify(input)}`);
      return `${r.code} ${r.message}`;
    };
    expect(await refused({ from: "2026-02-30" })).toBe("VALIDATION from: This date does not exist");
    expect(await refused({ to: "12/01/2026" })).toBe("VALIDATION to: Use a date like 2026-12-01");
    expect(await refused({ from: addDays(today, -3), to: addDays(today, -4) })).toBe("VALIDATION from: The start must be on or before the end");
    expect(await refused({ from: addDays(today, -92), to: today })).toBe("VALIDATION to: A period covers at most 92 days");
    expect(await refused({ from: addDays(today, 1) })).toBe("VALIDATION from: The period must start today or earlier");
    expect(await salesFor(db, owner, { storeId: "not-a-shop" })).toMatchObject({ ok: false, code: "VALIDATION", message: "storeId: Unknown store" });
    // 92 days exactly is fine.
    expect((await salesFor(db, owner, { storeId: STORE.id, from: addDays(today, -91), to: today })).ok).toBe(true);
  });
});
