// Money is exact under races and crashes (M1, M3, M4, M5), against the real processor process,
// PostgreSQL and Redis with the real worker. Crash tests of the web process (M2) are in
// apps/web/src/server/money-crash.int.test.ts.
import { actOnStoreOrder, cancelOrder, chargeKeyOf, placeOrder, reconcilePayments, stockAudit } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { quietLog, resetOrders, testContext } from "../../../../test/support/app";
import { CARDS, checkout, CUSTOMER, OWNER, PEONY, ROSES } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db, control: processor } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
type Worker = Awaited<ReturnType<typeof inProcessWorker>>;
let worker: Worker | null = null;

beforeEach(async () => {
  await resetOrders(db);
});
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(() => closeDbs());

const setStock = (bouquetId: string, stock: number) =>
  db.$executeRaw`UPDATE store_bouquets SET stock = ${stock}, stock_baseline = ${stock} WHERE id = ${bouquetId}::uuid`;

/** Every order's total equals what the processor captured for it; no capture lacks an order. */
async function ledgerMatches() {
  const [orders, payments, captured] = await Promise.all([
    db.order.findMany({ select: { id: true, totalWon: true, paymentId: true } }),
    db.payment.findMany({ select: { id: true, orderId: true, providerRef: true, amountWon: true } }),
    processor.charges({ status: "CAPTURED" }),
  ]);
  const byRef = new Map(captured.map((c) => [c.id, c]));
  const paymentOf = new Map(payments.map((p) => [p.orderId, p]));
  const mismatched = orders.filter((o) => {
    const p = paymentOf.get(o.id);
    const c = p && byRef.get(p.providerRef);
    return !c || c.amountWon !== o.totalWon;
  });
  const refs = new Set(payments.map((p) => p.providerRef));
  const orphans = captured.filter((c) => !refs.has(c.id));
  return { orders: orders.length, captured: captured.length, mismatched: mismatched.length, orphans: orphans.length };
}

describe("idempotency with a processor's semantics", () => {
  it("[M1] 100 rounds of one key with two different carts sent at once: every order's total is what was captured, every loser refused without a charge", async () => {
    await setStock(ROSES, 10_000);
    await setStock(PEONY, 10_000);
    const codes: Record<string, number> = {};
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, async () => {
          const key = globalThis.crypto.randomUUID();
          const one = checkout({ idempotencyKey: key, items: [{ bouquetId: ROSES, quantity: 1 }] });
          const four = checkout({ idempotencyKey: key, items: [{ bouquetId: PEONY, quantity: 4 }] });
          const results = await Promise.all([placeOrder(ctx, CUSTOMER.id, one), placeOrder(ctx, CUSTOMER.id, four)]);
          const won = results.filter((r) => r.ok);
          expect(won.length).toBeLessThanOrEqual(1);
          for (const r of results) if (!r.ok) codes[r.code] = (codes[r.code] ?? 0) + 1;
        }),
      );
    }
    const l = await ledgerMatches();
    expect(l).toMatchObject({ mismatched: 0, orphans: 0 });
    expect(l.orders).toBe(l.captured);
    expect(l.orders).toBeGreaterThanOrEqual(100 - (codes.PAYMENT_IN_PROGRESS ?? 0));
    // Losers: the other cart under a live key, or "in progress" while the first was charging.
    expect(Object.keys(codes).every((c) => c === "IDEMPOTENCY_KEY_REUSED" || c === "PAYMENT_IN_PROGRESS")).toBe(true);
    expect(await stockAudit(db)).toEqual([]);
  });

  it("[M1] the same key while its first request is still being charged answers PAYMENT_IN_PROGRESS with a retry-after; the retry gets the one order", async () => {
    await processor.configure({ latencyMs: "400" });
    const input = checkout();
    const first = placeOrder(ctx, CUSTOMER.id, input);
    await waitFor(() => db.paymentAttempt.count({ where: { idempotencyKey: input.idempotencyKey, status: "PENDING" } }), (n) => n === 1, { what: "first attempt pending" });
    const second = await placeOrder(ctx, CUSTOMER.id, input);
    expect(second).toMatchObject({ ok: false, code: "PAYMENT_IN_PROGRESS", retryAfterSec: 1 });
    const placed = await first;
    expect(placed.ok).toBe(true);
    const retry = await placeOrder(ctx, CUSTOMER.id, input);
    expect(retry).toMatchObject({ ok: true, replayed: true });
    expect(retry.ok && placed.ok && retry.order.id === placed.order.id).toBe(true);
    expect(await processor.charges({ status: "CAPTURED" })).toHaveLength(1);
  });

  it("[M1] a retry with the same key after a charge that failed (nothing charged) goes through", async () => {
    const key = globalThis.crypto.randomUUID();
    const failed = await placeOrder(ctx, CUSTOMER.id, checkout({ idempotencyKey: key, card: { number: CARDS.processingError, expiry: "12/30", cvc: "123" } }));
    expect(failed).toMatchObject({ ok: false, code: "PAYMENT_FAILED" });
    await processor.configure({ outageSeconds: 30 });
    expect(await placeOrder(ctx, CUSTOMER.id, checkout({ idempotencyKey: key }))).toMatchObject({ ok: false, code: "PAYMENT_FAILED" });
    await processor.configure({ outageSeconds: 0 });
    const retried = await placeOrder(ctx, CUSTOMER.id, checkout({ idempotencyKey: key }));
    expect(retried, retried.ok ? "" : retried.message).toMatchObject({ ok: true, replayed: false });
    expect(await ledgerMatches()).toMatchObject({ orders: 1, captured: 1, mismatched: 0, orphans: 0 });
    // Nothing was held back by the failed tries.
    expect(await stockAudit(db)).toEqual([]);
  });
});

