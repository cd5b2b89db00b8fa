// Scenarios 2 and 3 — the payment processor slowed to 400–620 ms (the report's overload test), and
// a processor outage in the middle of a run (the circuit breaker's behaviour and recovery). The
// sandbox processor runs as its own process; /api/sandbox (SANDBOX_CONTROL=on) forwards these
// settings to its test-mode API, and the integrity counts read its ledger through its API.
import { checkoutBody } from "../lib/http.mjs";
import { load, statusCounts, summarize } from "../lib/load.mjs";
import { sleep } from "../../scripts/lib/services.mjs";
import { row } from "./place-order.mjs";

export const SLOW_PAYMENT = "400-620";

export async function sandbox(base, command) {
  const res = await fetch(`${base}/api/sandbox`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(command) });
  if (!res.ok) throw new Error(`sandbox control: HTTP ${res.status} (is SANDBOX_CONTROL=on?)`);
  return res.json();
}

/** The processor's ledger since `from` (its own API: the processor is a process of its own). */
async function processorCharges(processorUrl, from) {
  const res = await fetch(`${processorUrl}/v1/charges?created_gte=${encodeURIComponent(from.toISOString())}&limit=100000`);
  if (!res.ok) throw new Error(`processor ledger: HTTP ${res.status}`);
  return (await res.json()).data;
}

/**
 * The app's payments against the processor's ledger, for orders and charges since `from`:
 * unpaid = an order without a payment, or with an APPROVED payment whose charge is not CAPTURED at
 * the processor; orphans = CAPTURED charges with no payment row; voided = charges voided by key.
 */
export async function paymentIntegrity(db, processorUrl, from) {
  const charges = await processorCharges(processorUrl, from);
  const byId = new Map(charges.map((c) => [c.id, c]));
  const { rows: orders } = await db.query(
    `SELECT p.status::text AS status, p.provider_ref AS "providerRef"
       FROM ordering_orders o LEFT JOIN payment_payments p ON p.order_id = o.id
      WHERE o.created_at >= $1`,
    [from],
  );
  let unpaid = 0;
  for (const o of orders) {
    if (o.status === null) unpaid++;
    else if (o.status === "APPROVED") {
      // A charge made just before `from` (its order right after) is looked up on its own.
      let charge = byId.get(o.providerRef);
      if (!charge) {
        const res = await fetch(`${processorUrl}/v1/charges/${encodeURIComponent(o.providerRef)}`);
        charge = res.ok ? await res.json() : undefined;
      }
      if (charge?.status !== "CAPTURED") unpaid++;
    }
  }
  const captured = charges.filter((c) => c.status === "CAPTURED").map((c) => c.id);
  const { rows: paid } = await db.query(`SELECT provider_ref AS "providerRef" FROM payment_payments WHERE provider_ref = ANY($1::text[])`, [captured]);
  const withPayment = new Set(paid.map((r) => r.providerRef));
  return {
    unpaid,
    orphans: captured.filter((id) => !withPayment.has(id)).length,
    voided: charges.filter((c) => c.status === "VOIDED").length,
  };
}

