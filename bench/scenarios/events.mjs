// Scenario 4 — the event pipeline. Latency from an order's commit (its OrderPlaced outbox row) to
// its effect in each consumer (the inbox row written in the effect's transaction), for the orders
// placed during scenario 1; the same for store actions (a store action's commit to the MyPage
// row changing); then a backlog of events drained by one and by two worker processes.
import { trpc } from "../lib/http.mjs";
import { percentile, sortNum } from "../lib/stats.mjs";
import { cpuMeter, servicePids, treeOf } from "../lib/cpu.mjs";
import { sleep } from "../../scripts/lib/services.mjs";

const CONSUMERS = { store: "store-notification", myPage: "mypage-projection" };

/** Waits (bounded) until every event of `type` in the window has reached both consumers. */
async function waitProcessed(db, type, from, to, ms = 180_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n,
              count(s.event_id)::int AS store, count(m.event_id)::int AS mypage
       FROM outbox_events o
       LEFT JOIN inbox_processed_events s ON s.consumer = $4 AND s.event_id = o.id
       LEFT JOIN inbox_processed_events m ON m.consumer = $5 AND m.event_id = o.id
       WHERE o.type = $1 AND o.occurred_at >= $2 AND o.occurred_at < $3`,
      [type, from, to, CONSUMERS.store, CONSUMERS.myPage],
    );
    const r = rows[0];
    const needStore = type === "OrderPlaced";
    if ((!needStore || r.store === r.n) && r.mypage === r.n) return r.n;
    if (Date.now() > deadline) return r.n;
    await sleep(250);
  }
}

/**
 * Per event: commit → published by the relay → effect in each consumer, in ms. The effect's time
 * is the consumer's inbox row (PostgreSQL's clock, at the start of the effect's transaction).
 * The commit's time: a store action's event is created inside its transaction just before the
 * outbox insert and COMMIT, so its occurred_at is used. OrderPlaced is created before its
 * transaction (which may first wait for a pooled connection under load), so its order's payment
 * row is used instead: written by the app (created_at set by Prisma at the insert) as the
 * transaction's next-to-last statement, just before the outbox insert and COMMIT.
 */
async function latencies(db, type, from, to) {
  const commit = type === "OrderPlaced" ? "coalesce(p.created_at, o.occurred_at)" : "o.occurred_at";
  const { rows } = await db.query(
    `SELECT extract(epoch FROM o.published_at - ${commit}) * 1000 AS relay,
            extract(epoch FROM s.processed_at - ${commit}) * 1000 AS store,
            extract(epoch FROM m.processed_at - ${commit}) * 1000 AS mypage
     FROM outbox_events o
     LEFT JOIN payment_payments p ON p.order_id = o.order_id
     LEFT JOIN inbox_processed_events s ON s.consumer = $4 AND s.event_id = o.id
     LEFT JOIN inbox_processed_events m ON m.consumer = $5 AND m.event_id = o.id
     WHERE o.type = $1 AND o.occurred_at >= $2 AND o.occurred_at < $3`,
    [type, from, to, CONSUMERS.store, CONSUMERS.myPage],
  );
  const col = (k) => sortNum(rows.map((r) => r[k]).filter((x) => x !== null).map(Number));
  const sum = (xs) => ({ n: xs.length, p50Ms: percentile(xs, 50), p95Ms: percentile(xs, 95), p99Ms: percentile(xs, 99), maxMs: xs.at(-1) ?? null });
  return { events: rows.length, relay: sum(col("relay")), store: sum(col("store")), myPage: sum(col("mypage")) };
}

export async function orderEventLatency(ctx, window) {
  const n = await waitProcessed(ctx.db, "OrderPlaced", window.from, window.to);
  ctx.log(`event pipeline: ${n} OrderPlaced events of scenario 1 processed`);
  return latencies(ctx.db, "OrderPlaced", window.from, window.to);
}

/** Issue 5's figure: the owner accepts orders through the API; commit → MyPage row changed. */
export async function storeActionLatency(ctx, { since, count = 200, parallel = 4 }) {
  // Orders placed by this run only (not bulk-loaded history, which has no events to fold).
  const { rows } = await ctx.db.query(
    `SELECT so.order_id FROM store_orders so JOIN store_stores s ON s.id = so.store_id JOIN identity_users u ON u.id = s.owner_id
     WHERE u.email = 'owner@bloom.test' AND so.status = 'NEW' AND so.recipient_name <> '' AND so.created_at >= $2
     ORDER BY so.created_at DESC LIMIT $1`,
    [count, since],
  );
  const from = new Date();
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < rows.length) {
        const orderId = rows[next++].order_id;
        await trpc(ctx.base, ctx.ownerCookie, "store.accept", { orderId }).catch(() => failed++);
      }
    }),
  );
  const to = new Date();
  await waitProcessed(ctx.db, "StoreOrderAccepted", from, to);
  const l = await latencies(ctx.db, "StoreOrderAccepted", from, to);
  return { accepted: rows.length - failed, failed, relay: l.relay, myPage: l.myPage };
}

/**
 * A backlog of `count` OrderPlaced events (copies of a real one, new ids) committed at once while
 * `workers` worker processes are running; the clock runs from the commit to the last effect.
 */
export async function drainBacklog(ctx, { count = 10_000, workerProcs, timeoutMs = 600_000 }) {
  const { db } = ctx;
  const { rows: tpl } = await db.query(`SELECT payload FROM outbox_events WHERE type = 'OrderPlaced' ORDER BY seq DESC LIMIT 1`);
  if (!tpl.length) throw new Error("no OrderPlaced event to copy for the backlog");
  const meter = await cpuMeter(
    {
      ...Object.fromEntries(workerProcs.map((p, i) => [`worker ${i + 1}`, treeOf(p)])),
      postgres: async () => (await servicePids(db, ctx.redisPort)).pg,
      redis: async () => (await servicePids(db, ctx.redisPort)).redis,
      web: treeOf(ctx.webProc),
    },
    { subsets: { "postgres backends": async () => (await servicePids(db, ctx.redisPort)).pgBackends } },
  );
  const { rows: t0rows } = await db.query(
    `WITH ins AS (
       INSERT INTO outbox_events (id, type, version, order_id, payload, occurred_at)
       SELECT e.id, 'OrderPlaced', ($1::jsonb ->> 'version')::int, e.oid,
              $1::jsonb || jsonb_build_object('eventId', e.id, 'orderId', e.oid, 'occurredAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
              now() AT TIME ZONE 'UTC'
       FROM (SELECT gen_random_uuid() AS id, gen_random_uuid() AS oid FROM generate_series(1, $2)) e
       RETURNING 1)
     SELECT count(*)::int AS n, now() AT TIME ZONE 'UTC' AS t0 FROM ins`,
    [JSON.stringify(tpl[0].payload), count],
  );
  const t0 = t0rows[0].t0; // the insert's transaction time = commit of the whole backlog (±ms)
  const deadline = Date.now() + timeoutMs;
  let done = 0;
  while (Date.now() < deadline) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM inbox_processed_events WHERE consumer = ANY($1) AND processed_at >= $2`,
      [Object.values(CONSUMERS), t0],
    );
    done = rows[0].n;
    if (done >= 2 * count) break;
    await sleep(200);
  }
  const cpu = await meter.stop();
  const { rows: last } = await db.query(
    `SELECT extract(epoch FROM max(processed_at) - $2) AS sec FROM inbox_processed_events WHERE consumer = ANY($1) AND processed_at >= $2`,
    [Object.values(CONSUMERS), t0],
  );
  const seconds = Number(last[0].sec);
  return { events: count, effects: done, complete: done >= 2 * count, seconds, eventsPerSec: count / seconds, cpu };
}