describe("no charge without an order", () => {
  it("[M2] an attempt left PENDING with a capture (its web process died before the insert) is voided once by the reconciler, and its stock comes back", async () => {
    // What a web process leaves when it dies between the capture and the order insert.
    await setStock(ROSES, 5);
    const attemptId = globalThis.crypto.randomUUID();
    const orderId = globalThis.crypto.randomUUID();
    const key = globalThis.crypto.randomUUID();
    await db.paymentAttempt.create({
      data: { id: attemptId, customerId: CUSTOMER.id, idempotencyKey: key, fingerprint: "f", chargeKey: chargeKeyOf(attemptId), orderId, amountWon: 59000, status: "PENDING" },
    });
    await db.$queryRaw`SELECT store_reserve_stock(${orderId}::uuid, ${JSON.stringify([{ bouquet_id: ROSES, quantity: 2 }])}::jsonb)`;
    const charge = await ctx.payments.gateway.charge({ idempotencyKey: chargeKeyOf(attemptId), amountWon: 59000, card: { number: "4242424242424242", expiry: "12/30", cvc: "123" } });
    expect(charge.outcome).toBe("APPROVED");
    expect((await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).stock).toBe(3);

    // Within the grace period nothing happens: the web process may still be storing the order.
    expect(await reconcilePayments(db, ctx.payments.gateway, { graceMs: 60_000, log: quietLog })).toMatchObject({ voided: 0 });
    const runs = await Promise.all([1, 2, 3].map(() => reconcilePayments(db, ctx.payments.gateway, { graceMs: 0, log: quietLog })));
    expect(runs.reduce((n, r) => n + r.voided, 0)).toBe(1);
    expect((await processor.chargeByKey(chargeKeyOf(attemptId)))?.status).toBe("VOIDED");
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId } })).toMatchObject({ status: "VOIDED" });
    expect((await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).stock).toBe(5);
    expect(await stockAudit(db)).toEqual([]);
    // A same-key retry now goes through as a new attempt.
    expect((await placeOrder(ctx, CUSTOMER.id, checkout({ idempotencyKey: key }))).ok).toBe(true);
  });

  it("[M2] an order whose capture the processor does not have is flagged, once", async () => {
    const placed = await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(placed.ok).toBe(true);
    expect(await reconcilePayments(db, ctx.payments.gateway, { graceMs: 0, log: quietLog })).toMatchObject({ verified: 1, flagged: 0 });
    const second = await placeOrder(ctx, CUSTOMER.id, checkout());
    if (!second.ok) throw new Error(second.message);
    // The processor loses (or never had) the capture: here, its ledger is reset under us.
    await processor.reset();
    const r = await reconcilePayments(db, ctx.payments.gateway, { graceMs: 0, log: quietLog });
    expect(r).toMatchObject({ flagged: 1, verified: 0 });
    expect(await reconcilePayments(db, ctx.payments.gateway, { graceMs: 0, log: quietLog })).toMatchObject({ flagged: 0 });
    expect((await db.paymentAttempt.findFirstOrThrow({ where: { orderId: second.order.id } })).note).toMatch(/^MISSING_CAPTURE/);
  });
});

