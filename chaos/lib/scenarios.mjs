// The ten scenarios. Each runs its fault (under paced order load where it has one) and returns
// what clients saw plus its own checks; the runner then waits for the system to settle and audits
// the scenario's window (lib/audit.mjs). Faults are loopback-only and bounded in count and time.
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT, sleep } from "../../scripts/lib/services.mjs";
import { each, processorRefunds } from "./audit.mjs";
import { call, checkout, paceOrders, placeWithRetries, summarizeLoad } from "./client.mjs";
import { kill, startProcessor, startRedis, startWeb, startWorker, terminate, wipeRedisFiles } from "./stack.mjs";

const require = createRequire(path.join(ROOT, "package.json"));
const { Queue } = require("bullmq");
const { Redis } = require("ioredis");


/** Polls `check` (async → truthy) every 250 ms until it holds or `ms` passes; returns its last value. */
async function until(check, ms) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => false);
    if (v || Date.now() >= deadline) return v;
    await sleep(250);
  }
}

const at = (t0, sec) => sleep(Math.max(0, t0 + sec * 1000 - Date.now()));

/** Paced load over both web processes with `fault(t0)` running beside it. */
async function underLoad(ctx, fault) {
  const t0 = Date.now();
  const [load, faultInfo] = await Promise.all([
    paceOrders({ bases: ctx.bases, customers: ctx.customers, catalog: ctx.catalog, rate: ctx.opts.rate, seconds: ctx.opts.loadSeconds }),
    fault ? fault(t0) : Promise.resolve(null),
  ]);
  return { load, faultInfo };
}

const check = (ok, what) => ({ ok: Boolean(ok), what });

/** Store orders on the board (with the order's total) for these orders, waited for (bounded). */
async function onBoard(ctx, orderIds, ms = 90_000) {
  let n = 0;
  await until(async () => {
    const { rows } = await ctx.db.query(`SELECT count(*)::int AS n FROM store_orders WHERE order_id = ANY($1::uuid[]) AND total_won > 0`, [orderIds]);
    n = rows[0].n;
    return n === orderIds.length;
  }, ms);
  return n;
}

async function placeMany(ctx, cookieOf, items, parallel = 6) {
  const results = await each(items, parallel, async (it, i) => {
    const r = await placeWithRetries(ctx.bases, cookieOf(it, i), checkout(it.storeId, [{ bouquetId: it.bouquetId, quantity: 1 }]), { first: i });
    return { ...r, customerId: it.customerId };
  });
  return results;
}

// ── 1–6: faults under load ───────────────────────────────────────────────────────────────────

async function steady(ctx) {
  const { load } = await underLoad(ctx, null);
  return {
    load,
    checks: [check(load.gaveUp === 0 && Object.keys(load.refused).length === 0 && load.shed === 0, `every order placed with no fault (gave up ${load.gaveUp}, refused ${JSON.stringify(load.refused)}, shed ${load.shed})`)],
  };
}

