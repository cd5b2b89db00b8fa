// What a failed job's error means (E2). An outage — PostgreSQL or the payment processor cannot be
// reached — is not the job's fault: retrying later fixes it, so it must not burn the job's attempts
// nor dead-letter it. A payload that does not parse is the job's fault: retrying never fixes it, so
// it is dead-lettered at once. Anything else (a bug, a deadlock) is retried with backoff.
import { ZodError } from "zod";

export type FailureKind = "database-outage" | "processor-outage" | "poison" | "other";

/** Connection-level SQLSTATEs: class 08 (connection exception), 57P01–57P03 (shutdown, crash, starting up), 53300 (too many connections). */
const PG_CODES = /^(08...|57P0[1-3]|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNABORTED"]);
/** Prisma: can't reach (P1001), timed out (P1002, P1008), server closed the connection (P1017), no pooled connection in time (P2024). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** The Prisma pg adapter's names for the same (DriverAdapterError.cause.kind). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const PG_MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|terminating connection|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery|not yet accepting connections)|Timed out fetching a new connection/i;

type Errorish = { name?: unknown; code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown }; errors?: unknown };

/** The error and everything it wraps (cause, Prisma's driverAdapterError, AggregateError), bounded. */
function* chain(err: unknown): Generator<Errorish> {
  const seen = new Set<unknown>();
  const pending = [err];
  while (pending.length > 0 && seen.size < 12) {
    const e = pending.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    const x = e as Errorish;
    yield x;
    pending.push(x.cause, x.meta?.driverAdapterError);
    if (Array.isArray(x.errors)) pending.push(...(x.errors as unknown[]));
  }
}

export function classifyFailure(err: unknown): FailureKind {
  for (const e of chain(err)) {
    if (e instanceof ZodError || e.name === "ZodError" || (typeof e.message === "string" && e.message.startsWith("Unsupported event version"))) return "poison";
    if (e.name === "PaymentProviderError" || (e.name === "IdempotencyConflictError" && (e as { kind?: unknown }).kind === "IN_PROGRESS")) return "processor-outage";
    const code = typeof e.code === "string" ? e.code : "";
    if (PG_CODES.test(code) || SOCKET_CODES.has(code) || PRISMA_CODES.has(code)) return "database-outage";
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return "database-outage";
    if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return "database-outage";
  }
  return "other";
}

/** Marks the failedReason of a job dead-lettered as poison, so the redrive leaves it to an operator. */
export const POISON_PREFIX = "poison message: ";
/** BullMQ's own reasons for failing a job that took down (or kept) workers too often. */
const CRASH_REASONS = ["job stalled more than allowable limit", "job started more than allowable limit"];

/** A failed job that retrying as-is cannot fix: its payload is invalid, or it kept crashing workers. */
export function isPoisonFailure(failedReason: string | undefined | null): boolean {
  return !!failedReason && (failedReason.startsWith(POISON_PREFIX) || CRASH_REASONS.some((r) => failedReason.includes(r)));
}

/** True when this failure is the job's last: no attempt left, or failed at once (poison). */
export function isFinalFailure(job: { attemptsMade?: number; opts?: { attempts?: number } } | undefined, err: Error): boolean {
  if (err.name === "UnrecoverableError") return true;
  // BullMQ counts the failed attempt before it emits 'failed'.
  return !!job && (job.attemptsMade ?? 0) >= (job.opts?.attempts ?? 1);
}

/**
 * Backoff per queue while an outage lasts: 0.5 s doubling to 10 s, back to the start after a
 * success. The queue is rate-limited for that long (every worker process of it waits), then the
 * next jobs try again — so work resumes at most 10 s after PostgreSQL (or the processor) is back,
 * while an outage costs each worker a few failed statements per queue every 10 s. Jobs failing together within one back-off (a worker runs several at once)
 * share it instead of doubling it once each.
 */
export class OutageBackoff {
  private readonly streak = new Map<string, { n: number; until: number }>();
  constructor(private readonly opts: { minMs?: number; maxMs?: number; now?: () => number } = {}) {}

  /** The back-off for a job that just met the outage; `started` on the first of an outage. */
  next(queue: string): { ms: number; started: boolean } {
    const now = (this.opts.now ?? Date.now)();
    const s = this.streak.get(queue);
    if (s && now < s.until) return { ms: s.until - now, started: false };
    const n = (s?.n ?? 0) + 1;
    const ms = Math.min(this.opts.maxMs ?? 10_000, (this.opts.minMs ?? 500) * 2 ** Math.min(n - 1, 16));
    this.streak.set(queue, { n, until: now + ms });
    return { ms, started: !s };
  }

  /** True when this success ended an outage of the queue. */
  recovered(queue: string): boolean {
    return this.streak.delete(queue);
  }

  inOutage(queue: string): boolean {
    return this.streak.has(queue);
  }
}
