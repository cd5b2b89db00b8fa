// Event integrity (E1–E4) with real faults on loopback: Redis (our own instance on a
// spare port) SIGKILLed and restarted empty, a job deleted by hand, PostgreSQL made unreachable
// (a TCP proxy between the worker process and PostgreSQL, cut and restored), every connection of
// the worker processes terminated with pg_terminate_backend under load, an event type the worker
// does not know. "Handled" is checked where it counts: every (event, subscribed policy) has its
// inbox row, and every effect exists exactly once.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import { placeOrder } from "@bloom/app";
import { closeDbs, sqlOf, type Db } from "@bloom/db";
import { EVENT_VERSION, POLICIES, POLICY_NAMES, type Policy } from "@bloom/domain";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { quietLog, resetOrders, testContext } from "../../../test/support/app";
import { TEST_DATABASE_URL, TEST_REDIS_URL } from "../../../test/support/env";
import { checkout, CUSTOMER } from "../../../test/support/fixtures";
import { testProcessor } from "../../../test/support/processor";
import { sample } from "../../../test/support/prometheus";
import { waitFor } from "../../../test/support/wait";
import { uniquePrefix, waitReady, workerProcess, type WorkerProcess } from "../../../test/support/worker";
import { OutboxRelay, KNOWN_TYPES } from "./relay";
import { RECHECK_SQL, SCAN_SQL } from "./redrive";
import { startWorker } from "./runtime";

const { ctx, db } = testContext();
beforeEach(async () => {
  await resetOrders(db);
  await db.bouquet.update({ where: { id: checkout().items[0]!.bouquetId }, data: { stock: 100_000 } });
});
// Leave the shared test database as the next file expects it (demo stock, no orders).
afterAll(async () => {
  await resetOrders(db);
  await closeDbs();
});

const T = 2000; // OUTBOX_REDRIVE_AFTER_MS in these tests

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────

const SUBS = POLICY_NAMES.flatMap((policy) => (POLICIES[policy] as readonly string[]).map((type) => ({ type, policy })));

/** (event, subscribed policy) pairs without an inbox row, per policy: the definition of "not handled". */
async function unhandled(d: Db): Promise<Record<string, number>> {
  const { rows } = await sqlOf(d).query<{ policy: string; n: number }>(
    `SELECT s.policy, count(*)::int AS n
     FROM outbox_events o JOIN unnest($1::text[], $2::text[]) AS s(type, policy) ON s.type = o.type
     WHERE NOT EXISTS (SELECT 1 FROM inbox_processed_events i WHERE i.consumer = s.policy AND i.event_id = o.id)
     GROUP BY s.policy`,
    [SUBS.map((s) => s.type), SUBS.map((s) => s.policy)],
  );
  return Object.fromEntries(rows.map((r) => [r.policy, r.n]));
}
const total = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

async function placeOne(): Promise<string> {
  const r = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!r.ok) throw new Error(`order refused: ${r.message}`);
  return r.order.id;
}

async function placeMany(n: number, parallel = 10): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < n) {
        next++;
        ids.push(await placeOne());
      }
    }),
  );
  return ids;
}

/** Places orders at about `perSecond` until stopped; resolves with every order id. */
function pacedOrders(perSecond: number) {
  const ids: string[] = [];
  const errors: string[] = [];
  const inFlight = new Set<Promise<void>>();
  let lastAt = 0;
  const timer = setInterval(() => {
    const p = placeOne().then(
      (id) => {
        ids.push(id);
        lastAt = Date.now();
      },
      (e: Error) => void errors.push(e.message),
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }, 1000 / perSecond);
  return {
    ids,
    get lastAt() {
      return lastAt;
    },
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      expect(errors).toEqual([]);
      return ids;
    },
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Our own Redis, without persistence: a restart is a Redis that lost everything. */
function startRedis(port: number): ChildProcess {
  return spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
}
async function redisUp(url: string) {
  await waitFor(
    async () => {
      const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      r.on("error", () => {});
      try {
        await r.connect();
        return (await r.ping()) === "PONG";
      } catch {
        return false;
      } finally {
        r.disconnect();
      }
    },
    (ok) => ok,
    { timeoutMs: 10_000, what: `Redis at ${url}` },
  );
}
async function kill(p: ChildProcess, signal: NodeJS.Signals = "SIGKILL") {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once("exit", r));
  p.kill(signal);
  await exited;
}

/** A TCP proxy (loopback) in front of PostgreSQL that can be cut — every connection dropped, new ones refused — and restored. */
async function pgProxy(target: { host: string; port: number }) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("error", () => {});
          s.on("close", () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  await listen();
  return {
    port,
    async cut() {
      const s = server!;
      server = null;
      const closed = new Promise((r) => s.close(r));
      for (const sock of sockets) sock.destroy();
      await closed;
    },
    restore: listen,
    async close() {
      if (server) await this.cut();
    },
  };
}

function queueHandle(redisUrl: string, prefix: string, policy: Policy) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  connection.on("error", () => {});
  const q = new Queue(policy, { connection, prefix });
  return {
    q,
    async close() {
      await q.close().catch(() => {});
      connection.disconnect();
    },
  };
}

