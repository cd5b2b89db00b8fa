// Graceful shutdown of the worker (C6), with real processes: SIGTERM while a job runs lets it finish
// before the process exits; a job longer than SHUTDOWN_GRACE_MS is cut off at the grace period and
// handed back, so another worker finishes it (exactly once in effect). The slow job is a refund
// through the sandbox processor with latency.
import { actOnStoreOrder, placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../test/support/app";
import { TEST_REDIS_URL } from "../../../test/support/env";
import { checkout, CUSTOMER, OWNER } from "../../../test/support/fixtures";
import { waitFor } from "../../../test/support/wait";
import { uniquePrefix, waitReady, workerProcess, type WorkerProcess } from "../../../test/support/worker";

const { ctx, db } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const connection = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
beforeEach(() => resetOrders(db));
afterAll(async () => {
  await connection.quit();
  await closeDbs();
});

/** A placed order on the board, then rejected: its refund job is what the worker will be running. */
async function rejectedOrder(): Promise<string> {
  const r = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!r.ok) throw new Error(r.message);
  const id = r.order.id;
  await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s !== null, { what: "store order" });
  const rejected = await actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS", detail: null });
  expect(rejected.ok).toBe(true);
  return id;
}

const paymentStatus = async (orderId: string) => (await db.payment.findUnique({ where: { orderId } }))?.status;

async function whenRefundRuns(prefix: string) {
  const refunds = new Queue("refund", { connection, prefix });
  await waitFor(() => refunds.getJobCounts("active"), (c) => (c.active ?? 0) > 0, { what: "refund job running", timeoutMs: 30_000, everyMs: 20 });
  return refunds;
}

function stop(w: WorkerProcess) {
  if (w.child.exitCode === null) w.child.kill("SIGTERM");
  return w.exited;
}

describe("worker graceful shutdown", () => {
  it("[C6] SIGTERM while a job runs: the job finishes, then the worker exits 0", async () => {
    const prefix = uniquePrefix("shutdown");
    const w = workerProcess(prefix, { PAYMENT_SANDBOX_LATENCY_MS: "1500", SHUTDOWN_GRACE_MS: "15000" });
    try {
      await waitReady(w);
      const id = await rejectedOrder();
      const refunds = await whenRefundRuns(prefix);
      const t0 = Date.now();
      w.child.kill("SIGTERM");
      expect(await w.exited).toBe(0);
      // It waited for the job (the processor takes 1.5 s), and the job's effect is committed.
      expect(Date.now() - t0).toBeGreaterThan(300);
      expect(await paymentStatus(id)).toBe("REFUNDED");
      expect(await refunds.getJobCounts("completed", "active", "failed")).toMatchObject({ completed: 1, active: 0, failed: 0 });
      expect(w.output()).toContain("worker stopped");
      await refunds.close();
    } finally {
      await stop(w);
    }
  });

  it("[C6] a job longer than SHUTDOWN_GRACE_MS: the worker exits at the grace period and another worker finishes the job", async () => {
    const prefix = uniquePrefix("grace");
    // Short job locks so the handed-back job is picked up again within seconds.
    const slow = workerProcess(prefix, { PAYMENT_SANDBOX_LATENCY_MS: "20000", SHUTDOWN_GRACE_MS: "1000", WORKER_LOCK_MS: "2000" });
    let other: WorkerProcess | undefined;
    try {
      await waitReady(slow);
      const id = await rejectedOrder();
      const refunds = await whenRefundRuns(prefix);
      const t0 = Date.now();
      slow.child.kill("SIGTERM");
      expect(await slow.exited).toBe(1);
      const took = Date.now() - t0;
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(5000);
      expect(slow.output()).toContain("grace period over");
      // Nothing was committed by the cut-off job; the next worker takes it over.
      expect(await paymentStatus(id)).toBe("APPROVED");
      other = workerProcess(prefix, { WORKER_LOCK_MS: "2000" });
      await waitReady(other);
      await waitFor(() => paymentStatus(id), (s) => s === "REFUNDED", { what: "refund by the second worker", timeoutMs: 30_000 });
      expect(await db.outboxEvent.count({ where: { orderId: id, type: "PaymentRefunded" } })).toBe(1);
      await refunds.close();
    } finally {
      await stop(slow);
      if (other) await stop(other);
    }
  });
});