async function killWeb(ctx) {
  const { load, faultInfo } = await underLoad(ctx, async (t0) => {
    await at(t0, ctx.opts.faultAt);
    const victim = ctx.procs.webs[0];
    ctx.log(`SIGKILL web1 (pid ${victim.pid})`);
    await kill(victim);
    const t = Date.now();
    ctx.procs.webs[0] = await startWeb(ctx.cfg, 0);
    ctx.log(`web1 back (pid ${ctx.procs.webs[0].pid}) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return { killedPid: victim.pid };
  });
  return { load, notes: [`web1 pid ${faultInfo.killedPid} SIGKILLed at ${ctx.opts.faultAt} s; ${load.retried} orders needed retries`], checks: [] };
}

async function killWorker(ctx) {
  const { load, faultInfo } = await underLoad(ctx, async (t0) => {
    await at(t0, ctx.opts.faultAt);
    const victim = ctx.procs.workers[0];
    ctx.log(`SIGKILL worker1 (pid ${victim.pid})`);
    await kill(victim);
    const t = Date.now();
    ctx.procs.workers[0] = await startWorker(ctx.cfg, 0);
    ctx.log(`worker1 back (pid ${ctx.procs.workers[0].pid}) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return { killedPid: victim.pid };
  });
  return { load, notes: [`worker1 pid ${faultInfo.killedPid} SIGKILLed at ${ctx.opts.faultAt} s`], checks: [] };
}

async function killProcessor(ctx) {
  const { load, faultInfo } = await underLoad(ctx, async (t0) => {
    await at(t0, ctx.opts.faultAt);
    const victim = ctx.procs.processor;
    ctx.log(`SIGKILL processor (pid ${victim.pid})`);
    await kill(victim);
    const t = Date.now();
    ctx.procs.processor = await startProcessor(ctx.cfg);
    const down = (Date.now() - t) / 1000;
    ctx.log(`processor back (pid ${ctx.procs.processor.pid}, same ledger database) in ${down.toFixed(1)} s`);
    return { killedPid: victim.pid, downSec: down };
  });
  return { load, notes: [`processor pid ${faultInfo.killedPid} SIGKILLed, down ${faultInfo.downSec.toFixed(1)} s; ${load.retried} orders needed retries`], checks: [] };
}

async function redisLoss(ctx) {
  const notes = [];
  const checks = [];
  const { load } = await underLoad(ctx, async (t0) => {
    // The store-notification queue paused first, so OrderPlaced jobs certainly sit in Redis at the kill.
    await at(t0, ctx.opts.faultAt - 3);
    const connection = new Redis(ctx.cfg.redisUrl, { maxRetriesPerRequest: 1 });
    connection.on("error", () => {});
    const q = new Queue("store-notification", { connection, prefix: ctx.cfg.queuePrefix });
    q.on("error", () => {});
    await q.pause();
    await at(t0, ctx.opts.faultAt);
    const counts = await q.getJobCounts("waiting", "paused", "active", "delayed");
    connection.disconnect();
    const { rows: unhandled } = await ctx.db.query(
      `SELECT e.id FROM outbox_events e WHERE e.type = 'OrderPlaced' AND e.published_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM inbox_processed_events i WHERE i.consumer = 'store-notification' AND i.event_id = e.id)`,
    );
    const ids = unhandled.map((r) => r.id);
    const victim = ctx.procs.redis;
    ctx.log(`SIGKILL redis (pid ${victim.pid}) with ${ids.length} published OrderPlaced not yet on a board (${counts.paused + counts.waiting} jobs in the paused queue)`);
    await kill(victim);
    const removed = wipeRedisFiles();
    notes.push(`Redis SIGKILLed with ${ids.length} published OrderPlaced not yet handled (${counts.paused + counts.waiting} jobs in the paused queue); removed ${removed.join(", ") || "no files"}; restarted empty`);
    // E5 (informational): readiness of the web processes while Redis is down.
    const ready = { ok: 0, total: 0 };
    const downUntil = Date.now() + ctx.opts.redisDownSec * 1000;
    while (Date.now() < downUntil) {
      for (const b of ctx.bases) {
        ready.total++;
        if (await fetch(`${b}/api/health/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false)) ready.ok++;
      }
      await sleep(500);
    }
    notes.push(`E5 (informational): web readiness 200 in ${ready.ok} of ${ready.total} probes while Redis was down`);
    ctx.procs.redis = await startRedis(ctx.cfg);
    const back = Date.now();
    ctx.log(`redis back, empty (pid ${ctx.procs.redis.pid})`);
    // E1: every order whose job Redis lost reaches its board and its MyPage row within T + 10 s.
    const limitSec = ctx.opts.redriveAfterSec + 10;
    let handled = 0;
    await until(async () => {
      const { rows } = await ctx.db.query(
        `SELECT count(*)::int AS n FROM unnest($1::uuid[]) AS e(id)
          WHERE EXISTS (SELECT 1 FROM inbox_processed_events i WHERE i.consumer = 'store-notification' AND i.event_id = e.id)
            AND EXISTS (SELECT 1 FROM inbox_processed_events i WHERE i.consumer = 'mypage-projection' AND i.event_id = e.id)`,
        [ids],
      );
      handled = rows[0].n;
      return handled === ids.length;
    }, 60_000);
    const tookSec = (Date.now() - back) / 1000;
    ctx.log(`${handled} of ${ids.length} lost OrderPlaced handled (board + MyPage) ${tookSec.toFixed(1)} s after Redis came back`);
    checks.push(check(ids.length > 0, `jobs were really lost: ${ids.length} published OrderPlaced were unhandled at the kill`));
    checks.push(check(handled === ids.length && tookSec <= limitSec, `lost jobs redriven: ${handled} of ${ids.length} on board + MyPage in ${tookSec.toFixed(1)} s (limit T + 10 s = ${limitSec} s)`));
  });
  return { load, notes, checks };
}

async function terminateConnections(ctx) {
  const rounds = [];
  const { load } = await underLoad(ctx, async (t0) => {
    for (const sec of ctx.opts.terminateAt) {
      await at(t0, sec);
      const { rows } = await ctx.db.query(
        `SELECT pid, application_name FROM pg_stat_activity
          WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name NOT LIKE 'bloom-chaos%'`,
        [new URL(ctx.cfg.databaseUrl).pathname.slice(1)],
      );
      const { rows: done } = await ctx.db.query(`SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM unnest($1::int[]) AS pid`, [rows.map((r) => r.pid)]);
      const names = {};
      for (const r of rows) names[r.application_name || "(none)"] = (names[r.application_name || "(none)"] ?? 0) + 1;
      ctx.log(`pg_terminate_backend: ${done[0].n} of ${rows.length} connections (${Object.entries(names).map(([k, v]) => `${k} ×${v}`).join(", ")})`);
      rounds.push(done[0].n);
    }
  });
  return {
    load,
    notes: [`terminated ${rounds.join(" + ")} app connections of bloom_chaos in ${rounds.length} rounds`],
    checks: [check(rounds.every((n) => n > 0), `every round terminated connections (${rounds.join(", ")})`)],
  };
}

// ── 7: reject × cancel (M3) ──────────────────────────────────────────────────────────────────

async function crossings(ctx) {
  const N = 50;
  const { customer, owner } = ctx.demo;
  const items = Array.from({ length: N }, (_, i) => ({ ...ctx.ownerCatalog[i % ctx.ownerCatalog.length], customerId: customer.id }));
  const placed = await placeMany(ctx, () => customer.cookie, items);
  const load = summarizeLoad(placed);
  const orders = placed.filter((r) => r.outcome === "placed").map((r) => r.orderId);
  const boarded = await onBoard(ctx, orders);
  const checks = [check(orders.length === N, `${orders.length} of ${N} orders placed`), check(boarded === orders.length, `${boarded} of ${orders.length} on the board`)];
  const half = Math.ceil(orders.length / 2);
  const cross = (list) =>
    each(list, 5, async (orderId, i) => {
      const [rej, can] = await Promise.all([
        call(ctx.bases[i % 2], owner.cookie, "store.reject", { orderId, reason: "OUT_OF_FLOWERS", detail: "chaos crossing" }),
        call(ctx.bases[(i + 1) % 2], customer.cookie, "order.cancel", { orderId, reason: "chaos crossing" }),
      ]);
      return { orderId, reject: rej.status === 200 ? "200" : `${rej.status}:${rej.code}`, cancel: can.status === 200 ? "200" : `${can.status}:${can.code}` };
    });
  const up = await cross(orders.slice(0, half));
  ctx.log(`${up.length} crossings with the workers up; stopping both workers for the rest`);
  await Promise.all(ctx.procs.workers.map((w) => terminate(w)));
  const down = await cross(orders.slice(half));
  ctx.log(`${down.length} crossings with the workers down; starting them again`);
  ctx.procs.workers = await Promise.all([startWorker(ctx.cfg, 0), startWorker(ctx.cfg, 1)]);
  const all = [...up, ...down];
  const both = all.filter((x) => x.reject === "200" && x.cancel === "200");
  const none = all.filter((x) => x.reject !== "200" && x.cancel !== "200");
  checks.push(check(both.length === 0, `both reject and cancel answered 200: ${both.length}${both.length ? ` (e.g. ${both.slice(0, 3).map((x) => x.orderId).join(", ")})` : ""}`));
  checks.push(check(none.length === 0, `neither won: ${none.length}${none.length ? ` (e.g. ${none.slice(0, 3).map((x) => `${x.orderId} reject ${x.reject} cancel ${x.cancel}`).join("; ")})` : ""}`));
  const losers = {};
  for (const x of all) {
    const l = x.reject === "200" ? `cancel ${x.cancel}` : x.cancel === "200" ? `reject ${x.reject}` : null;
    if (l) losers[l] = (losers[l] ?? 0) + 1;
  }
  const wins = { reject: all.filter((x) => x.reject === "200" && x.cancel !== "200").length, cancel: all.filter((x) => x.cancel === "200" && x.reject !== "200").length };
  return {
    load,
    notes: [`${all.length} crossings (${up.length} workers up, ${down.length} workers down): reject won ${wins.reject}, cancel won ${wins.cancel}; losers answered ${JSON.stringify(losers)}`],
    checks,
    // Checked after settling: one processor refund and one PaymentRefunded per crossed order.
    afterSettle: async () => exactlyOneRefund(ctx, all.map((x) => x.orderId)),
  };
}

/** Exactly one processor refund and exactly one PaymentRefunded per order, status ended. */
async function exactlyOneRefund(ctx, orderIds) {
  const { rows } = await ctx.db.query(
    `SELECT o.id, o.status::text AS status, p.provider_ref, p.status::text AS payment,
            (SELECT count(*)::int FROM outbox_events e WHERE e.order_id = o.id AND e.type = 'PaymentRefunded') AS refunded_events
       FROM ordering_orders o JOIN payment_payments p ON p.order_id = o.id WHERE o.id = ANY($1::uuid[])`,
    [orderIds],
  );
  const refunds = await each(rows, 8, async (r) => (await processorRefunds(ctx.cfg.processorUrl, r.provider_ref)).length);
  const bad = rows.filter((r, i) => refunds[i] !== 1 || r.refunded_events !== 1 || !["REJECTED", "CANCELLED"].includes(r.status) || r.payment !== "REFUNDED");
  return [
    check(
      bad.length === 0 && rows.length === orderIds.length,
      `exactly one processor refund, one PaymentRefunded, order ended and payment REFUNDED: ${rows.length - bad.length} of ${orderIds.length}` +
        (bad.length ? ` (e.g. ${bad.slice(0, 3).map((r) => `${r.id} ${r.status}/${r.payment} refunds ${refunds[rows.indexOf(r)]} events ${r.refunded_events}`).join("; ")})` : ""),
    ),
  ];
}

// ── 8: one key, two carts (M1) ───────────────────────────────────────────────────────────────

async function sameKeyTwoCarts(ctx) {
  const N = 50;
  const pairs = await each(Array.from({ length: N }, (_, i) => i), 10, async (i) => {
    const c = ctx.customers[i % ctx.customers.length];
    const item = ctx.catalog[i % ctx.catalog.length];
    const key = globalThis.crypto.randomUUID();
    const a = checkout(item.storeId, [{ bouquetId: item.bouquetId, quantity: 1 }], key);
    const b = checkout(item.storeId, [{ bouquetId: item.bouquetId, quantity: 3 }], key);
    const [ra, rb] = await Promise.all([placeWithRetries(ctx.bases, c.cookie, a, { first: 0 }), placeWithRetries(ctx.bases, c.cookie, b, { first: 1 })]);
    return { key, customerId: c.id, a: { ...ra, customerId: c.id }, b: { ...rb, customerId: c.id } };
  });
  const results = pairs.flatMap((p) => [p.a, p.b]);
  const load = summarizeLoad(results);
  const twoPlaced = pairs.filter((p) => p.a.outcome === "placed" && p.b.outcome === "placed");
  const nonePlaced = pairs.filter((p) => p.a.outcome !== "placed" && p.b.outcome !== "placed");
  const wrongLoser = pairs.filter((p) => {
    const loser = p.a.outcome === "placed" ? p.b : p.b.outcome === "placed" ? p.a : null;
    return loser && !(loser.outcome === "refused" && loser.code === "IDEMPOTENCY_KEY_REUSED");
  });
  // What the processor saw for every attempt of each key: only the winning (ORDERED) attempt may
  // have a charge there — a loser is refused before the card is touched (M1).
  const loserCharges = await each(pairs, 8, async (p) => {
    const { rows } = await ctx.db.query(`SELECT charge_key, status FROM payment_attempts WHERE customer_id = $1 AND idempotency_key = $2 AND status <> 'ORDERED'`, [p.customerId, p.key]);
    const found = await Promise.all(rows.map((r) => fetch(`${ctx.cfg.processorUrl}/v1/charges/by-key/${encodeURIComponent(r.charge_key)}`).then((x) => (x.ok ? x.json() : null))));
    return found.filter(Boolean).map((c) => `${c.id} ${c.status} ${c.amountWon} won`);
  });
  const extraCharges = pairs.map((p, i) => ({ key: p.key, charges: loserCharges[i] })).filter((x) => x.charges.length > 0);
  return {
    load,
    notes: [`${N} pairs: ${pairs.length - twoPlaced.length - nonePlaced.length} with one order; losers answered ${JSON.stringify(countBy(pairs.map((p) => (p.a.outcome === "placed" ? p.b : p.a)).map((r) => r.code ?? r.outcome)))}`],
    checks: [
      check(twoPlaced.length === 0, `pairs where both carts got an order: ${twoPlaced.length}${twoPlaced.length ? ` (e.g. key ${twoPlaced[0].key} → ${twoPlaced[0].a.orderId} / ${twoPlaced[0].b.orderId})` : ""}`),
      check(nonePlaced.length === 0, `pairs where neither cart got an order: ${nonePlaced.length}${nonePlaced.length ? ` (e.g. key ${nonePlaced[0].key}: ${nonePlaced[0].a.answers.join(",")} / ${nonePlaced[0].b.answers.join(",")})` : ""}`),
      check(wrongLoser.length === 0, `losers not refused with IDEMPOTENCY_KEY_REUSED: ${wrongLoser.length}`),
      check(extraCharges.length === 0, `keys whose losing attempt reached the processor: ${extraCharges.length}${extraCharges.length ? ` (e.g. key ${extraCharges[0].key}: ${extraCharges[0].charges.join(", ")})` : ""}`),
    ],
  };
}

const countBy = (xs) => xs.reduce((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {});

// ── 9: the last unit (M5) ────────────────────────────────────────────────────────────────────

async function lastUnit(ctx) {
  const N = 20;
  const b = ctx.lastUnit;
  await ctx.db.query(
    `UPDATE store_bouquets SET stock = 1, updated_at = now(),
            stock_baseline = 1 + (SELECT COALESCE(sum(quantity), 0)::int FROM store_stock_reservations WHERE bouquet_id = $1 AND released_at IS NULL)
      WHERE id = $1`,
    [b.bouquetId],
  );
  const buyers = ctx.customers.slice(0, N);
  const results = await Promise.all(
    buyers.map((c, i) =>
      placeWithRetries(ctx.bases, c.cookie, checkout(b.storeId, [{ bouquetId: b.bouquetId, quantity: 1 }]), { first: i }).then((r) => ({ ...r, customerId: c.id, cookie: c.cookie })),
    ),
  );
  const load = summarizeLoad(results);
  const winners = results.filter((r) => r.outcome === "placed");
  const losers = results.filter((r) => r.outcome !== "placed");
  const stockNow = async () => (await ctx.db.query(`SELECT stock, stock_baseline FROM store_bouquets WHERE id = $1`, [b.bouquetId])).rows[0];
  const afterSale = await stockNow();
  const chargedLosers = await each(losers, 8, async (r) => {
    const { rows } = await ctx.db.query(`SELECT charge_key FROM payment_attempts WHERE customer_id = $1 AND idempotency_key = $2`, [r.customerId, r.key]);
    const found = await Promise.all(rows.map((a) => fetch(`${ctx.cfg.processorUrl}/v1/charges/by-key/${encodeURIComponent(a.charge_key)}`).then((x) => (x.ok ? x.json() : null))));
    return found.filter(Boolean).length;
  });
  const checks = [
    check(winners.length === 1, `orders for the last unit: ${winners.length} (want 1)`),
    check(losers.every((r) => r.code === "OUT_OF_STOCK"), `the others told sold out: ${losers.filter((r) => r.code === "OUT_OF_STOCK").length} of ${losers.length} (${JSON.stringify(countBy(losers.map((r) => r.code ?? r.outcome)))})`),
    check(chargedLosers.every((n) => n === 0), `losers charged at the processor: ${chargedLosers.filter((n) => n > 0).length}`),
    check(afterSale.stock === 0, `stock after the sale: ${afterSale.stock} (want 0)`),
  ];
  // Then the owner accepts the order and the customer cancels it: the unit comes back, once.
  let finalStock = null;
  if (winners.length === 1) {
    const w = winners[0];
    await onBoard(ctx, [w.orderId]);
    const acc = await call(ctx.bases[0], ctx.demo.owner.cookie, "store.accept", { orderId: w.orderId });
    await until(async () => (await ctx.db.query(`SELECT status::text FROM ordering_orders WHERE id = $1`, [w.orderId])).rows[0]?.status === "ACCEPTED", 30_000);
    const can = await call(ctx.bases[1], w.cookie, "order.cancel", { orderId: w.orderId, reason: "chaos: last unit back" });
    checks.push(check(acc.status === 200 && can.status === 200, `accept then cancel of the winner: ${acc.status}${acc.code ? ` ${acc.code}` : ""} / ${can.status}${can.code ? ` ${can.code}` : ""}`));
    finalStock = async () => {
      const s = await stockNow();
      return [check(s.stock === 1 && s.stock_baseline >= 1, `stock after the accept and the cancel: ${s.stock} (want 1, baseline ${s.stock_baseline})`)];
    };
  }
  return { load, notes: [`bouquet ${b.bouquetId} at stock 1, ${N} buyers at once`], checks, afterSettle: finalStock ?? undefined };
}

// ── 10: refunds failing at the processor (M4) ────────────────────────────────────────────────

async function refundOutage(ctx) {
  const N = 30;
  const outageSec = ctx.opts.long ? 120 : 30;
  const items = Array.from({ length: N }, (_, i) => ({ ...ctx.ownerCatalog[i % ctx.ownerCatalog.length], customerId: ctx.customers[i % ctx.customers.length].id, cookie: ctx.customers[i % ctx.customers.length].cookie }));
  const placed = await placeMany(ctx, (it) => it.cookie, items);
  const load = summarizeLoad(placed);
  const ok = placed.map((r, i) => ({ ...r, item: items[i] })).filter((r) => r.outcome === "placed");
  await onBoard(ctx, ok.map((r) => r.orderId));
  const res = await fetch(`${ctx.cfg.processorUrl}/v1/sandbox/config`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ refundOutageSeconds: outageSec }) });
  if (!res.ok) throw new Error(`processor config: HTTP ${res.status}`);
  const outageEnds = Date.now() + outageSec * 1000;
  ctx.log(`processor refunds fail (503) for ${outageSec} s; rejecting ${Math.ceil((ok.length * 2) / 3)} orders and cancelling the rest meanwhile`);
  // Spread the ends over the first half of the outage: rejects by the owner, some cancels by the customers.
  const spread = (outageSec * 500) / Math.max(1, ok.length);
  const ends = await each(ok, 3, async (r, i) => {
    await sleep(spread * (i % 3 === 0 ? 1 : 0.5));
    const a =
      i % 3 === 2
        ? await call(ctx.bases[i % 2], r.item.cookie, "order.cancel", { orderId: r.orderId, reason: "chaos: refund outage" })
        : await call(ctx.bases[i % 2], ctx.demo.owner.cookie, "store.reject", { orderId: r.orderId, reason: "OUT_OF_MATERIALS" });
    return a.status === 200 ? "200" : `${a.status}:${a.code}`;
  });
  const ids = ok.map((r) => r.orderId);
  // While it lasts: no refund can go through, and the failures are visible (attempts, last error).
  const refundState = async () =>
    (
      await ctx.db.query(
        `SELECT count(*) FILTER (WHERE status = 'REFUND_PENDING' AND refund_attempts > 0)::int AS failing,
                count(*) FILTER (WHERE status = 'REFUNDED')::int AS refunded,
                max(refund_attempts)::int AS max_attempts, max(refund_last_error) AS last_error
           FROM payment_payments WHERE order_id = ANY($1::uuid[])`,
        [ids],
      )
    ).rows[0];
  const seen = await until(async () => {
    const r = await refundState();
    return r.failing > 0 ? r : false;
  }, Math.max(0, outageEnds - Date.now() - 2000));
  await sleep(Math.max(0, outageEnds - 1500 - Date.now())); // the outage's own length, not a settle wait
  const during = await refundState();
  ctx.log(`near the outage's end: ${during.failing} refunds failing and retried (up to ${during.max_attempts} attempts), ${during.refunded} refunded; last error: ${String(during.last_error ?? seen?.last_error ?? "none").slice(0, 140)}`);
  await sleep(Math.max(0, outageEnds - Date.now()));
  ctx.log("refund outage over: the processor refunds again");
  return {
    load,
    notes: [`refund outage ${outageSec} s; ends answered ${JSON.stringify(countBy(ends))}; refunds failing near its end: ${during.failing} (up to ${during.max_attempts} attempts each)`],
    checks: [
      check(ends.every((e) => e === "200"), `every reject/cancel accepted during the outage: ${ends.filter((e) => e === "200").length} of ${ends.length}`),
      check(Boolean(seen) && during.failing > 0, `refund failures visible during the outage (payments REFUND_PENDING with refund_attempts > 0): ${during.failing}`),
      check(during.refunded === 0, `refunds completed while the processor refused them: ${during.refunded}`),
    ],
    afterSettle: async () => exactlyOneRefund(ctx, ids),
    settleFromNow: true,
  };
}

export const SCENARIOS = [
  { id: 1, name: "steady load, no fault", run: steady },
  { id: 2, name: "SIGKILL web1 mid-load, restart", run: killWeb },
  { id: 3, name: "SIGKILL worker1 mid-load, restart", run: killWorker },
  { id: 4, name: "SIGKILL processor mid-load, restart (same ledger)", run: killProcessor },
  { id: 5, name: "SIGKILL Redis mid-load, restart EMPTY (E1)", run: redisLoss },
  { id: 6, name: "pg_terminate_backend of every app connection (E3)", run: terminateConnections },
  { id: 7, name: "50 crossings reject × cancel (M3)", run: crossings },
  { id: 8, name: "same key, two carts at once, 50 pairs (M1)", run: sameKeyTwoCarts },
  { id: 9, name: "20 customers buy the last unit (M5)", run: lastUnit },
  { id: 10, name: "refunds failing at the processor, then recovery (M4)", run: refundOutage },
];