describe("one refund per order", () => {
  async function onBoard(n: number) {
    await setStock(ROSES, 1000);
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await placeOrder(ctx, CUSTOMER.id, checkout());
      if (!r.ok) throw new Error(r.message);
      ids.push(r.order.id);
    }
    await waitFor(() => db.storeOrder.count({ where: { orderId: { in: ids } } }), (c) => c === n, { what: "orders on the board" });
    return ids;
  }

  async function crossings(ids: string[]) {
    const outcomes = await Promise.all(
      ids.map(async (id) => {
        const [rej, can] = await Promise.all([
          actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS" }),
          cancelOrder(ctx, CUSTOMER.id, id, "changed my mind"),
        ]);
        return { rej, can };
      }),
    );
    for (const { rej, can } of outcomes) {
      // Exactly one of the two wins; the other says who did.
      expect([rej.ok, can.ok].filter(Boolean)).toHaveLength(1);
      if (rej.ok && !can.ok) expect(can.code).toBe("CANNOT_CANCEL");
      if (can.ok && !rej.ok) expect(rej.code).toBe("ORDER_CANCELLED");
    }
  }

  async function exactlyOneRefundEach(ids: string[]) {
    const payments = await waitFor(
      () => db.payment.findMany({ where: { orderId: { in: ids } } }),
      (ps) => ps.length === ids.length && ps.every((p) => p.status === "REFUNDED"),
      { what: "every payment refunded", timeoutMs: 30_000 },
    );
    for (const p of payments) expect(await processor.refunds(p.providerRef)).toHaveLength(1);
    const events = await db.outboxEvent.groupBy({ by: ["orderId"], where: { type: "PaymentRefunded", orderId: { in: ids } }, _count: true });
    expect(events).toHaveLength(ids.length);
    expect(events.every((e) => e._count === 1)).toBe(true);
    // One status on every screen: the order, the board, MyPage.
    await waitFor(
      async () => {
        const [orders, board, mypage] = await Promise.all([
          db.order.findMany({ where: { id: { in: ids } } }),
          db.storeOrder.findMany({ where: { orderId: { in: ids } } }),
          db.myPageOrder.findMany({ where: { orderId: { in: ids } } }),
        ]);
        return ids.filter((id) => {
          const o = orders.find((x) => x.id === id)!;
          const s = board.find((x) => x.orderId === id)!;
          const m = mypage.find((x) => x.orderId === id);
          return !(o.refunded && o.status === s.status && m?.orderStatus === o.status && m.paymentStatus === "REFUNDED");
        }).length;
      },
      (n) => n === 0,
      { what: "one consistent status per order", timeoutMs: 30_000 },
    );
    expect(await stockAudit(db)).toEqual([]);
  }

  it("[M3] 50 crossings of cancel × reject with the worker up: one processor refund and one PaymentRefunded per order", async () => {
    worker = await inProcessWorker(uniquePrefix("m3-up"));
    const ids = await onBoard(50);
    await crossings(ids);
    await exactlyOneRefundEach(ids);
  });

  it("[M3] 50 crossings of cancel × reject with the worker down, then up: the same", async () => {
    worker = await inProcessWorker(uniquePrefix("m3-down"));
    const ids = await onBoard(50);
    await worker.stop();
    worker = null;
    await crossings(ids);
    expect(await db.payment.count({ where: { orderId: { in: ids }, status: "APPROVED" } })).toBe(50);
    worker = await inProcessWorker(uniquePrefix("m3-down-up"));
    await exactlyOneRefundEach(ids);
  });

  it("[M4] a refund slower than any transaction (6 s at the processor) completes once, with nothing dead-lettered", async () => {
    worker = await inProcessWorker(uniquePrefix("m4-slow"));
    const [id] = await onBoard(1);
    await processor.configure({ refundLatencyMs: "6000" });
    expect((await actOnStoreOrder(ctx, owner, id!, { kind: "reject", reason: "OUT_OF_FLOWERS" })).ok).toBe(true);
    const p = await waitFor(() => db.payment.findUniqueOrThrow({ where: { orderId: id! } }), (x) => x.status === "REFUNDED", { what: "refunded", timeoutMs: 30_000 });
    expect(p.refundAttempts).toBe(1);
    expect(await processor.refunds(p.providerRef)).toHaveLength(1);
    expect(await worker.queues.refund.getFailedCount()).toBe(0);
  });

  it("[M4] a processor failing refunds for a while: every refund waits, retries with backoff and ends refunded once, nothing dead-lettered", async () => {
    worker = await inProcessWorker(uniquePrefix("m4-outage"));
    const ids = await onBoard(5);
    await processor.configure({ refundOutageSeconds: 8 });
    for (const id of ids) expect((await actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS" })).ok).toBe(true);
    await waitFor(() => db.payment.count({ where: { orderId: { in: ids }, refundAttempts: { gte: 2 } } }), (n) => n === 5, { what: "refunds retried", timeoutMs: 20_000 });
    expect(await db.payment.count({ where: { orderId: { in: ids }, status: "REFUND_PENDING" } })).toBe(5);
    await exactlyOneRefundEach(ids);
    expect(await worker.queues.refund.getFailedCount()).toBe(0);
  });
});

describe("stock reserved at placement", () => {
  it("[M5] 20 customers buy the last unit at once: exactly one order and one charge; the others hear sold out before any charge", async () => {
    await setStock(ROSES, 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder(ctx, globalThis.crypto.randomUUID(), checkout())),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "OUT_OF_STOCK")).toBe(true);
    expect(await processor.charges()).toHaveLength(1);
    expect((await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).stock).toBe(0);
    expect(await stockAudit(db)).toEqual([]);
  });

  it("[M5] after a mix of accepts, rejects and cancels (some racing), the stock audit finds no difference and nothing is negative", async () => {
    worker = await inProcessWorker(uniquePrefix("m5-mix"));
    await setStock(ROSES, 30);
    await setStock(PEONY, 30);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: i % 2 ? ROSES : PEONY, quantity: 1 + (i % 3) }] }));
      if (!r.ok) throw new Error(r.message);
      ids.push(r.order.id);
    }
    await waitFor(() => db.storeOrder.count({ where: { orderId: { in: ids } } }), (c) => c === ids.length, { what: "on the board" });
    await Promise.all(
      ids.map(async (id, i) => {
        if (i % 4 === 0) return actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS" });
        if (i % 4 === 1) return cancelOrder(ctx, CUSTOMER.id, id, null);
        await actOnStoreOrder(ctx, owner, id, { kind: "accept" });
        if (i % 4 === 2) return Promise.all([cancelOrder(ctx, CUSTOMER.id, id, null), actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" })]);
        return Promise.all([cancelOrder(ctx, CUSTOMER.id, id, null), actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS" })]);
      }),
    );
    await waitFor(
      () => db.storeOrder.count({ where: { orderId: { in: ids }, status: { in: ["NEW", "ACCEPTED"] } } }),
      (n) => n === 0,
      { what: "every store order settled" },
    );
    await waitFor(() => stockAudit(db), (rows) => rows.length === 0, { what: "a clean stock audit" });
    // What is gone from stock is exactly what live or arranged orders hold.
    const held = await db.stockReservation.aggregate({ where: { releasedAt: null }, _sum: { quantity: true } });
    const [r, p] = await Promise.all([ROSES, PEONY].map((id) => db.bouquet.findUniqueOrThrow({ where: { id } })));
    expect(60 - r!.stock - p!.stock).toBe(held._sum.quantity ?? 0);
    expect(r!.stock).toBeGreaterThanOrEqual(0);
    expect(p!.stock).toBeGreaterThanOrEqual(0);
  });
});
