// Observability of the worker (C9): /metrics on the health port exposes queue depth per queue,
// job latency and failures per queue, and the outbox backlog with its oldest row's age.
import { placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../test/support/app";
import { checkout, CUSTOMER } from "../../../test/support/fixtures";
import { sample } from "../../../test/support/prometheus";
import { waitFor } from "../../../test/support/wait";
import { freePort } from "../../../test/support/web";
import { uniquePrefix, waitReady, workerProcess } from "../../../test/support/worker";

const { ctx, db } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

describe("worker metrics", () => {
  it("[C9] /metrics exposes queue depth, job latency and failures per queue, outbox backlog and its oldest age", async () => {
    const port = await freePort();
    const w = workerProcess(uniquePrefix("metrics"), { WORKER_HEALTH_PORT: String(port), WORKER_HEALTH_HOST: "127.0.0.1" });
    try {
      await waitReady(w);
      const r = await placeOrder(ctx, CUSTOMER.id, checkout());
      if (!r.ok) throw new Error(r.message);
      await waitFor(() => db.storeOrder.findUnique({ where: { orderId: r.order.id } }), (s) => s !== null, { what: "store order" });
      const scrape = () => fetch(`http://127.0.0.1:${port}/metrics`).then((res) => res.text());
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
});