/** Waits until the web has answered everything in flight (no order stored for 2 s), bounded. */
async function quiet(db, ms = 30_000) {
  const deadline = Date.now() + ms;
  let last = -1;
  while (Date.now() < deadline) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM ordering_orders`);
    if (rows[0].n === last) return;
    last = rows[0].n;
    await sleep(2000);
  }
}

export async function overloadScenario(ctx, { connections = 100, duration = 60 } = {}) {
  const { base, customerCookies, catalog, db } = ctx;
  let n = 0;
  const body = () => checkoutBody(catalog[n++ % catalog.length]);
  await sandbox(base, { latencyMs: SLOW_PAYMENT });
  const from = new Date();
  ctx.log(`overload: payment ${SLOW_PAYMENT} ms, ${connections} users, ${duration} s`);
  const r = await load({ base, method: "POST", path: "/api/trpc/order.place", cookies: customerCookies, body, connections, duration });
  await sandbox(base, { latencyMs: "0" });
  await quiet(db);
  const integrity = await paymentIntegrity(db, ctx.cfg.processorUrl, from);
  const ok = summarize(r, (s) => s >= 200 && s < 300);
  const all = summarize(r);
  const transport = [...r.errors.values()].reduce((a, b) => a + b, 0);
  const serverErrors = summarize(r, (s) => s >= 500).count + transport;
  const meanPaymentMs = 510; // mean of the uniform 400–620 ms latency
  return {
    rows: [row("2 overload (payment 400-620 ms)", ok, statusCounts(r), all)],
    json: {
      ordersPerSec: ok.perSec,
      availability: ok.count / (all.count + transport),
      littleBound: connections / (meanPaymentMs / 1000),
      serverErrors,
      unpaidOrders: integrity.unpaid,
      orphanCharges: integrity.orphans,
      voidedCharges: integrity.voided,
      answered: all.count,
      p50Ms: all.p50Ms,
      p95Ms: all.p95Ms,
      p99Ms: all.p99Ms,
      connections,
      durationSec: duration,
      statuses: statusCounts(r),
    },
    series: { overload: r },
  };
}

/**
 * Orders at a steady offered rate (paced, not closed-loop: clients that get "busy" do not retry
 * in a tight loop, as the Retry-After asks) with the slowed processor; the processor fails every
 * charge from `outageAt` for `outageSec` seconds.
 */
export async function outageScenario(ctx, { rate, connections = 100, duration = 30, outageAt = 10, outageSec = 10 } = {}) {
  const { base, customerCookies, catalog, db } = ctx;
  let n = 0;
  const body = () => checkoutBody(catalog[n++ % catalog.length]);
  await sandbox(base, { latencyMs: SLOW_PAYMENT });
  const from = new Date();
  ctx.log(`outage: ${rate} orders/s offered, payment ${SLOW_PAYMENT} ms, every charge fails from t=${outageAt} s for ${outageSec} s`);
  let outage;
  const trigger = sleep(outageAt * 1000).then(async () => (outage = await sandbox(base, { outageSeconds: outageSec })));
  const r = await load({ base, method: "POST", path: "/api/trpc/order.place", cookies: customerCookies, body, connections, duration, rate });
  await trigger;
  await sandbox(base, { latencyMs: "0" });
  await quiet(db);
  const integrity = await paymentIntegrity(db, ctx.cfg.processorUrl, from);

  // Times relative to the run's start (ms). The server set the outage window on its own clock,
  // which is this machine's clock too.
  const start = outage.outageUntil - outageSec * 1000 - r.t0;
  const end = outage.outageUntil - r.t0;
  const ok = (s) => s >= 200 && s < 300;
  const before = summarize(r, ok, [2000, start]); // skip the first 2 s (warm-up)
  const busy = summarize(r, (s) => s === 503, [start, end + 6000]);
  const recoverySec = recovery(r, end, before.perSec);
  return {
    rows: [
      row("3 outage: busy answers (503)", busy, statusCounts(r), busy),
      row("3 outage: orders before outage", before, {}, summarize(r, () => true, [2000, start])),
    ],
    json: {
      busyP99Ms: busy.p99Ms,
      busyP50Ms: busy.p50Ms,
      busyAnswers: busy.count,
      recoverySec,
      offeredPerSec: rate,
      ordersPerSecBefore: before.perSec,
      outageStartSec: start / 1000,
      outageEndSec: end / 1000,
      unpaidOrders: integrity.unpaid,
      orphanCharges: integrity.orphans,
      statuses: statusCounts(r),
    },
    series: { outage: r, outageWindow: [start, end] },
  };
}

/**
 * Seconds from the outage's end until order throughput is back: the first successful order after
 * the end from which the next second holds at least 80 % of the pre-outage orders per second.
 */
function recovery(r, endMs, baselinePerSec) {
  const okAt = [];
  for (let i = 0; i < r.samples.t.length; i++) if (r.samples.status[i] >= 200 && r.samples.status[i] < 300) okAt.push(r.samples.t[i] - r.t0);
  okAt.sort((a, b) => a - b);
  for (const t of okAt) {
    if (t < endMs || t + 1000 > r.seconds * 1000) continue;
    const inWindow = okAt.filter((x) => x >= t && x < t + 1000).length;
    if (inWindow >= 0.8 * baselinePerSec) return (t - endMs) / 1000;
  }
  return null; // not back before the run ended
}
