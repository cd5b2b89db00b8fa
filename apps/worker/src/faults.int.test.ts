// Fault isolation (N2, C3, C4) with real servers: the worker stopped, Redis stopped (our own
// instance on a spare port), several worker processes with one killed by SIGKILL.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { actOnStoreOrder, placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../test/support/app";
import { checkout, CUSTOMER, OWNER } from "../../../test/support/fixtures";
import { waitFor } from "../../../test/support/wait";
import { inProcessWorker, uniquePrefix, waitReady, workerProcess } from "../../../test/support/worker";

const { ctx, db, control } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

async function placeMany(n: number, parallel = 10): Promise<string[]> {
  const ids: string[] = [];
  const errors: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        next++;
        const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: checkout().items[0]!.bouquetId, quantity: 1 }] }));
        if (r.ok) ids.push(r.order.id);
        else errors.push(r.message);
      }
    }),
  );
  expect(errors).toEqual([]);
  return ids;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function startRedis(port: number): ChildProcess {
  return spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
}

async function stopProcess(p: ChildProcess) {
  if (p.exitCode !== null) return;
  const exited = new Promise((r) => p.on("exit", r));
  p.kill("SIGTERM");
  await exited;
}

describe("fault isolation", () => {
  it("[N2][C3] with the worker stopped, 200 orders are taken; when it starts, every one reaches its board, once", async () => {
    // Raise stock so 200 single-rose orders fit.
    await db.bouquet.update({ where: { id: checkout().items[0]!.bouquetId }, data: { stock: 1000, stockBaseline: 1000 } });
    const ids = await placeMany(200);
    expect(ids).toHaveLength(200);
    expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(200);
    expect(await db.storeOrder.count()).toBe(0);

    const worker = await inProcessWorker(uniquePrefix("catchup"));
    try {
      await waitFor(() => db.storeOrder.count(), (n) => n === 200, { timeoutMs: 60_000, what: "200 store orders" });
      await waitFor(() => db.outboxEvent.count({ where: { publishedAt: null } }), (n) => n === 0, { what: "outbox drained" });
      await waitFor(() => db.myPageOrder.count(), (n) => n === 200, { what: "200 MyPage rows" });
      expect(await db.storeNotification.count()).toBe(200);
    } finally {
      await worker.stop();
    }
  });

  it("[N2] Redis stopped while orders are placed: orders succeed; after Redis returns every event is delivered", async () => {
    await db.bouquet.update({ where: { id: checkout().items[0]!.bouquetId }, data: { stock: 1000, stockBaseline: 1000 } });
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    let redis = startRedis(port);
    await new Promise((r) => setTimeout(r, 300));
    const worker = await inProcessWorker(uniquePrefix("redis"), url);
    try {
      const first = await placeMany(5, 5);
      await waitFor(() => db.storeOrder.count(), (n) => n === 5, { what: "first 5 delivered" });

      await stopProcess(redis);
      const during = await placeMany(30, 5);
      expect(during).toHaveLength(30);
      await new Promise((r) => setTimeout(r, 500));
      expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(30);

      redis = startRedis(port);
      await waitFor(() => db.storeOrder.count(), (n) => n === 35, { timeoutMs: 60_000, what: "all 35 on the board" });
      expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
      expect(first).toHaveLength(5);
    } finally {
      await worker.stop();
      await stopProcess(redis);
    }
  });

  it("[C4] three worker processes, 500 orders, one SIGKILLed mid-run: one store order and at most one refund each, nothing lost", async () => {
    await db.bouquet.update({ where: { id: checkout().items[0]!.bouquetId }, data: { stock: 10_000, stockBaseline: 10_000 } });
    const prefix = uniquePrefix("c4");
    const env = { WORKER_LOCK_MS: "3000", WORKER_CONCURRENCY: "8" };
    const workers = await Promise.all([workerProcess(prefix, env), workerProcess(prefix, env), workerProcess(prefix, env)]);
    try {
      await Promise.all(workers.map((w) => waitReady(w)));
      const placing = placeMany(500, 20);
      await waitFor(() => db.storeOrder.count(), (n) => n >= 100, { timeoutMs: 60_000, what: "100 store orders" });
      workers[0]!.child.kill("SIGKILL");
      const ids = await placing;
      await waitFor(() => db.storeOrder.count(), (n) => n === 500, { timeoutMs: 90_000, what: "500 store orders" });

      // Reject 50 of them: each is refunded at most (here: exactly) once.
      const owner = { id: OWNER.id, role: "OWNER" };
      for (const id of ids.slice(0, 50)) expect((await actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS", detail: null })).ok).toBe(true);
      await waitFor(() => db.payment.count({ where: { status: "REFUNDED" } }), (n) => n === 50, { timeoutMs: 60_000, what: "50 refunds" });

      expect(await db.storeNotification.count()).toBe(500);
      const perOrder = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM outbox_events WHERE type = 'PaymentRefunded' GROUP BY order_id HAVING count(*) > 1`;
      expect(perOrder).toEqual([]);
      expect(await control.charges({ status: "REFUNDED" })).toHaveLength(50);
      await waitFor(() => db.myPageOrder.count({ where: { paymentStatus: "REFUNDED" } }), (n) => n === 50, { timeoutMs: 30_000, what: "MyPage shows refunds" });
      expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGTERM");
      await Promise.all(workers.map((w) => w.exited));
    }
  });
});
