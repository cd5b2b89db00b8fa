// M2 with real processes: a web process dies (SIGKILL) between the processor's capture and the
// order's insert, or its void fails; the processor is its own process, so its ledger stands and
// the worker's reconciler finds and voids the orphan captures. Real PostgreSQL, Redis, processor.
import { stockAudit } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { TEST_DATABASE_URL } from "../../../../test/support/env";
import { checkout, CUSTOMER, ROSES } from "../../../../test/support/fixtures";
import { testProcessor } from "../../../../test/support/processor";
import { waitFor } from "../../../../test/support/wait";
import { signIn, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { db, control } = testContext();
const GRACE_MS = 3000;
let web: WebProcess | null = null;
let worker: Awaited<ReturnType<typeof inProcessWorker>> | null = null;
let held: { release: () => Promise<void> } | null = null;

beforeEach(() => resetOrders(db));
afterEach(async () => {
  await held?.release().catch(() => {});
  held = null;
  await worker?.stop();
  worker = null;
  if (web) await stopWeb(web);
  web = null;
});
afterAll(() => closeDbs());

/** Blocks every order insert (ROW EXCLUSIVE) until released: the web process charges, then waits here. */
async function holdOrderInserts() {
  const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await c.connect();
  await c.query("BEGIN");
  await c.query("LOCK TABLE ordering_orders IN EXCLUSIVE MODE");
  // This client sits in a transaction, where PostgreSQL serves pg_stat_activity from one snapshot
  // taken at its first read: clear it on every read, or a poll started early never sees the rest.
  const blocked = async () => {
    await c.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await c.query<{ state: string; wait: string | null; q: string }>(
      `SELECT state, wait_event_type || ':' || wait_event AS wait, left(query, 300) AS q FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND state IS DISTINCT FROM 'idle'`,
    );
    return rows;
  };
  let released = false;
  const hold = {
    blocked,
    /**
     * Ends the blocked statements' sessions, as a crashed host's connections end. (Left alone,
     * PostgreSQL would run a dead client's statement once the lock is free, and store the order.)
     */
    async endBlocked() {
      await c.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO ordering_orders%'`,
      );
    },
    async release() {
      if (released) return;
      released = true;
      await c.query("ROLLBACK");
      await c.end();
    },
  };
  held = hold;
  return hold;
}

const captured = () => control.charges({ status: "CAPTURED" });

describe("no captured charge without an order, with real processes", () => {
  it("[M2] SIGKILL of the web process after 8 captures and before their inserts: within the grace period + 1 min the reconciler has voided all 8, once, and given the stock back", async () => {
    web = await startWeb({ PAYMENT_TIMEOUT_MS: "5000", RATE_LIMIT_ORDERS_PER_MIN: "1000" });
    const { cookie } = await signIn(web.base, CUSTOMER.email, "bloom1234");
    const stockBefore = (await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).stock;
    const hold = await holdOrderInserts();
    const inputs = Array.from({ length: 8 }, () => checkout());
    const requests = inputs.map((input) => trpc(web!.base, cookie, "order.place", input).catch((e: unknown) => e));
    await waitFor(captured, (cs) => cs.length === 8, { what: "8 captures at the processor" });
    await waitFor(hold.blocked, (rows) => rows.filter((r) => r.q.includes("UPDATE payment_attempts SET status = 'ORDERED'")).length === 8, { what: "8 order inserts waiting" });

    web.child.kill("SIGKILL");
    await web.exited;
    web = null;
    await hold.endBlocked();
    await hold.release();
    await Promise.allSettled(requests);
    expect(await db.order.count()).toBe(0);
    expect(await captured()).toHaveLength(8); // the processor's ledger outlives the web process
    expect((await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).stock).toBe(stockBefore - 8);

    const t0 = Date.now();
    worker = await inProcessWorker(uniquePrefix("m2-kill"), undefined, { reconcileGraceMs: GRACE_MS, reconcileIntervalMs: 500 });
    await waitFor(captured, (cs) => cs.length === 0, { what: "no capture without an order", timeoutMs: GRACE_MS + 60_000, everyMs: 250 });
    expect(Date.now() - t0).toBeLessThan(GRACE_MS + 60_000);
    expect(await control.charges({ status: "VOIDED" })).toHaveLength(8);
    expect(await db.paymentAttempt.count({ where: { status: "VOIDED" } })).toBe(8);
    expect(worker.payments.stats.reconciled.voided).toBe(8);
    expect((await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).stock).toBe(stockBefore);
    expect(await stockAudit(db)).toEqual([]);

    // The customers' same-key retries go through, each as one new charge and one order.
    web = await startWeb({ PAYMENT_TIMEOUT_MS: "5000", RATE_LIMIT_ORDERS_PER_MIN: "1000" });
    const again = await signIn(web.base, CUSTOMER.email, "bloom1234");
    for (const input of inputs) expect((await trpc(web.base, again.cookie, "order.place", input)).status).toBe(200);
    expect(await db.order.count()).toBe(8);
    expect(await captured()).toHaveLength(8);
  });

  it("[M2] the order insert fails and the void fails too (processor down): the attempt waits VOIDING and the reconciler voids it once the processor is back", async () => {
    web = await startWeb({ PAYMENT_TIMEOUT_MS: "5000", RATE_LIMIT_ORDERS_PER_MIN: "1000" });
    const { cookie } = await signIn(web.base, CUSTOMER.email, "bloom1234");
    const processor = await testProcessor();
    const hold = await holdOrderInserts();
    const requests = Array.from({ length: 3 }, () => trpc(web!.base, cookie, "order.place", checkout()));
    await waitFor(captured, (cs) => cs.length === 3, { what: "3 captures" });
    const attemptsNow = await db.paymentAttempt.findMany({ select: { status: true, note: true } });
    await waitFor(hold.blocked, (rows) => rows.filter((r) => r.q.includes("UPDATE payment_attempts SET status = 'ORDERED'")).length === 3, { what: "3 inserts waiting" }).catch(async (e: Error) => {
      const all = await db.$queryRaw`SELECT application_name, state, wait_event_type, wait_event, backend_type, left(query, 80) AS q FROM pg_stat_activity WHERE datname = current_database()`;
      throw new Error(`${e.message}\nattempts: ${JSON.stringify(attemptsNow)}\nall: ${JSON.stringify(all)}\nweb:\n${web?.output().slice(-3000)}`);
    });
    await processor.kill();
    await hold.endBlocked(); // the inserts fail; the web process tries to void, and cannot
    await hold.release();
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.error?.data.domainCode)).toEqual(["PAYMENT_FAILED", "PAYMENT_FAILED", "PAYMENT_FAILED"]);
    expect(await db.paymentAttempt.count({ where: { status: "VOIDING" } })).toBe(3);
    expect(await db.order.count()).toBe(0);

    worker = await inProcessWorker(uniquePrefix("m2-void"), undefined, { reconcileGraceMs: GRACE_MS, reconcileIntervalMs: 500 });
    await processor.restart();
    await waitFor(captured, (cs) => cs.length === 0, { what: "voided after the processor came back", timeoutMs: 60_000, everyMs: 250 });
    await waitFor(() => db.paymentAttempt.count({ where: { status: "VOIDED" } }), (n) => n === 3, { what: "attempts VOIDED" });
    expect(await stockAudit(db)).toEqual([]);
  });
});
