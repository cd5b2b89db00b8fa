// The figures, from the databases, the processor's API and the queues (never from what clients
// were told). A window start (`since`) limits them to what a scenario created; `since = null`
// audits the whole run. Every figure comes with up to a few ids as evidence.
//   lost         paid orders (payment APPROVED/REFUND_PENDING/REFUNDED) with no store order (or one
//                still a tombstone without the order's total) or no MyPage row (or one that never
//                folded OrderPlaced)
//   duplicated   client keys with more than one order (in the database, or answered to a client);
//                charges refunded more than once at the processor; orders with more than one
//                PaymentRefunded event
//   unpaid       orders without a payment, or whose charge the processor does not have as
//                CAPTURED/REFUNDED with the order's total
//   orphan       charges the processor has CAPTURED with no payment row
//   stuck        attempts PENDING/VOIDING, payments REFUND_PENDING, unpublished outbox rows, failed
//                BullMQ jobs, charges still PROCESSING at the processor, store orders / MyPage rows
//                disagreeing with an order's terminal status (REJECTED/CANCELLED), ended orders
//                whose payment was never refunded, refunds we recorded that the processor lacks
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT, sleep } from "../../scripts/lib/services.mjs";

const require = createRequire(path.join(ROOT, "package.json"));
const { Queue } = require("bullmq");
const { Redis } = require("ioredis");
const pg = require("pg");

export const AUDIT_APP_NAME = "bloom-chaos-audit";
export const FIGURES = ["lost", "duplicated", "unpaid", "orphanCharges", "stuck"];

/** A small pg pool of the suite's own (named, so the E3 scenario does not terminate it), in UTC. */
export async function auditDb(url) {
  const db = new pg.Pool({ connectionString: url, max: 4, application_name: AUDIT_APP_NAME, options: "-c TimeZone=UTC", connectionTimeoutMillis: 5000 });
  db.on("error", () => {}); // an idle connection lost (PostgreSQL restarted) must not crash the suite
  await db.query("SELECT 1");
  return db;
}

// ── the processor's API ───────────────────────────────────────────────────────────────────────

async function processorJson(url, pathAndQuery) {
  const res = await fetch(`${url}${pathAndQuery}`, { signal: AbortSignal.timeout(15_000) });
  if (res.status === 404) return null;
  if (!res.ok) throw new Error(`processor ${pathAndQuery}: HTTP ${res.status}`);
  return res.json();
}

export async function processorCharges(url, since) {
  const q = new URLSearchParams({ limit: "100000" });
  if (since) q.set("created_gte", since.toISOString());
  return (await processorJson(url, `/v1/charges?${q}`)).data;
}

export async function processorRefunds(url, chargeId) {
  return (await processorJson(url, `/v1/refunds?charge=${encodeURIComponent(chargeId)}`))?.data ?? [];
}

/** Runs `fn(item, index)` over `items`, `limit` at a time; results in order. */
export async function each(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

// ── the queues ────────────────────────────────────────────────────────────────────────────────

/** Per policy: waiting/active/delayed/prioritized/paused/failed counts, and failed jobs since `since`. */
export async function queueState(redisUrl, prefix, policies, since) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
  connection.on("error", () => {});
  const out = { open: 0, failed: 0, failedIds: [], byPolicy: {} };
  try {
    for (const name of policies) {
      const q = new Queue(name, { connection, prefix });
      q.on("error", () => {});
      const c = await q.getJobCounts("waiting", "active", "delayed", "prioritized", "paused", "failed", "waiting-children");
      const open = c.waiting + c.active + c.delayed + c.prioritized + c.paused + (c["waiting-children"] ?? 0);
      let failed = c.failed;
      if (since && c.failed > 0) {
        const jobs = await q.getFailed(0, 10_000);
        const recent = jobs.filter((j) => j && j.timestamp >= since.getTime());
        failed = recent.length;
        for (const j of recent.slice(0, 3)) out.failedIds.push(`${name}/${j.id}: ${String(j.failedReason).slice(0, 160)}`);
      } else if (c.failed > 0) {
        for (const j of (await q.getFailed(0, 2)).filter(Boolean)) out.failedIds.push(`${name}/${j.id}: ${String(j.failedReason).slice(0, 160)}`);
      }
      out.byPolicy[name] = { ...c, open };
      out.open += open;
      out.failed += failed;
    }
  } finally {
    connection.disconnect();
  }
  return out;
}

