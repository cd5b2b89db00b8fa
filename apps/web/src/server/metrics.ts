// Prometheus metrics of a web process (C9), served at /api/metrics: tRPC request rate and latency
// by procedure, order outcomes, the payment breaker's state and outcomes, rate-limit refusals.
// One registry per process (Next may load this module more than once, hence globalThis).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { services } from "./services";

const BREAKER_STATES = ["closed", "open", "half-open", "isolated"] as const;

function create() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "web" });
  collectDefaultMetrics({ register: registry, prefix: "bloom_web_" });
  const registers = [registry];

  const requests = new Counter({
    name: "bloom_trpc_requests_total",
    help: "tRPC calls by procedure, type and result code (OK or the tRPC error code)",
    labelNames: ["procedure", "type", "code"] as const,
    registers,
  });
  const duration = new Histogram({
    name: "bloom_trpc_request_duration_seconds",
    help: "tRPC query/mutation latency by procedure (subscriptions are long-lived and not timed)",
    labelNames: ["procedure", "type"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const placed = new Counter({ name: "bloom_orders_placed_total", help: "Orders placed (paid and stored)", registers });
  const refused = new Counter({
    name: "bloom_orders_place_refused_total",
    help: "Order placements refused, by domain code (PAYMENT_DECLINED, OUT_OF_STOCK, PAYMENT_BUSY, ...)",
    labelNames: ["code"] as const,
    registers,
  });
  const rejected = new Counter({ name: "bloom_orders_rejected_total", help: "Orders rejected by their store", registers });
  const cancelled = new Counter({ name: "bloom_orders_cancelled_total", help: "Orders cancelled by their customer", registers });
  const rateLimited = new Counter({
    name: "bloom_rate_limited_total",
    help: "Requests answered 429 by a rate limit",
    labelNames: ["limit"] as const,
    registers,
  });

  new Gauge({
    name: "bloom_payment_breaker_state",
    help: "Payment circuit breaker: 1 for the current state, 0 for the others",
    labelNames: ["state"] as const,
    registers,
    collect() {
      const now = services().payments.state;
      for (const s of BREAKER_STATES) this.set({ state: s }, s === now ? 1 : 0);
    },
  });
  // The breaker keeps plain counts; the counter catches up with them on every scrape.
  const seen: Record<string, number> = {};
  new Counter({
    name: "bloom_payment_charges_total",
    help: "Charges through the breaker by outcome (approved, declined, failed, timedOut, rejectedOpen)",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      for (const [outcome, n] of Object.entries(services().payments.counts)) {
        const delta = n - (seen[outcome] ?? 0);
        seen[outcome] = n;
        this.inc({ outcome }, delta);
      }
    },
  });

  return { registry, requests, duration, placed, refused, rejected, cancelled, rateLimited };
}

const g = globalThis as unknown as { __bloomMetrics?: ReturnType<typeof create> };
export const metrics = () => (g.__bloomMetrics ??= create());

type Outcome = { ok: true } | { ok: false; code: string };

/** Called by the tRPC middleware once per call. */
export function observeProcedure(procedure: string, type: string, seconds: number, outcome: Outcome) {
  const m = metrics();
  m.requests.inc({ procedure, type, code: outcome.ok ? "OK" : outcome.code });
  if (type !== "subscription") m.duration.observe({ procedure, type }, seconds);
}

/** What a use case answered, as far as the business metrics care. */
type CommandResult = { ok: true; replayed?: boolean; alreadyCancelled?: boolean } | { ok: false; code: string };

/**
 * The business metrics of the order commands (C9), counted in this one place from the use case's
 * answer, whichever API (tRPC or REST) carried the command: an order placed (a replayed
 * placement is not a new order), refused by its domain code, cancelled (a second cancellation
 * changes nothing), rejected by its store.
 */
export function countOrderCommand(command: "place" | "cancel" | "reject", r: CommandResult) {
  const m = metrics();
  if (!r.ok) {
    if (command === "place") m.refused.inc({ code: r.code });
    return;
  }
  if (command === "place" && !r.replayed) m.placed.inc();
  else if (command === "cancel" && !r.alreadyCancelled) m.cancelled.inc();
  else if (command === "reject") m.rejected.inc();
}