/** The worker process's metrics port, from its "worker ready" log line. */
function healthPort(w: WorkerProcess): number {
  const line = w.output().split("\n").find((l) => l.includes("worker ready"));
  return (JSON.parse(line!) as { healthPort: number }).healthPort;
}
const scrape = (w: WorkerProcess) => fetch(`http://127.0.0.1:${healthPort(w)}/metrics`).then((r) => r.text());
const sumOf = (text: string, name: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .reduce((a, l) => a + Number(l.split(" ").pop()), 0);

async function failedJobs(redisUrl: string, prefix: string): Promise<number> {
  let n = 0;
  for (const policy of POLICY_NAMES) {
    const h = queueHandle(redisUrl, prefix, policy);
    n += await h.q.getFailedCount();
    await h.close();
  }
  return n;
}

async function stopAll(workers: WorkerProcess[]) {
  for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
}

/** Every effect of `orders` OrderPlaced events applied exactly once: board, notification, MyPage. */
async function expectOnce(orders: number) {
  expect(await db.storeOrder.count()).toBe(orders);
  expect(await db.storeNotification.count()).toBe(orders);
  expect(await db.myPageOrder.count()).toBe(orders);
  const dupes = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM store_notifications GROUP BY order_id HAVING count(*) > 1`;
  expect(dupes).toEqual([]);
}

// ── E1 ───────────────────────────────────────────────────────────────────────────────────────────

describe("events are done when every policy has handled them (E1)", () => {
  it("[E1][N2] Redis SIGKILLed and restarted empty while orders flow (store-notification paused, jobs in Redis): every event reaches every policy within T + 10 s", async () => {
    await testProcessor();
    const port = await freePort();
    const redisUrl = `redis://127.0.0.1:${port}`;
    let redis = startRedis(port);
    await redisUp(redisUrl);
    const prefix = uniquePrefix("e1");
    const env = { REDIS_URL: redisUrl, OUTBOX_REDRIVE_AFTER_MS: String(T), WORKER_LOCK_MS: "5000" };
    const workers = await Promise.all([workerProcess(prefix, { ...env, WORKER_ID: `${prefix}-a` }), workerProcess(prefix, { ...env, WORKER_ID: `${prefix}-b` })]);
    const paused = queueHandle(redisUrl, prefix, "store-notification");
    try {
      await Promise.all(workers.map((w) => waitReady(w)));
      await paused.q.pause();
      const load = pacedOrders(20);
      // Jobs certainly in Redis: store-notification's wait at ≥ 30 while MyPage follows.
      await waitFor(() => paused.q.getWaitingCount(), (n) => n >= 30, { timeoutMs: 30_000, what: "30 store-notification jobs waiting in Redis" });
      await waitFor(() => db.myPageOrder.count(), (n) => n >= 20, { timeoutMs: 30_000, what: "MyPage following" });
      expect(await db.storeOrder.count()).toBe(0);

      await kill(redis, "SIGKILL");
      const placedDuringOutage = load.ids.length;
      redis = startRedis(port);
      await redisUp(redisUrl);
      const backAt = Date.now();
      // Orders keep coming after Redis is back (and were taken while it was gone).
      await waitFor(async () => load.ids.length, (n) => n >= placedDuringOutage + 20, { timeoutMs: 30_000, what: "20 more orders after Redis returned" });
      const ids = await load.stop();
      const deadline = Math.max(backAt, load.lastAt) + T + 10_000;

      await waitFor(() => unhandled(db), (u) => total(u) === 0, { timeoutMs: Math.max(1000, deadline - Date.now()), everyMs: 200, what: "every event handled by every policy" });
      expect(Date.now()).toBeLessThanOrEqual(deadline + 1000);
      await expectOnce(ids.length);
      expect(await db.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
      for (const w of workers) expect(w.child.exitCode, w.output()).toBeNull();

      // One redriver (the advisory lock), and it reports nothing left unhandled.
      const texts = await Promise.all(workers.map(scrape));
      expect(texts.map((t) => sample(t, "bloom_outbox_redrive_leader")).sort()).toEqual([0, 1]);
      const leader = texts.find((t) => sample(t, "bloom_outbox_redrive_leader") === 1)!;
      expect(sample(leader, "bloom_outbox_redriven_total", { policy: "store-notification" })).toBeGreaterThan(0);
      await waitFor(
        async () => {
          const t = await Promise.all(workers.map(scrape));
          return t.map((x) => sumOf(x, "bloom_outbox_unhandled"));
        },
        (sums) => sums.every((s) => s === 0),
        { timeoutMs: T + 10_000, what: "bloom_outbox_unhandled back to 0" },
      );
    } finally {
      await paused.close();
      await stopAll(workers);
      await kill(redis, "SIGTERM");
    }
  });

  it("[E1] a job deleted from Redis by hand is redriven; the unhandled gauges see it meanwhile", async () => {
    const processor = await testProcessor();
    const prefix = uniquePrefix("e1-deleted");
    const runtime = await startWorker({
      db,
      redisUrl: TEST_REDIS_URL,
      prefix,
      concurrency: 8,
      relayIntervalMs: 20,
      relayBatch: 200,
      redriveAfterMs: T,
      processorUrl: processor.url,
      log: quietLog,
    });
    try {
      const q = runtime.queues["store-notification"];
      await q.pause();
      const ids = await placeMany(5, 5);
      await waitFor(() => q.getWaitingCount(), (n) => n === 5, { what: "5 jobs waiting" });
      const victim = (await q.getWaiting())[0]!;
      await victim.remove();
      const removedAt = Date.now();
      await q.resume();
      await waitFor(() => db.storeOrder.count(), (n) => n === 4, { what: "the 4 other orders on the board" });
      // The redrive counts it (published more than T ago, no inbox row) and hands it back to its queue.
      let counted = 0;
      await waitFor(
        async () => {
          counted = Math.max(counted, runtime.redrive.snapshot().unhandled["store-notification"]);
          return db.storeOrder.count();
        },
        (n) => n === 5,
        { timeoutMs: T + 10_000, what: "the deleted job's order on the board" },
      );
      expect(counted).toBe(1);
      expect(Date.now() - removedAt).toBeLessThan(T + 10_000 + 1000);
      expect(runtime.redrive.redriven["store-notification"]).toBeGreaterThanOrEqual(1);
      expect(await db.storeOrder.findFirst({ where: { orderId: victim.data.orderId as string } })).not.toBeNull();
      expect(ids).toHaveLength(5);
      await waitFor(() => unhandled(db), (u) => total(u) === 0, { timeoutMs: T + 10_000, what: "every event handled" });
      await expectOnce(5);
    } finally {
      await runtime.stop();
    }
  });

  it("[E1] the redrive's scan walks the outbox's (published_at, seq) index and probes the inbox's primary key", async () => {
    const subs: [string[], string[]] = [SUBS.map((s) => s.type), SUBS.map((s) => s.policy)];
    const explain = async (sql: string, values: unknown[]) => {
      const c = await sqlOf(db).connect();
      try {
        await c.query("BEGIN");
        // A test database is tiny, so the planner would read it whole: ask for the plan it uses at scale.
        await c.query("SET LOCAL enable_seqscan = off");
        const { rows } = await c.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, values);
        return JSON.stringify(rows[0]!["QUERY PLAN"]);
      } finally {
        await c.query("ROLLBACK");
        c.release();
      }
    };
    const scan = await explain(SCAN_SQL, ["1970-01-01 00:00:00", "0", 86_400_000, T, 1000, ...subs]);
    expect(scan).toContain("outbox_events_published_at_seq_idx");
    expect(scan).toContain("inbox_processed_events_pkey");
    const recheck = await explain(RECHECK_SQL, [[globalThis.crypto.randomUUID()], ...subs]);
    expect(recheck).toContain("outbox_events_pkey");
    expect(recheck).toContain("inbox_processed_events_pkey");
  });
});

