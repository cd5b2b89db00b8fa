// The sandbox card processor's HTTP API: a card processor's test mode (Stripe's semantics for
// idempotency keys), over its own ledger. Test cards decide the outcome; latency, a random failure
// rate and outages are configurable at run time (POST /v1/sandbox/config) for fault tests and the
// benchmark. Every decision about a key is taken by the ledger atomically (see ledger.ts).
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { cardSchema, cardSummary, parseLatency, sandboxOutcome } from "@bloom/domain";
import type { Logger } from "pino";
import { z } from "zod";
import type { ChargeRow, ChargeStatus, Ledger, RefundRow } from "./ledger";
import { newId } from "./ledger";

// ── test-mode configuration ──────────────────────────────────────────────────────────────────

export type SandboxDefaults = { latencyMs: string; failureRate: number; refundLatencyMs: string };

export type SandboxState = {
  latencyMs: string;
  failureRate: number;
  /** Until this time (epoch ms) every charge fails with a processing error; null when never set. */
  outageUntil: number | null;
  refundLatencyMs: string;
  /** Until this time (epoch ms) every refund answers 503. */
  refundOutageUntil: number | null;
};

const latencySpec = z.string().trim().regex(/^\d+(\s*-\s*\d+)?$/, 'e.g. "0", "250" or "400-620"');
const configCommand = z
  .object({
    latencyMs: latencySpec.optional(),
    failureRate: z.number().min(0).max(1).optional(),
    outageSeconds: z.number().min(0).max(3600).optional(),
    refundLatencyMs: latencySpec.optional(),
    refundOutageSeconds: z.number().min(0).max(3600).optional(),
  })
  .strict();

const initialState = (d: SandboxDefaults): SandboxState => ({
  latencyMs: d.latencyMs,
  failureRate: d.failureRate,
  outageUntil: null,
  refundLatencyMs: d.refundLatencyMs,
  refundOutageUntil: null,
});

