// The payment port over HTTP: Bloom's adapter to the card processor (in development and tests the
// sandbox processor, apps/processor — a process of its own with its own ledger, like a provider's
// test mode). Idempotency keys, fingerprints and "in progress" are the processor's business; this
// adapter maps its answers onto the port: declines are answers, 5xx and network failures are
// PaymentProviderError (retryable, counted by the breaker), key conflicts are
// IdempotencyConflictError (nothing charged).
import {
  IdempotencyConflictError,
  PaymentProviderError,
  type ChargeRequest,
  type ChargeResult,
  type PaymentGateway,
  type ProcessorCharge,
} from "@bloom/domain";

type ProcessorError = { error?: { type?: string; code?: string; message?: string } };
type Answer = { status: number; headers: Headers; body: unknown };

/** The processor's JSON for a charge (GET /v1/charges…, POST /v1/charges 200). */
export type ProcessorChargeJson = {
  id: string;
  idempotencyKey: string;
  amountWon: number;
  status: ProcessorCharge["status"];
  brand: string | null;
  last4: string | null;
  declineCode?: string;
  declineReason?: string | null;
  createdAt: string;
  updatedAt: string;
};
export type ProcessorRefundJson = { id: string; charge: string; idempotencyKey: string; amountWon: number; status: "succeeded"; createdAt: string };

/** Test-mode settings of the sandbox processor (POST /v1/sandbox/config). */
export type SandboxSettings = {
  /** "0", "250" or "400-620" (ms, uniform in the range). */
  latencyMs?: string;
  /** 0..1: share of charges failing with a processing error. */
  failureRate?: number;
  /** Every charge fails (502) for this long from now; 0 ends an outage. */
  outageSeconds?: number;
  refundLatencyMs?: string;
  /** Every refund answers 503 for this long from now; 0 ends it. */
  refundOutageSeconds?: number;
};
export type SandboxState = {
  latencyMs: string;
  latency: { min: number; max: number };
  failureRate: number;
  outageUntil: number | null;
  refundLatencyMs: string;
  refundLatency: { min: number; max: number };
  refundOutageUntil: number | null;
  now: number;
};

async function call(
  base: string,
  method: "GET" | "POST",
  path: string,
  opts: { body?: unknown; key?: string; timeoutMs: number; signal?: AbortSignal },
): Promise<Answer> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      signal,
      headers: {
        ...(opts.body !== undefined ? { "content-type": "application/json" } : {}),
        ...(opts.key !== undefined ? { "idempotency-key": opts.key } : {}),
      },
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
  } catch (e) {
    const why = timeout.aborted ? `no answer within ${opts.timeoutMs} ms` : opts.signal?.aborted ? "the call was aborted" : (e as Error).message;
    throw new PaymentProviderError(`The card processor could not be reached (${method} ${path}: ${why})`);
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // an empty or non-JSON answer (a proxy's error page): judged by its status below
  }
  return { status: res.status, headers: res.headers, body };
}

const errorOf = (a: Answer) => (a.body as ProcessorError | null)?.error ?? {};
const messageOf = (a: Answer) => errorOf(a).message ?? `HTTP ${a.status}`;

/** Anything the adapter cannot read as an answer: 5xx and unexpected statuses. */
function unexpected(what: string, a: Answer): Error {
  if (a.status >= 500 || a.status === 429) return new PaymentProviderError(`The card processor failed (${what}: ${messageOf(a)})`);
  return new Error(`The card processor refused ${what} (HTTP ${a.status}${errorOf(a).code ? ` ${errorOf(a).code}` : ""}: ${messageOf(a)})`);
}

export const toProcessorCharge = (c: ProcessorChargeJson): ProcessorCharge => ({
  providerRef: c.id,
  idempotencyKey: c.idempotencyKey,
  amountWon: c.amountWon,
  status: c.status,
  createdAt: c.createdAt,
});

export type ProcessorGatewayOptions = {
  /** Longest wait for any one call; the breaker's timeout (req.signal) cuts a charge shorter. */
  timeoutMs?: number;
};

export class HttpProcessorGateway implements PaymentGateway {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(baseUrl: string, opts: ProcessorGatewayOptions = {}) {
    this.base = baseUrl.replace(/\/+$/, "");
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    const a = await call(this.base, "POST", "/v1/charges", {
      key: req.idempotencyKey,
      body: { amountWon: req.amountWon, card: req.card, ...(req.description !== undefined ? { description: req.description } : {}) },
      timeoutMs: this.timeoutMs,
      signal: req.signal,
    });
    const err = errorOf(a);
    switch (a.status) {
      case 200: {
        const c = a.body as ProcessorChargeJson;
        return { outcome: "APPROVED", providerRef: c.id, amountWon: c.amountWon, brand: c.brand ?? "", last4: c.last4 ?? "" };
      }
      case 402:
        if (err.code === "charge_voided") return { outcome: "DECLINED", reason: "This payment was cancelled" };
        if (err.code === "insufficient_funds") return { outcome: "INSUFFICIENT_FUNDS", reason: err.message ?? "Insufficient funds on this card" };
        return { outcome: "DECLINED", reason: err.message ?? "The card was declined" };
      case 409:
        if (err.code === "idempotency_key_in_use") {
          const retryAfter = Number(a.headers.get("retry-after"));
          throw new IdempotencyConflictError("IN_PROGRESS", Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 1);
        }
        throw unexpected("the charge", a);
      case 422:
        throw new IdempotencyConflictError("MISMATCH");
      default:
        throw unexpected("the charge", a);
    }
  }