// ── E2 ───────────────────────────────────────────────────────────────────────────────────────────

describe("an outage is not a poison message (E2)", () => {
  it("[E2][E3] PostgreSQL unreachable from the worker with jobs queued, then back: 0 failed jobs, every effect once", async () => {
    await testProcessor();
    const target = new URL(TEST_DATABASE_URL);
    const proxy = await pgProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(TEST_DATABASE_URL);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const prefix = uniquePrefix("e2");
    const w = await workerProcess(prefix, { DATABASE_URL: viaProxy.toString(), OUTBOX_REDRIVE_AFTER_MS: "3000", WORKER_ID: prefix, WORKER_CONCURRENCY: "8" });
    const handles = (["store-notification", "mypage-projection"] as const).map((p) => queueHandle(TEST_REDIS_URL, prefix, p));
    try {
      await waitReady(w);
      for (const h of handles) await h.q.pause();
      const first = await placeMany(20);
      for (const h of handles) await waitFor(() => h.q.getWaitingCount(), (n) => n === 20, { timeoutMs: 30_000, what: `20 jobs queued in ${h.q.name}` });

      await proxy.cut();
      for (const h of handles) await h.q.resume();
      // Orders are still taken (the web side does not go through the proxy); their rows wait.
      const during = await placeMany(10);
      // The worker meets the outage again and again, and hands every job back instead of failing it.
      await waitFor(() => scrape(w).then((t) => sumOf(t, "bloom_jobs_outage_handbacks_total")), (n) => n >= 60, {
        timeoutMs: 60_000,
        what: "60 jobs handed back during the outage",
      });
      expect(await failedJobs(TEST_REDIS_URL, prefix)).toBe(0);
      expect(await db.storeOrder.count()).toBe(0);
      expect(w.output()).toContain("outage: the queue backs off");

      await proxy.restore();
      await waitFor(() => unhandled(db), (u) => total(u) === 0, { timeoutMs: 60_000, everyMs: 200, what: "every event handled after the outage" });
      await expectOnce(first.length + during.length);
      expect(await failedJobs(TEST_REDIS_URL, prefix)).toBe(0);
      const text = await scrape(w);
      expect(sumOf(text, "bloom_jobs_dead_lettered_total")).toBe(0);
      expect(w.child.exitCode, w.output()).toBeNull();
      expect(w.output()).toContain("outage over: the queue runs again");
    } finally {
      for (const h of handles) await h.close();
      await stopAll([w]);
      await proxy.close();
    }
  });

  it("[E2] a payload that cannot parse is dead-lettered at once, counted, logged, and left alone by the redrive", async () => {
    const processor = await testProcessor();
    const prefix = uniquePrefix("e2-poison");
    const lines: { msg: string; o: object }[] = [];
    const log = { info: () => {}, warn: (o: object, msg?: string) => void lines.push({ o, msg: msg ?? "" }), error: (o: object, msg?: string) => void lines.push({ o, msg: msg ?? "" }) };
    const runtime = await startWorker({ db, redisUrl: TEST_REDIS_URL, prefix, concurrency: 2, relayIntervalMs: 20, relayBatch: 200, redriveAfterMs: T, processorUrl: processor.url, log });
    try {
      const job = await runtime.queues["order-status"].add("StoreOrderAccepted", { version: EVENT_VERSION, type: "StoreOrderAccepted", payload: {} }, { attempts: 10, jobId: globalThis.crypto.randomUUID() });
      await waitFor(() => job.getState(), (s) => s === "failed", { what: "poison job failed" });
      const failed = await runtime.queues["order-status"].getJob(job.id!);
      expect(failed!.attemptsMade).toBe(1);
      expect(failed!.failedReason).toMatch(/^poison message: /);
      expect(lines.some((l) => l.msg.startsWith("job dead-lettered"))).toBe(true);
    } finally {
      await runtime.stop();
    }
  });
});

