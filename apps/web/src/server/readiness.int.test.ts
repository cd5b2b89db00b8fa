// Readiness means "can take orders" (E5), against the production web process: with Redis
// unreachable the process stays ready (200), says in the body that Redis is degraded, and takes
// orders; with PostgreSQL unreachable it is not ready. And the web process survives its
// PostgreSQL connections being terminated (E3).
import net from "node:net";
import { closeDbs, sqlOf } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders, testDb } from "../../../../test/support/app";
import { TEST_DATABASE_URL } from "../../../../test/support/env";
import { checkout } from "../../../../test/support/fixtures";
import { ensureWebBuild, freePort, newCustomer, spawnWeb, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";
import { waitFor } from "../../../../test/support/wait";

const db = testDb();
beforeAll(async () => {
  ensureWebBuild();
  await resetOrders(db);
  await db.bouquet.update({ where: { id: checkout().items[0]!.bouquetId }, data: { stock: 1000 } });
}, 600_000);
// Leave the shared test database as the next file expects it (demo stock, no orders).
afterAll(async () => {
  await resetOrders(db);
  await closeDbs();
});

type Ready = { ready: boolean; checks: Record<string, string>; degraded: string[] };
const ready = (web: WebProcess) => fetch(`${web.base}/api/health/ready`).then(async (r) => ({ status: r.status, body: (await r.json()) as Ready }));

/** A loopback port with nothing listening (reserved and released). */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe("web readiness (E5)", () => {
  it("[E5][C6] Redis unreachable: readiness answers 200 and says redis is degraded, and orders are taken", async () => {
    const web = await startWeb({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    try {
      const r = await ready(web);
      expect(r.status).toBe(200);
      expect(r.body.ready).toBe(true);
      expect(r.body.checks.database).toBe("ok");
      expect(r.body.checks.redis).toMatch(/^degraded: /);
      expect(r.body.degraded).toContain("redis");
      expect(r.body.checks.paymentBreaker).toBe("closed");

      // What readiness promises: the process takes orders (sign-up, sign-in and the rate limits
      // fall back to this process's memory).
      const { cookie } = await newCustomer(web.base);
      for (let i = 0; i < 3; i++) {
        const placed = await trpc(web.base, cookie, "order.place", checkout());
        expect(placed.status, JSON.stringify(placed.error)).toBe(200);
      }
      expect((await ready(web)).status).toBe(200);
    } finally {
      await stopWeb(web);
    }
  });

  it("[E5][C6] PostgreSQL unreachable: not ready (503), the body says why", async () => {
    const url = new URL(TEST_DATABASE_URL);
    url.host = `127.0.0.1:${await closedPort()}`;
    const web = spawnWeb(await freePort(), { DATABASE_URL: url.toString() });
    try {
      const r = await waitFor(() => ready(web).catch(() => null), (x) => x !== null, { timeoutMs: 60_000, everyMs: 200, what: "the web process answering" });
      expect(r!.status).toBe(503);
      expect(r!.body.ready).toBe(false);
      expect(r!.body.checks.database).toMatch(/^down: /);
    } finally {
      await stopWeb(web);
    }
  });

  it("[E3] pg_terminate_backend of every connection of the web process, between and during orders: it stays up, stays ready and takes every order", async () => {
    const appName = `bloom-web-e3-${Date.now().toString(36)}`;
    const web = await startWeb({ PGAPPNAME: appName });
    try {
      const { cookie } = await newCustomer(web.base);
      const terminate = () =>
        sqlOf(db).query<{ n: number }>("SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1", [appName]);
      let terminated = 0;
      const placed: string[] = [];
      for (let i = 0; i < 8; i++) {
        terminated += (await terminate()).rows[0]!.n;
        const input = checkout();
        // A request whose transaction the termination cut is answered with an error; the client
        // retries it with the same idempotency key (one order, one charge).
        const during = trpc(web.base, cookie, "order.place", input);
        if (i % 2 === 1) terminated += (await terminate()).rows[0]!.n;
        let r = await during;
        for (let retry = 0; r.status !== 200 && retry < 3; retry++) r = await trpc(web.base, cookie, "order.place", input);
        expect(r.status, JSON.stringify(r.error)).toBe(200);
        placed.push((r.data as { id: string }).id);
      }
      expect(terminated).toBeGreaterThan(0);
      expect(web.child.exitCode, web.output()).toBeNull();
      expect(web.output()).not.toContain("Unhandled 'error' event");
      expect(new Set(placed).size).toBe(8);
      expect((await ready(web)).status).toBe(200);
    } finally {
      await stopWeb(web);
    }
  });
});
