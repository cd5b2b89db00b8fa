// Graceful shutdown of the worker (C6), with real processes: SIGTERM while a job runs lets it finish
// before the process exits; a job longer than SHUTDOWN_GRACE_MS is cut off at the grace period and
// handed back, so another worker finishes it (exactly once in effect). A refund in flight at the
// processor (its own process, with a refund latency) is awaited too.
import { actOnStoreOrder, placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../test/support/app";
import { TEST_DATABASE_URL, TEST_REDIS_URL } from "../../../test/support/env";
import { checkout, CUSTOMER, OWNER } from "../../../test/support/fixtures";
import { waitFor } from "../../../test/support/wait";
import { uniquePrefix, waitReady, workerProcess, type WorkerProcess } from "../../../test/support/worker";

const { ctx, db, control } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
beforeEach(() => resetOrders(db));
afterAll(async () => {
  await connection.quit();
  await closeDbs();
});

/** A placed order on its board. */
async function onBoard(): Promise<string> {
  const r = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!r.ok) throw new Error(r.message);
  const id = r.order.id;
  await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s !== null, { what: "store order" });
  return id;
}

const payment = (orderId: string) => db.payment.findUniqueOrThrow({ where: { orderId } });

function stop(w: WorkerProcess) {
  if (w.child.exitCode === null) w.child.kill("SIGTERM");
  return w.exited;
}

describe("worker graceful shutdown", () => {
  it("[C6][M4] SIGTERM while a refund is at the processor: the refund finishes and is recorded, then the worker exits 0", async () => {
    const prefix = uniquePrefix("shutdown");
    const w = await workerProcess(prefix, { SHUTDOWN_GRACE_MS: "15000" });
    try {
      await waitReady(w);
      await control.configure({ refundLatencyMs: "1500" });
      const id = await onBoard();
      expect((await actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS", detail: null })).ok).toBe(true);
      // The refund executor has claimed it: the processor call is in flight.
      await waitFor(() => payment(id), (p) => p.refundAttempts === 1, { what: "refund at the processor", timeoutMs: 30_000, everyMs: 20 });
      const t0 = Date.now();
      w.child.kill("SIGTERM");
      expect(await w.exited).toBe(0);
      expect(Date.now() - t0).toBeGreaterThan(300); // it waited for the processor
      expect(await payment(id)).toMatchObject({ status: "REFUNDED", refundAttempts: 1 });
      expect(await db.outboxEvent.count({ where: { orderId: id, type: "PaymentRefunded" } })).toBe(1);
      expect(w.output()).toContain("worker stopped");
    } finally {
      await stop(w);
    }
  });

  it("[C6] a job longer than SHUTDOWN_GRACE_MS: the worker exits at the grace period and another worker finishes the job, once", async () => {
    const prefix = uniquePrefix("grace");
    // Short job locks so the handed-back job is picked up again within seconds.
    const slow = await workerProcess(prefix, { SHUTDOWN_GRACE_MS: "1000", WORKER_LOCK_MS: "2000" });
    let other: WorkerProcess | undefined;
    const holder = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await holder.connect();
    try {
      await waitReady(slow);
      const id = await onBoard();
      // The order-status job for the acceptance will wait on this row lock: a job that outlasts the grace period.
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM ordering_orders WHERE id = $1 FOR UPDATE", [id]);
      expect((await actOnStoreOrder(ctx, owner, id, { kind: "accept" })).ok).toBe(true);
      const statuses = new Queue("order-status", { connection, prefix });
      await waitFor(() => statuses.getJobCounts("active"), (c) => (c.active ?? 0) > 0, { what: "order-status job running", timeoutMs: 30_000, everyMs: 20 });
      const t0 = Date.now();
      slow.child.kill("SIGTERM");
      expect(await slow.exited).toBe(1);
      const took = Date.now() - t0;
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(5000);
      expect(slow.output()).toContain("grace period over");
      await holder.query("ROLLBACK");
      // Nothing was committed by the cut-off job; the next worker takes it over.
      expect((await db.order.findUniqueOrThrow({ where: { id } })).status).toBe("PLACED");
      other = await workerProcess(prefix, { WORKER_LOCK_MS: "2000" });
      await waitReady(other);
      await waitFor(() => db.order.findUniqueOrThrow({ where: { id } }), (o) => o.status === "ACCEPTED", { what: "accepted by the second worker", timeoutMs: 30_000 });
      expect(await db.orderHistory.count({ where: { orderId: id, status: "ACCEPTED" } })).toBe(1);
      await statuses.close();
    } finally {
      await holder.end().catch(() => {});
      await stop(slow);
      if (other) await stop(other);
    }
  });
});
