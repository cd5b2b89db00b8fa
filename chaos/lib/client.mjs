// The customers' side: tRPC over HTTP with next-auth sessions (sign-in from bench/lib/http.mjs),
// `order.place` retried the way a real client retries — the SAME idempotency key after a network
// error (the other web process, as a balancer would), after 409 PAYMENT_IN_PROGRESS (Retry-After),
// 503 PAYMENT_BUSY (Retry-After), 429 and 502 PAYMENT_FAILED ("you were not charged — try again") —
// bounded in attempts and time; and a paced open-loop load spread over both web processes.
import { checkoutBody } from "../../bench/lib/http.mjs";
import { sleep } from "../../scripts/lib/services.mjs";

export { signIn } from "../../bench/lib/http.mjs";

/** One tRPC call; never throws: network failures come back as `{ status: 0, network }`. */
export async function call(base, cookie, proc, input, { method = "POST", timeoutMs = 20_000 } = {}) {
  const url = `${base}/api/trpc/${proc}`;
  let res;
  try {
    res =
      method === "GET"
        ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers: { cookie }, signal: AbortSignal.timeout(timeoutMs) })
        : await fetch(url, {
            method: "POST",
            headers: { cookie, "content-type": "application/json" },
            body: JSON.stringify({ json: input }),
            signal: AbortSignal.timeout(timeoutMs),
          });
  } catch (e) {
    return { status: 0, network: e.cause?.code ?? e.name ?? String(e) };
  }
  let body = null;
  try {
    body = await res.json();
  } catch {
    // a dying process may answer with an empty body
  }
  const err = body?.error?.json;
  const retryAfter = Number(res.headers.get("retry-after")) || err?.data?.retryAfterSec || null;
  return {
    status: res.status,
    data: body?.result?.data?.json,
    code: err ? (err.data?.domainCode ?? err.data?.code ?? "ERROR") : null,
    message: err?.message,
    retryAfter,
  };
}

/** A checkout of one or more bouquets of one store (bench's checkout shape), with the given key. */
export function checkout(storeId, items, idempotencyKey = globalThis.crypto.randomUUID()) {
  const body = JSON.parse(checkoutBody({ storeId, bouquetId: items[0].bouquetId })).json;
  return { ...body, storeId, items, idempotencyKey };
}

const RETRYABLE = new Set(["PAYMENT_IN_PROGRESS", "PAYMENT_BUSY", "PAYMENT_FAILED", "TOO_MANY_REQUESTS"]);

/**
 * Places one order as a client does: the same key on every retry, bounded by `maxAttempts` and
 * `deadlineMs`. Returns the outcome and every answer (for evidence).
 * `bases` are the web processes; a network failure moves to the next one.
 */
export async function placeWithRetries(bases, cookie, input, { first = 0, maxAttempts = 12, deadlineMs = 60_000 } = {}) {
  const until = Date.now() + deadlineMs;
  const answers = [];
  let at = first;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const base = bases[at % bases.length];
    const r = await call(base, cookie, "order.place", input, { timeoutMs: Math.max(1000, Math.min(20_000, until - Date.now())) });
    answers.push(r.status === 0 ? `net:${r.network}` : r.status === 200 ? "200" : `${r.status}:${r.code}`);
    if (r.status === 200) return { outcome: "placed", orderId: r.data?.id, orderIds: [r.data?.id], answers, key: input.idempotencyKey };
    let waitMs;
    if (r.status === 0) {
      at++; // connection refused / reset / timed out: try the other process, as a balancer would
      waitMs = 300 * attempt;
    } else if (RETRYABLE.has(r.code) || r.status >= 500 || r.status === 429) {
      waitMs = (r.retryAfter ?? 1) * 1000;
      if (r.status >= 500 && !RETRYABLE.has(r.code)) at++; // an internal error: the other process
    } else {
      return { outcome: "refused", code: r.code, status: r.status, message: r.message, answers, key: input.idempotencyKey };
    }
    if (Date.now() + waitMs >= until) break;
    await sleep(waitMs);
  }
  return { outcome: "gave-up", answers, key: input.idempotencyKey };
}

/**
 * Paced open-loop load: `rate` new orders a second for `seconds`, each with a fresh key, spread
 * round-robin over `bases` and `customers`; at most `maxInFlight` orders open at once (beyond it a
 * start is skipped and counted as `shed`). Resolves when every started order has finished.
 */
export async function paceOrders({ bases, customers, catalog, rate, seconds, maxInFlight = 200 }) {
  const results = [];
  const pending = new Set();
  let shed = 0;
  let n = 0;
  const t0 = Date.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / rate;
    if (Date.now() < due) await sleep(due - Date.now());
    if (pending.size >= maxInFlight) {
      shed++;
      continue;
    }
    const k = n++;
    const item = catalog[k % catalog.length];
    const customer = customers[k % customers.length];
    const input = checkout(item.storeId, [{ bouquetId: item.bouquetId, quantity: 1 + (k % 2) }]);
    const p = placeWithRetries(bases, customer.cookie, input, { first: k % bases.length }).then((r) => {
      results.push({ ...r, customerId: customer.id });
      pending.delete(p);
    });
    pending.add(p);
  }
  await Promise.all(pending);
  return summarizeLoad(results, shed);
}

export function summarizeLoad(results, shed = 0) {
  const refused = {};
  for (const r of results) if (r.outcome === "refused") refused[r.code] = (refused[r.code] ?? 0) + 1;
  const retried = results.filter((r) => r.answers.length > 1).length;
  return {
    attempted: results.length + shed,
    placed: results.filter((r) => r.outcome === "placed").length,
    refused,
    gaveUp: results.filter((r) => r.outcome === "gave-up").length,
    shed,
    retried,
    results,
  };
}