function stateJson(s: SandboxState) {
  return { ...s, latency: parseLatency(s.latencyMs), refundLatency: parseLatency(s.refundLatencyMs), now: Date.now() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function wait(spec: string) {
  const { min, max } = parseLatency(spec);
  return max > 0 ? sleep(min + Math.random() * (max - min)) : Promise.resolve();
}
const active = (until: number | null) => until !== null && Date.now() < until;

// ── request and answer shapes ────────────────────────────────────────────────────────────────

const key = z.string().min(1).max(255);
const chargeBody = z.object({
  amountWon: z.number().int().positive().max(2_000_000_000),
  card: cardSchema,
  description: z.string().max(5000).optional(),
});
const voidBody = z.object({ idempotencyKey: key });
const lookupBody = z.object({ idempotencyKeys: z.array(key).min(1).max(500) });
const refundBody = z.object({ charge: z.string().regex(/^ch_[0-9a-f]+$/, "a charge id (ch_…)"), amountWon: z.number().int().positive() });
const STATUSES = ["PROCESSING", "CAPTURED", "DECLINED", "VOIDED", "REFUNDED"] as const;
const listQuery = z.object({
  created_gte: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100_000).default(1000),
});

/** The request's fingerprint: what the key is bound to (the CVC is not part of the request's meaning). */
export function fingerprint(c: z.infer<typeof chargeBody>): string {
  return createHash("sha256")
    .update(JSON.stringify([c.amountWon, c.card.number, c.card.expiry, c.description ?? null]))
    .digest("hex");
}

export function chargeJson(r: ChargeRow) {
  return {
    id: r.id,
    idempotencyKey: r.idempotencyKey,
    amountWon: r.amountWon,
    status: r.status,
    brand: r.cardBrand,
    last4: r.cardLast4,
    ...(r.declineCode ? { declineCode: r.declineCode, declineReason: r.declineReason } : {}),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

const refundJson = (r: RefundRow) => ({
  id: r.id,
  charge: r.chargeId,
  idempotencyKey: r.idempotencyKey,
  amountWon: r.amountWon,
  status: "succeeded" as const,
  createdAt: r.createdAt.toISOString(),
});

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
const ok = (body: unknown): Answer => ({ status: 200, body });
const error = (status: number, type: string, message: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): Answer => ({
  status,
  body: { error: { type, message, ...extra } },
  ...(headers ? { headers } : {}),
});
const invalid = (issues: z.ZodError["issues"]): Answer => {
  const first = issues[0];
  return error(400, "invalid_request_error", first?.message ?? "Invalid request", { code: "parameter_invalid", param: first?.path.join(".") ?? null });
};
const notFound = (what: string) => error(404, "invalid_request_error", `No such ${what}`, { code: "resource_missing" });
const VOIDED = () => error(402, "card_error", "This payment was cancelled", { code: "charge_voided" });
const API_ERROR = (message: string) => error(502, "api_error", message);

class BadRequest extends Error {}

async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BadRequest("Request body too large");
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadRequest("The request body is not valid JSON");
  }
}

const headerOf = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

// ── the processor ────────────────────────────────────────────────────────────────────────────

export function createProcessor(opts: { ledger: Ledger; log: Logger; defaults: SandboxDefaults }) {
  const { ledger, log, defaults } = opts;
  let state = initialState(defaults);

  /** A known key: the stored outcome when the request is the same, a refusal otherwise. */
  function replay(row: ChargeRow, fp: string): Answer {
    if (row.fingerprint === null) return VOIDED(); // tombstone: voided before any charge arrived
    if (row.fingerprint !== fp) {
      return error(422, "idempotency_error", "This idempotency key was used for a different request", { code: "idempotency_key_reused" });
    }
    switch (row.status) {
      case "PROCESSING":
        return error(409, "idempotency_error", "A request with this idempotency key is still in progress", { code: "idempotency_key_in_use" }, { "retry-after": "1" });
      case "CAPTURED":
      case "REFUNDED":
        return ok(chargeJson(row));
      case "DECLINED":
        return error(402, "card_error", row.declineReason ?? "The card was declined", { code: row.declineCode ?? "card_declined", charge: row.id });
      case "VOIDED":
        return VOIDED();
    }
  }

  /** The row changed under us (voided, or the ledger reset): answer what the ledger now says. */
  async function current(id: string, fp: string): Promise<Answer> {
    const row = await ledger.byId(id);
    return row ? replay(row, fp) : API_ERROR("The charge was lost (the sandbox ledger was reset)");
  }

  async function charge(req: IncomingMessage): Promise<Answer & { log?: Record<string, unknown> }> {
    const k = key.safeParse(headerOf(req, "idempotency-key"));
    if (!k.success) return error(400, "invalid_request_error", "The Idempotency-Key header is required (1-255 characters)", { code: "idempotency_key_missing" });
    const parsed = chargeBody.safeParse(await readJson(req));
    if (!parsed.success) return invalid(parsed.error.issues);
    const c = parsed.data;
    const fp = fingerprint(c);
    const { brand, last4 } = cardSummary(c.card);
    const id = newId("ch");

    // Claim the key, or answer from what it already holds. A failed attempt deletes its row, so a
    // conflict can find nothing: then claim again.
    for (let attempt = 0; ; attempt++) {
      if (await ledger.begin({ id, key: k.data, fingerprint: fp, amountWon: c.amountWon, brand, last4 })) break;
      const existing = await ledger.byKey(k.data);
      if (existing) return { ...replay(existing, fp), log: { key: k.data, chargeId: existing.id, replayed: true } };
      if (attempt >= 5) return error(409, "idempotency_error", "A request with this idempotency key is still in progress", { code: "idempotency_key_in_use" }, { "retry-after": "1" });
    }

    // The key is ours: the network and the card networks take their time, then the card decides.
    // The client may have given up meanwhile (a timeout): the charge still completes, as at a real
    // processor — which is why Bloom voids by key.
    await wait(state.latencyMs);
    const outcome = sandboxOutcome(c.card.number);
    const outage = active(state.outageUntil);
    const failed = outage || outcome === "PROCESSING_ERROR" || Math.random() < state.failureRate;
    const entry = { key: k.data, chargeId: id, amountWon: c.amountWon, outcome: failed ? "PROCESSING_ERROR" : outcome };
    if (failed) {
      if (!(await ledger.deleteProcessing(id))) return { ...(await current(id, fp)), log: entry };
      return { ...API_ERROR(outage ? "The card processor is unavailable" : "The card processor could not process the charge"), log: entry };
    }
    if (outcome === "DECLINED" || outcome === "INSUFFICIENT_FUNDS") {
      const [code, reason] = outcome === "INSUFFICIENT_FUNDS" ? ["insufficient_funds", "Insufficient funds on this card"] : ["card_declined", "The card was declined"];
      const row = await ledger.decline(id, code, reason);
      return { ...(row ? replay(row, fp) : await current(id, fp)), log: entry };
    }
    const row = await ledger.capture(id);
    return { ...(row ? ok(chargeJson(row)) : await current(id, fp)), log: entry };
  }

  async function voidCharge(req: IncomingMessage): Promise<Answer & { log?: Record<string, unknown> }> {
    const parsed = voidBody.safeParse(await readJson(req));
    if (!parsed.success) return invalid(parsed.error.issues);
    const { status, tombstone } = await ledger.void(parsed.data.idempotencyKey);
    return { ...ok({ idempotencyKey: parsed.data.idempotencyKey, status }), log: { key: parsed.data.idempotencyKey, status, tombstone } };
  }

  async function refund(req: IncomingMessage): Promise<Answer & { log?: Record<string, unknown> }> {
    const k = key.safeParse(headerOf(req, "idempotency-key"));
    if (!k.success) return error(400, "invalid_request_error", "The Idempotency-Key header is required (1-255 characters)", { code: "idempotency_key_missing" });
    const parsed = refundBody.safeParse(await readJson(req));
    if (!parsed.success) return invalid(parsed.error.issues);
    const entry = { key: k.data, chargeId: parsed.data.charge, amountWon: parsed.data.amountWon };
    if (active(state.refundOutageUntil)) return { ...error(503, "api_error", "Refunds are unavailable at the moment"), log: { ...entry, result: "outage" } };
    await wait(state.refundLatencyMs);
    const r = await ledger.refund({ key: k.data, chargeId: parsed.data.charge, amountWon: parsed.data.amountWon });
    const logged = (a: Answer) => ({ ...a, log: { ...entry, result: r.kind } });
    switch (r.kind) {
      case "refunded":
      case "replayed":
        return logged(ok(refundJson(r.refund)));
      case "missing":
        return logged(notFound(`charge ${parsed.data.charge}`));
      case "already_refunded":
        return logged(error(409, "invalid_request_error", `Charge ${parsed.data.charge} has already been refunded`, { code: "charge_already_refunded" }));
      case "not_refundable":
        return logged(error(400, "invalid_request_error", `Charge ${parsed.data.charge} is ${r.status.toLowerCase()}: nothing to refund`, { code: "charge_not_refundable" }));
      case "amount_mismatch":
        return logged(error(400, "invalid_request_error", `Only full refunds: the charge is ${r.chargeAmountWon} won`, { code: "amount_mismatch", param: "amountWon" }));
      case "key_reused":
        return logged(error(422, "idempotency_error", "This idempotency key was used for a different refund", { code: "idempotency_key_reused" }));
    }
  }

  async function configure(req: IncomingMessage): Promise<Answer> {
    const parsed = configCommand.safeParse(await readJson(req));
    if (!parsed.success) return invalid(parsed.error.issues);
    const c = parsed.data;
    const now = Date.now();
    state = {
      latencyMs: c.latencyMs ?? state.latencyMs,
      failureRate: c.failureRate ?? state.failureRate,
      outageUntil: c.outageSeconds !== undefined ? now + c.outageSeconds * 1000 : state.outageUntil,
      refundLatencyMs: c.refundLatencyMs ?? state.refundLatencyMs,
      refundOutageUntil: c.refundOutageSeconds !== undefined ? now + c.refundOutageSeconds * 1000 : state.refundOutageUntil,
    };
    log.warn({ sandbox: state }, "sandbox reconfigured (fault injection)");
    return ok(stateJson(state));
  }

  async function route(req: IncomingMessage, url: URL): Promise<Answer & { log?: Record<string, unknown>; what?: string }> {
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/\/+$/, "") || "/";
    const post = method === "POST";
    if (path === "/health") {
      return ledger.ping().then(
        () => ok({ status: "ok" }),
        (e: Error) => error(503, "api_error", `ledger database unreachable: ${e.message}`),
      );
    }
    if (path === "/v1/charges" && post) return { ...(await charge(req)), what: "charge" };
    if (path === "/v1/voids" && post) return { ...(await voidCharge(req)), what: "void" };
    // Many keys at once, answered with the charges found (a key without one is simply absent).
    if (path === "/v1/charges/lookup" && post) {
      const parsed = lookupBody.safeParse(await readJson(req));
      if (!parsed.success) return invalid(parsed.error.issues);
      return ok({ data: (await ledger.byKeys(parsed.data.idempotencyKeys)).map(chargeJson) });
    }
    if (path === "/v1/refunds" && post) return { ...(await refund(req)), what: "refund" };
    if (path === "/v1/sandbox/config" && post) return configure(req);
    if (path === "/v1/sandbox/config" && method === "GET") return ok(stateJson(state));
    if (path === "/v1/sandbox/reset" && post) {
      await ledger.reset();
      state = initialState(defaults);
      log.warn({}, "sandbox ledger reset");
      return ok(stateJson(state));
    }
    if (method !== "GET") return error(405, "invalid_request_error", `${method} ${path} is not supported`, { code: "method_not_allowed" });
    if (path === "/v1/charges") {
      const q = listQuery.safeParse(Object.fromEntries(url.searchParams));
      if (!q.success) return invalid(q.error.issues);
      const rows = await ledger.list({ createdGte: q.data.created_gte ? new Date(q.data.created_gte) : undefined, status: q.data.status as ChargeStatus | undefined, limit: q.data.limit });
      return ok({ data: rows.map(chargeJson) });
    }
    const byKey = /^\/v1\/charges\/by-key\/([^/]+)$/.exec(path);
    if (byKey) {
      const row = await ledger.byKey(decodeURIComponent(byKey[1]!));
      return row ? ok(chargeJson(row)) : notFound("charge for this idempotency key");
    }
    const byId = /^\/v1\/charges\/(ch_[0-9a-f]+)$/.exec(path);
    if (byId) {
      const row = await ledger.byId(byId[1]!);
      return row ? ok(chargeJson(row)) : notFound(`charge ${byId[1]}`);
    }
    if (path === "/v1/refunds") {
      const charge = url.searchParams.get("charge");
      if (!charge) return error(400, "invalid_request_error", "Give ?charge=ch_…", { code: "parameter_missing", param: "charge" });
      return ok({ data: (await ledger.refundsOf(charge)).map(refundJson) });
    }
    return error(404, "invalid_request_error", `No route ${method} ${path}`, { code: "route_not_found" });
  }

  /** The node:http request listener. */
  async function handle(req: IncomingMessage, res: ServerResponse, closing = false) {
    const t0 = performance.now();
    let answer: Answer & { log?: Record<string, unknown>; what?: string };
    try {
      answer = await route(req, new URL(req.url ?? "/", "http://processor"));
    } catch (e) {
      if (e instanceof BadRequest) answer = error(400, "invalid_request_error", e.message);
      else {
        log.error({ err: (e as Error).message, url: req.url }, "processor request failed");
        answer = error(500, "api_error", "The card processor had an internal error");
      }
    }
    if (answer.log && answer.what) {
      log.info({ ...answer.log, http: answer.status, ms: Math.round(performance.now() - t0) }, answer.what);
    }
    if (res.destroyed) return; // the client went away (its timeout); the ledger is already settled
    res.writeHead(answer.status, { "content-type": "application/json", ...(closing ? { connection: "close" } : {}), ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }

  return { handle, state: () => state };
}