// ── E3 ───────────────────────────────────────────────────────────────────────────────────────────

describe("terminated connections (E3)", () => {
  it("[E3] pg_terminate_backend of every connection of two worker processes, four times under load: no crash, every event handled once", async () => {
    await testProcessor();
    const prefix = uniquePrefix("e3");
    const env = { OUTBOX_REDRIVE_AFTER_MS: String(T), WORKER_LOCK_MS: "5000" };
    const workers = await Promise.all([workerProcess(prefix, { ...env, WORKER_ID: `${prefix}-a` }), workerProcess(prefix, { ...env, WORKER_ID: `${prefix}-b` })]);
    try {
      await Promise.all(workers.map((w) => waitReady(w)));
      const load = placeMany(160, 8);
      let terminated = 0;
      for (const at of [30, 60, 90, 120]) {
        await waitFor(() => db.storeOrder.count(), (n) => n >= at, { timeoutMs: 60_000, what: `${at} store orders` });
        // Two thresholds can pass at once, right after the previous round cut every connection:
        // wait for the workers to hold connections again, so each round cuts something.
        await waitFor(
          async () => (await sqlOf(db).query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE $1", [`bloom-worker ${prefix}-%`])).rows[0]!.n,
          (n) => n > 0,
          { timeoutMs: 30_000, what: "the workers connected again" },
        );
        const { rows } = await sqlOf(db).query<{ n: number }>(
          "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name LIKE $1",
          [`bloom-worker ${prefix}-%`],
        );
        expect(rows[0]!.n).toBeGreaterThan(0);
        terminated += rows[0]!.n;
      }
      const ids = await load;
      await waitFor(() => unhandled(db), (u) => total(u) === 0, { timeoutMs: 60_000, everyMs: 200, what: "every event handled" });
      await expectOnce(ids.length);
      expect(await failedJobs(TEST_REDIS_URL, prefix)).toBe(0);
      expect(terminated).toBeGreaterThanOrEqual(8);
      for (const w of workers) {
        expect(w.child.exitCode, w.output()).toBeNull();
        expect(w.output()).not.toContain("Unhandled 'error' event");
      }
      // The worker reconnected: readiness answers ready again.
      for (const w of workers) {
        await waitFor(() => fetch(`http://127.0.0.1:${healthPort(w)}/health/ready`).then((r) => r.status), (s) => s === 200, { what: "worker ready again" });
      }
    } finally {
      await stopAll(workers);
    }
  });
});

// ── E4 ───────────────────────────────────────────────────────────────────────────────────────────

describe("unknown event types wait (E4)", () => {
  it("[E4] an outbox row of a type (or version) this worker does not know stays unpublished, logged once; a worker that knows it publishes it", async () => {
    const processor = await testProcessor();
    const lines: { o: Record<string, unknown>; msg: string }[] = [];
    const log = { info: () => {}, warn: (o: object, msg?: string) => void lines.push({ o: o as Record<string, unknown>, msg: msg ?? "" }), error: () => {} };
    const unknownId = globalThis.crypto.randomUUID();
    const v2Id = globalThis.crypto.randomUUID();
    const orderId = globalThis.crypto.randomUUID();
    const occurredAt = new Date().toISOString();
    const envelope = (id: string, type: string, version: number) => JSON.stringify({ eventId: id, type, version, orderId, occurredAt, actor: { role: "SYSTEM", id: null }, payload: {} });
    await sqlOf(db).query(
      `INSERT INTO outbox_events (id, type, version, order_id, payload, occurred_at) VALUES
         ($1, 'GiftWrapped', 1, $3, $4::jsonb, $6), ($2, 'OrderPlaced', $7, $3, $5::jsonb, $6)`,
      [unknownId, v2Id, orderId, envelope(unknownId, "GiftWrapped", 1), envelope(v2Id, "OrderPlaced", EVENT_VERSION + 1), occurredAt, EVENT_VERSION + 1],
    );
    const prefix = uniquePrefix("e4");
    const runtime = await startWorker({ db, redisUrl: TEST_REDIS_URL, prefix, concurrency: 4, relayIntervalMs: 20, relayBatch: 200, redriveAfterMs: T, processorUrl: processor.url, log });
    try {
      // Rows after them are published: the relay went past the unknown ones.
      const [id] = await placeMany(1, 1);
      await waitFor(() => db.outboxEvent.count({ where: { orderId: id, publishedAt: null } }), (n) => n === 0, { what: "the known order's event published" });
      await waitFor(() => db.storeOrder.count(), (n) => n === 1, { what: "the known order on the board" });
      await runtime.relay.checkUnknown();
      expect(runtime.relay.unknownWaiting).toBe(2);
      const rows = await db.outboxEvent.findMany({ where: { id: { in: [unknownId, v2Id] } } });
      expect(rows.map((r) => r.publishedAt)).toEqual([null, null]);
      await runtime.relay.checkUnknown();
      const logged = lines.filter((l) => l.msg.startsWith("outbox relay: event type unknown"));
      expect(logged.map((l) => `${String(l.o.type)}@${String(l.o.version)}`).sort()).toEqual(["GiftWrapped@1", `OrderPlaced@${EVENT_VERSION + 1}`]);

      // A newer worker, whose catalog has the type, publishes it.
      const newer = new OutboxRelay(db, runtime.queues, { intervalMs: 20, batch: 200, log: () => {}, knownTypes: [...KNOWN_TYPES, "GiftWrapped"] });
      expect(await newer.publishBatch()).toBe(1);
      expect((await db.outboxEvent.findUnique({ where: { id: unknownId } }))!.publishedAt).not.toBeNull();
      expect((await db.outboxEvent.findUnique({ where: { id: v2Id } }))!.publishedAt).toBeNull();
    } finally {
      await runtime.stop();
    }
  });
});