// ── the audit ─────────────────────────────────────────────────────────────────────────────────

const sample = (rows, f = (r) => r.id ?? r.order_id ?? r) => rows.slice(0, 5).map(f);

/**
 * @param {object} o
 * @param {import("pg").Pool} o.db
 * @param {string} o.processorUrl
 * @param {string} o.redisUrl
 * @param {string} o.prefix         the workers' QUEUE_PREFIX
 * @param {string[]} o.policies
 * @param {Date|null} o.since       window start (null: everything)
 * @param {Array} [o.clientResults] answers clients got (placeWithRetries results)
 * @param {(db) => Promise<unknown[]>} [o.stockAudit]
 */
export async function audit(o) {
  const { db, since } = o;
  const w = since ?? new Date(0);
  const detail = {};
  const put = (name, rows, f) => {
    if (rows.length) detail[name] = { count: rows.length, sample: sample(rows, f) };
    return rows.length;
  };

  // lost
  const { rows: lostRows } = await db.query(
    `SELECT p.order_id, p.status::text AS payment, s.order_id IS NULL AS no_board, s.total_won AS board_total, p.amount_won,
            m.order_id IS NULL AS no_mypage, m.placed_at IS NULL AS mypage_unplaced
       FROM payment_payments p
       LEFT JOIN store_orders s ON s.order_id = p.order_id
       LEFT JOIN mypage_orders m ON m.order_id = p.order_id
      WHERE p.status IN ('APPROVED', 'REFUND_PENDING', 'REFUNDED') AND p.created_at >= $1
        AND (s.order_id IS NULL OR s.total_won <> p.amount_won OR m.order_id IS NULL OR m.placed_at IS NULL)`,
    [w],
  );
  const lostBoard = lostRows.filter((r) => r.no_board || r.board_total !== r.amount_won);
  const lostMyPage = lostRows.filter((r) => r.no_mypage || r.mypage_unplaced);
  put("lost: no store order", lostBoard, (r) => r.order_id);
  put("lost: no MyPage row", lostMyPage, (r) => r.order_id);
  // A client told "placed" (200 with an order id) whose order is not stored with its payment.
  const told = [...new Set((o.clientResults ?? []).filter((r) => r.outcome === "placed").map((r) => r.orderId))];
  const { rows: stored } = await db.query(
    `SELECT o.id FROM ordering_orders o JOIN payment_payments p ON p.order_id = o.id WHERE o.id = ANY($1::uuid[])`,
    [told.filter((id) => typeof id === "string")],
  );
  const storedIds = new Set(stored.map((r) => r.id));
  const toldLost = told.filter((id) => !storedIds.has(id));
  put("lost: answered placed, no stored order", toldLost, (id) => String(id));
  const lost = lostRows.length + toldLost.length;

  // the processor's ledger for the window
  const charges = await processorCharges(o.processorUrl, since);
  const chargeById = new Map(charges.map((c) => [c.id, c]));

  // unpaid
  const { rows: orders } = await db.query(
    `SELECT o.id, o.total_won, o.status::text AS status, p.amount_won, p.status::text AS payment, p.provider_ref
       FROM ordering_orders o LEFT JOIN payment_payments p ON p.order_id = o.id
      WHERE o.created_at >= $1`,
    [w],
  );
  const unpaidRows = [];
  for (const r of orders) {
    if (!r.provider_ref) {
      unpaidRows.push({ id: r.id, why: "no payment" });
      continue;
    }
    let c = chargeById.get(r.provider_ref);
    if (!c) {
      c = await processorJson(o.processorUrl, `/v1/charges/${encodeURIComponent(r.provider_ref)}`);
      if (c) chargeById.set(c.id, c);
    }
    if (!c) unpaidRows.push({ id: r.id, why: `charge ${r.provider_ref} unknown to the processor` });
    else if (!["CAPTURED", "REFUNDED"].includes(c.status)) unpaidRows.push({ id: r.id, why: `charge ${c.id} is ${c.status}` });
    else if (c.amountWon !== r.total_won || r.amount_won !== r.total_won) unpaidRows.push({ id: r.id, why: `total ${r.total_won}, payment ${r.amount_won}, captured ${c.amountWon}` });
  }
  const unpaid = put("unpaid", unpaidRows, (r) => `${r.id} (${r.why})`);

  // orphan charges
  const captured = charges.filter((c) => c.status === "CAPTURED");
  const { rows: withPayment } = await db.query(`SELECT provider_ref FROM payment_payments WHERE provider_ref = ANY($1::text[])`, [captured.map((c) => c.id)]);
  const paidRefs = new Set(withPayment.map((r) => r.provider_ref));
  const orphanRows = captured.filter((c) => !paidRefs.has(c.id));
  const orphanCharges = put("orphan charges", orphanRows, (c) => `${c.id} key ${c.idempotencyKey} ${c.amountWon} won`);

  // duplicated
  const { rows: dupKeys } = await db.query(
    `SELECT customer_id, idempotency_key, count(*)::int AS n FROM ordering_orders WHERE created_at >= $1
      GROUP BY 1, 2 HAVING count(*) > 1`,
    [w],
  );
  put("duplicated: key with several orders", dupKeys, (r) => `${r.idempotency_key} ×${r.n}`);
  const answered = new Map();
  for (const r of o.clientResults ?? []) {
    if (r.outcome !== "placed") continue;
    const k = `${r.customerId}/${r.key}`;
    (answered.get(k) ?? answered.set(k, new Set()).get(k)).add(r.orderId);
  }
  const dupAnswers = [...answered].filter(([, ids]) => ids.size > 1);
  put("duplicated: key answered with several orders", dupAnswers, ([k, ids]) => `${k} → ${[...ids].join(", ")}`);
  const refundable = orders.filter((r) => r.provider_ref && (["REFUND_PENDING", "REFUNDED"].includes(r.payment) || chargeById.get(r.provider_ref)?.status === "REFUNDED"));
  const refundsPerCharge = await each(refundable, 8, async (r) => ({ order: r.id, charge: r.provider_ref, refunds: await processorRefunds(o.processorUrl, r.provider_ref) }));
  put("duplicated: charge refunded more than once", refundsPerCharge.filter((x) => x.refunds.length > 1), (x) => `${x.charge} (order ${x.order}) ×${x.refunds.length}`);
  const { rows: dupRefundEvents } = await db.query(
    `SELECT e.order_id, count(*)::int AS n FROM outbox_events e JOIN ordering_orders o ON o.id = e.order_id
      WHERE e.type = 'PaymentRefunded' AND o.created_at >= $1 GROUP BY 1 HAVING count(*) > 1`,
    [w],
  );
  put("duplicated: several PaymentRefunded", dupRefundEvents, (r) => `${r.order_id} ×${r.n}`);
  const duplicated =
    dupKeys.length + dupAnswers.length + refundsPerCharge.filter((x) => x.refunds.length > 1).length + dupRefundEvents.length;

  // stuck
  const { rows: attempts } = await db.query(
    `SELECT id, status, charge_key, note FROM payment_attempts WHERE status IN ('PENDING', 'VOIDING') AND created_at >= $1`,
    [w],
  );
  let stuck = put("stuck: attempts PENDING/VOIDING", attempts, (r) => `${r.id} ${r.status} key ${r.charge_key}${r.note ? ` (${r.note.slice(0, 100)})` : ""}`);
  const { rows: refundPending } = await db.query(
    `SELECT p.order_id, p.refund_attempts, p.refund_last_error FROM payment_payments p JOIN ordering_orders o ON o.id = p.order_id
      WHERE p.status = 'REFUND_PENDING' AND o.created_at >= $1`,
    [w],
  );
  stuck += put("stuck: payments REFUND_PENDING", refundPending, (r) => `${r.order_id} attempts ${r.refund_attempts}${r.refund_last_error ? ` (${r.refund_last_error.slice(0, 100)})` : ""}`);
  const { rows: unpublished } = await db.query(
    `SELECT id, type, order_id, attempts FROM outbox_events WHERE published_at IS NULL AND occurred_at >= $1`,
    [w],
  );
  stuck += put("stuck: outbox rows unpublished", unpublished, (r) => `${r.type} ${r.id} (order ${r.order_id})`);
  const queues = await queueState(o.redisUrl, o.prefix, o.policies, since);
  if (queues.failed) detail["stuck: failed jobs"] = { count: queues.failed, sample: queues.failedIds };
  stuck += queues.failed;
  stuck += put("stuck: charges PROCESSING at the processor", charges.filter((c) => c.status === "PROCESSING"), (c) => `${c.id} key ${c.idempotencyKey}`);
  const { rows: disagree } = await db.query(
    `SELECT o.id, o.status::text AS "order", s.status::text AS store, m.order_status AS mypage, p.status::text AS payment
       FROM ordering_orders o
       LEFT JOIN store_orders s ON s.order_id = o.id
       LEFT JOIN mypage_orders m ON m.order_id = o.id
       LEFT JOIN payment_payments p ON p.order_id = o.id
      WHERE o.created_at >= $1
        AND (o.status IN ('REJECTED', 'CANCELLED') OR s.status IN ('REJECTED', 'CANCELLED') OR m.order_status IN ('REJECTED', 'CANCELLED'))
        AND (s.status::text IS DISTINCT FROM o.status::text OR m.order_status IS DISTINCT FROM o.status::text)`,
    [w],
  );
  stuck += put("stuck: store/MyPage status disagrees with the order's end", disagree, (r) => `${r.id} order ${r.order} store ${r.store} mypage ${r.mypage}`);
  const ended = orders.filter((r) => ["REJECTED", "CANCELLED"].includes(r.status));
  const neverRefunded = ended.filter((r) => r.payment === "APPROVED");
  stuck += put("stuck: ended order, payment still APPROVED", neverRefunded, (r) => `${r.id} ${r.status}`);
  const notAtProcessor = orders.filter((r) => r.payment === "REFUNDED" && chargeById.get(r.provider_ref) && chargeById.get(r.provider_ref).status !== "REFUNDED");
  stuck += put("stuck: REFUNDED here, not at the processor", notAtProcessor, (r) => `${r.id} charge ${r.provider_ref} ${chargeById.get(r.provider_ref).status}`);

  const stockDiffs = o.stockAudit ? await o.stockAudit() : [];
  if (stockDiffs.length) detail["stock audit differences"] = { count: stockDiffs.length, sample: stockDiffs.slice(0, 5).map((r) => JSON.stringify(r)) };

  const { rows: attemptCounts } = await db.query(`SELECT status, count(*)::int AS n FROM payment_attempts WHERE created_at >= $1 GROUP BY 1 ORDER BY 1`, [w]);

  return {
    figures: { lost, duplicated, unpaid, orphanCharges, stuck },
    stockDifferences: stockDiffs.length,
    queuesOpen: queues.open,
    queues: queues.byPolicy,
    detail,
    counts: {
      orders: orders.length,
      ended: ended.length,
      refunded: orders.filter((r) => r.payment === "REFUNDED").length,
      charges: charges.length,
      voided: charges.filter((c) => c.status === "VOIDED").length,
      processorRefunds: refundsPerCharge.reduce((n, x) => n + x.refunds.length, 0),
      attempts: Object.fromEntries(attemptCounts.map((r) => [r.status, r.n])),
    },
  };
}

export const clean = (a) => FIGURES.every((f) => a.figures[f] === 0) && a.stockDifferences === 0;

/**
 * Polls the audit (about once a second) until it is clean and no job is open, or `timeoutMs`
 * passes; returns the last audit with how long settling took. Errors of one round (a server
 * restarting) are retried until the deadline.
 */
export async function settle(o, timeoutMs) {
  const t0 = Date.now();
  const deadline = t0 + timeoutMs;
  let last = null;
  let lastError = null;
  for (;;) {
    const round = Date.now();
    try {
      last = await audit(o);
      lastError = null;
      if (clean(last) && last.queuesOpen === 0) return { ...last, settled: true, settleMs: Date.now() - t0 };
    } catch (e) {
      lastError = e;
    }
    if (Date.now() >= deadline) break;
    await sleep(Math.max(0, 1000 - (Date.now() - round)));
  }
  if (!last) throw lastError ?? new Error("audit never ran");
  return { ...last, settled: false, settleMs: Date.now() - t0, ...(lastError ? { auditError: String(lastError) } : {}) };
}
