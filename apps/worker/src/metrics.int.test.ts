// Observability of the worker (C9): /metrics on the health port exposes queue depth per queue,
// job latency and failures per queue, and the outbox backlog with its oldest row's age.
import { actOnStoreOrder, placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../test/support/app";
import { checkout, CUSTOMER, OWNER } from "../../../test/support/fixtures";
import { sample } from "../../../test/support/prometheus";
import { waitFor } from "../../../test/support/wait";
import { freePort } from "../../../test/support/web";
import { uniquePrefix, waitReady, workerProcess } from "../../../test/support/worker";

const { ctx, db, control } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

/** A worker process with its metrics port, and one order it has put on the board. */
async function workerWithOrder(name: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const w = await workerProcess(uniquePrefix(name), { WORKER_HEALTH_PORT: String(port), WORKER_HEALTH_HOST: "127.0.0.1", ...env });
  try {
    await waitReady(w);
    const r = await placeOrder(ctx, CUSTOMER.id, checkout());
    if (!r.ok) throw new Error(r.message);
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId: r.order.id } }), (s) => s !== null, { what: "store order" });
    const scrape = () => fetch(`http://127.0.0.1:${port}/metrics`).then((res) => res.text());
    return { w, scrape, orderId: r.order.id };
  } catch (e) {
    w.child.kill("SIGTERM");
    await w.exited;
    throw e;
  }
}

describe("worker metrics", () => {
  it("[C9] /metrics exposes queue depth, job latency and failures per queue, outbox backlog and its oldest age", async () => {
    const { w, scrape } = await workerWithOrder("metrics");
    try {
      const q = { queue: "store-notification" };
      const text = await waitFor(scrape, (t) => sample(t, "bloom_job_duration_seconds_count", q) === 1, { what: "job metrics" });
      for (const state of ["waiting", "active", "delayed", "failed"]) expect(sample(text, "bloom_queue_jobs", { ...q, state })).toBeGreaterThanOrEqual(0);
      expect(sample(text, "bloom_queue_jobs", { queue: "refund", state: "waiting" })).toBe(0);
      expect(sample(text, "bloom_job_wait_seconds_count", q)).toBe(1);
      expect(sample(text, "bloom_event_lag_seconds_count", q)).toBe(1);
      expect(sample(text, "bloom_jobs_completed_total", { ...q, outcome: "done" })).toBe(1);
      expect(sample(text, "bloom_jobs_failed_total", { queue: "refund" })).toBe(0);
      expect(sample(text, "bloom_outbox_backlog")).toBe(0);
      expect(sample(text, "bloom_outbox_oldest_age_seconds")).toBe(0);
      expect(sample(text, "bloom_outbox_published_total")).toBeGreaterThan(0);
    } finally {
      if (w.child.exitCode === null) w.child.kill("SIGTERM");
      await w.exited;
    }
  });

  it("[C9][M2][M4] /metrics shows the payment loops: refunds made, retried and pending, and what the reconciler settled", async () => {
    const { w, scrape, orderId } = await workerWithOrder("metrics-pay", {
      PAYMENT_RECONCILE_GRACE_MS: "200",
      PAYMENT_RECONCILE_INTERVAL_MS: "200",
      REFUND_MAX_BACKOFF_MS: "500",
      REFUND_ALERT_AFTER: "2",
    });
    try {
      await waitFor(scrape, (t) => sample(t, "bloom_payment_reconciled_total", { action: "verified" }) === 1, { what: "the order verified against the processor" });
      // Refunds failing at the processor: pending, retried, past the alert threshold.
      await control.configure({ refundOutageSeconds: 30 });
      expect((await actOnStoreOrder(ctx, { id: OWNER.id, role: "OWNER" }, orderId, { kind: "reject", reason: "OUT_OF_FLOWERS" })).ok).toBe(true);
      // The failing gauge is read from the database and the retry counter moves after the attempt
      // is written back, so one scrape can fall between the two: wait for both.
      let text = await waitFor(
        scrape,
        (t) => sample(t, "bloom_refunds_failing") === 1 && (sample(t, "bloom_refunds_total", { outcome: "retry" }) ?? 0) >= 2,
        { what: "a failing refund, retried at least twice", timeoutMs: 20_000 },
      );
      expect(sample(text, "bloom_refunds_pending")).toBe(1);
      expect(sample(text, "bloom_refunds_oldest_pending_seconds")).toBeGreaterThan(0);
      expect(w.output()).toContain("refund still failing at the processor");
      await control.configure({ refundOutageSeconds: 0 });
      text = await waitFor(scrape, (t) => sample(t, "bloom_refunds_total", { outcome: "refunded" }) === 1, { what: "the refund made", timeoutMs: 20_000 });
      expect(sample(text, "bloom_refunds_pending")).toBe(0);
      expect(sample(text, "bloom_refunds_failing")).toBe(0);
    } finally {
      if (w.child.exitCode === null) w.child.kill("SIGTERM");
      await w.exited;
    }
  });
});