  async void(idempotencyKey: string): Promise<void> {
    const a = await call(this.base, "POST", "/v1/voids", { body: { idempotencyKey }, timeoutMs: this.timeoutMs });
    if (a.status !== 200) throw unexpected("the void", a);
  }

  async refund(req: { providerRef: string; amountWon: number; idempotencyKey: string }): Promise<void> {
    const a = await call(this.base, "POST", "/v1/refunds", {
      key: req.idempotencyKey,
      body: { charge: req.providerRef, amountWon: req.amountWon },
      timeoutMs: this.timeoutMs,
    });
    if (a.status === 200) return;
    if (a.status === 409 && errorOf(a).code === "charge_already_refunded") {
      // Refunded under another key: one payment must have exactly one refund key, so this is a bug.
      throw new Error(`Charge ${req.providerRef} was already refunded under another idempotency key than ${req.idempotencyKey}`);
    }
    throw unexpected(`the refund of ${req.providerRef}`, a);
  }

  async findCharges(idempotencyKeys: string[]): Promise<Map<string, ProcessorCharge>> {
    const found = new Map<string, ProcessorCharge>();
    for (let i = 0; i < idempotencyKeys.length; i += 500) {
      const a = await call(this.base, "POST", "/v1/charges/lookup", { body: { idempotencyKeys: idempotencyKeys.slice(i, i + 500) }, timeoutMs: this.timeoutMs });
      if (a.status !== 200) throw unexpected("the charges lookup", a);
      for (const c of (a.body as { data: ProcessorChargeJson[] }).data) found.set(c.idempotencyKey, toProcessorCharge(c));
    }
    return found;
  }

  async findCharge(idempotencyKey: string): Promise<ProcessorCharge | null> {
    const a = await call(this.base, "GET", `/v1/charges/by-key/${encodeURIComponent(idempotencyKey)}`, { timeoutMs: this.timeoutMs });
    if (a.status === 404) return null;
    if (a.status !== 200) throw unexpected("the charge lookup", a);
    return toProcessorCharge(a.body as ProcessorChargeJson);
  }
}

/**
 * The sandbox processor's own API beyond the port: its test-mode controls and its ledger, for
 * tests, the benchmark and audits (a real provider has a dashboard and a reporting API for this).
 */
export class ProcessorControl {
  private readonly base: string;

  constructor(
    baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {
    this.base = baseUrl.replace(/\/+$/, "");
  }

  private async json<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const a = await call(this.base, method, path, { body, timeoutMs: this.timeoutMs });
    if (a.status !== 200) throw unexpected(`${method} ${path}`, a);
    return a.body as T;
  }

  config(): Promise<SandboxState> {
    return this.json("GET", "/v1/sandbox/config");
  }

  configure(settings: SandboxSettings): Promise<SandboxState> {
    return this.json("POST", "/v1/sandbox/config", settings);
  }

  /** Empties the ledger and restores the test-mode defaults the processor started with. */
  reset(): Promise<SandboxState> {
    return this.json("POST", "/v1/sandbox/reset", {});
  }

  async charges(filter: { createdGte?: Date | string; status?: ProcessorCharge["status"]; limit?: number } = {}): Promise<ProcessorChargeJson[]> {
    const q = new URLSearchParams();
    if (filter.createdGte) q.set("created_gte", typeof filter.createdGte === "string" ? filter.createdGte : filter.createdGte.toISOString());
    if (filter.status) q.set("status", filter.status);
    q.set("limit", String(filter.limit ?? 100_000));
    return (await this.json<{ data: ProcessorChargeJson[] }>("GET", `/v1/charges?${q}`)).data;
  }

  async charge(id: string): Promise<ProcessorChargeJson | null> {
    const a = await call(this.base, "GET", `/v1/charges/${encodeURIComponent(id)}`, { timeoutMs: this.timeoutMs });
    if (a.status === 404) return null;
    if (a.status !== 200) throw unexpected(`GET /v1/charges/${id}`, a);
    return a.body as ProcessorChargeJson;
  }

  async chargeByKey(idempotencyKey: string): Promise<ProcessorChargeJson | null> {
    const a = await call(this.base, "GET", `/v1/charges/by-key/${encodeURIComponent(idempotencyKey)}`, { timeoutMs: this.timeoutMs });
    if (a.status === 404) return null;
    if (a.status !== 200) throw unexpected("the charge lookup", a);
    return a.body as ProcessorChargeJson;
  }

  async refunds(chargeId: string): Promise<ProcessorRefundJson[]> {
    return (await this.json<{ data: ProcessorRefundJson[] }>("GET", `/v1/refunds?charge=${encodeURIComponent(chargeId)}`)).data;
  }
}
