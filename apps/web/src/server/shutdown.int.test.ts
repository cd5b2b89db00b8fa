// Graceful shutdown and start-up refusal of the web process (C6), against the production server
// (apps/web/server.mjs over the `next build` output) as a real OS process. The slow in-flight
// request is a real order placement whose payment at the sandbox processor (its own process, set
// to a latency through its test-mode API) takes 2.5 s.
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/support/app";
import { checkout } from "../../../../test/support/fixtures";
import { testProcessor } from "../../../../test/support/processor";
import { ensureWebBuild, freePort, newCustomer, spawnWeb, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";

const db = testDb();
beforeAll(() => ensureWebBuild(), 600_000);
afterAll(() => closeDbs());

/** The charge latency of the sandbox processor the web processes of this file call. */
const processorLatency = async (latencyMs: string) => (await testProcessor()).control.configure({ latencyMs });

const ready = (web: WebProcess) =>
  fetch(`${web.base}/api/health/ready`).then(async (r) => ({ status: r.status, body: (await r.json()) as { ready: boolean; checks: Record<string, string> } }));

describe("web process lifecycle", () => {
  it("[C6] production start without AUTH_SECRET refuses with a clear message", async () => {
    const web = spawnWeb(await freePort(), { AUTH_SECRET: undefined, NODE_ENV: "production" });
    const code = await Promise.race([web.exited, new Promise((r) => setTimeout(() => r("still running"), 60_000))]);
    if (code === "still running") await stopWeb(web);
    expect(code).toBe(1);
    expect(web.output()).toContain("refuses to start");
    expect(web.output()).toContain("AUTH_SECRET is required in production");
  });

  it("[C6] readiness turns false during shutdown and in-flight requests complete", async () => {
    await processorLatency("2500");
    const web = await startWeb({ PAYMENT_TIMEOUT_MS: "10000", SHUTDOWN_DRAIN_MS: "1000", SHUTDOWN_GRACE_MS: "20000" });
    try {
      const { cookie } = await newCustomer(web.base);
      expect((await ready(web)).status).toBe(200);

      const inFlight = trpc(web.base, cookie, "order.place", checkout());
      await new Promise((r) => setTimeout(r, 700)); // the request is now waiting on the processor
      const t0 = Date.now();
      web.child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 150));

      const during = await ready(web);
      expect(during.status).toBe(503);
      expect(during.body.checks.shutdown).toBe("draining");

      const placed = await inFlight;
      expect(placed.status).toBe(200);
      const orderId = (placed.data as { id: string }).id;
      expect(await db.order.findUnique({ where: { id: orderId } })).not.toBeNull();

      expect(await web.exited).toBe(0);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(web.output()).toContain("every in-flight request finished");
      // Gone: nothing listens any more.
      await expect(fetch(`${web.base}/api/health/live`)).rejects.toThrow();
    } finally {
      await stopWeb(web);
    }
  });

  it("[C6] shutdown is bounded by SHUTDOWN_GRACE_MS even when a request does not finish", async () => {
    await processorLatency("30000");
    const web = await startWeb({ PAYMENT_TIMEOUT_MS: "60000", SHUTDOWN_GRACE_MS: "1500" });
    try {
      const { cookie } = await newCustomer(web.base);
      const stuck = trpc(web.base, cookie, "order.place", checkout()).catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, 500));
      const t0 = Date.now();
      web.child.kill("SIGTERM");
      expect(await web.exited).toBe(1);
      const took = Date.now() - t0;
      expect(took).toBeGreaterThanOrEqual(1400);
      expect(took).toBeLessThan(6000);
      expect(web.output()).toContain("grace period over");
      expect(await stuck).toBeInstanceOf(Error); // the connection was cut
    } finally {
      await stopWeb(web);
    }
  });

  it("[C6][N1] WEB_CONCURRENCY=2: two processes serve one port, a dead one is replaced, SIGTERM drains both", async () => {
    await processorLatency("2000");
    const web = await startWeb({ WEB_CONCURRENCY: "2", PAYMENT_TIMEOUT_MS: "10000", SHUTDOWN_GRACE_MS: "20000" });
    try {
      const pids = () => [...web.output().matchAll(/"pid":(\d+),"service":"web","port"[^\n]*"msg":"web ready"/g)].map((m) => Number(m[1]));
      for (let i = 0; i < 100 && pids().length < 2; i++) await new Promise((r) => setTimeout(r, 300));
      expect(pids()).toHaveLength(2);
      const { cookie } = await newCustomer(web.base);

      process.kill(pids()[0]!, "SIGKILL");
      for (let i = 0; i < 100 && pids().length < 3; i++) await new Promise((r) => setTimeout(r, 300));
      expect(web.output()).toContain("web process died; starting another");
      expect(pids()).toHaveLength(3);

      const inFlight = trpc(web.base, cookie, "order.place", checkout());
      await new Promise((r) => setTimeout(r, 700));
      web.child.kill("SIGTERM");
      const placed = await inFlight;
      expect(placed.status).toBe(200);
      expect(await db.order.findUnique({ where: { id: (placed.data as { id: string }).id } })).not.toBeNull();
      expect(await web.exited).toBe(0);
      expect(web.output().match(/every in-flight request finished/g)).toHaveLength(2);
    } finally {
      await stopWeb(web);
    }
  });
});
