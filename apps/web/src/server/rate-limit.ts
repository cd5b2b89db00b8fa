// Rate limits shared by every web process: sign-in attempts per client IP + email, orders per
// customer, public API calls per client. Each limit is a sliding window (the last 60 s, not the
// current clock minute): a sorted set of accepted hits per key in Redis, trimmed, counted and
// added to by one Lua script, on Redis's clock. A fixed per-minute counter would let a client
// spend its limit at 11:59:59 and again at 12:00:00, and resets a count in the middle of a
// burst. Refused attempts are not recorded, so waiting Retry-After seconds always lets one through.
//
// If Redis cannot answer, the same window is kept in this process's memory instead: the limit
// still holds per process (with N web processes, up to N × the limit) rather than not at all.
// Limits come from env (tests and the rolling-restart run raise or lower them).
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { env } from "~/env";
import { metrics } from "./metrics";
import { services } from "./services";

export const WINDOW_MS = 60_000;

export type Limit = { name: "signin" | "order" | "api-token" | "api-orders"; max: number; windowMs?: number };
export const LIMITS = {
  signIn: { name: "signin", max: env.RATE_LIMIT_SIGNIN_PER_MIN },
  order: { name: "order", max: env.RATE_LIMIT_ORDERS_PER_MIN },
  // Public API, per API client: token requests, and every call on /api/v1/orders.
  apiToken: { name: "api-token", max: env.API_RATE_LIMIT_TOKEN_PER_MIN },
  apiOrders: { name: "api-orders", max: env.API_RATE_LIMIT_ORDERS_PER_MIN },
} satisfies Record<string, Limit>;

export type HitResult = { limited: false } | { limited: true; retryAfterSec: number };

// KEYS[1] the key; ARGV window ms, max, a unique member. Returns -1 when the hit is accepted,
// otherwise the milliseconds until the oldest accepted hit leaves the window.
const SLIDING_WINDOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return -1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return tonumber(oldest[2]) + window - now
`;

type LimiterRedis = Redis & { slidingWindowHit(key: string, windowMs: number, max: number, member: string): Promise<number> };

/** Sliding-window limiter over Redis, falling back to this process's memory while Redis is away. */
export class RateLimiter {
  private readonly local = new Map<string, number[]>(); // key → accepted hit times (ms), oldest first
  private lastSweep = 0;

  constructor(
    private readonly redis: LimiterRedis,
    private readonly onFallback: (limit: Limit, err: unknown) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    redis.defineCommand("slidingWindowHit", { numberOfKeys: 1, lua: SLIDING_WINDOW });
  }

  /** Counts one attempt of `key` against `limit`; returns the seconds to wait when over it. */
  async hit(limit: Limit, key: string): Promise<HitResult> {
    const windowMs = limit.windowMs ?? WINDOW_MS;
    const k = `ratelimit:${limit.name}:${key}`;
    let waitMs: number;
    try {
      waitMs = Number(await this.redis.slidingWindowHit(k, windowMs, limit.max, `${this.now()}:${randomUUID()}`));
    } catch (err) {
      this.onFallback(limit, err);
      waitMs = this.localHit(k, windowMs, limit.max);
    }
    return waitMs < 0 ? { limited: false } : { limited: true, retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  private localHit(key: string, windowMs: number, max: number): number {
    const now = this.now();
    this.sweep(now, windowMs);
    const hits = (this.local.get(key) ?? []).filter((t) => t > now - windowMs);
    if (hits.length < max) {
      hits.push(now);
      this.local.set(key, hits);
      return -1;
    }
    this.local.set(key, hits);
    return hits[0]! + windowMs - now;
  }

  /** Drops keys whose every hit has left the window, so memory stays bounded by recent traffic. */
  private sweep(now: number, windowMs: number) {
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [k, hits] of this.local) if (hits[hits.length - 1]! <= now - windowMs) this.local.delete(k);
  }
}

const g = globalThis as unknown as { __bloomRateLimiter?: RateLimiter };

function limiter(): RateLimiter {
  if (!g.__bloomRateLimiter) {
    // Commands wait for the first connection, but never long: a slow Redis must not slow sign-in.
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    redis.on("error", () => {}); // reconnects by itself; the in-memory window covers meanwhile
    g.__bloomRateLimiter = new RateLimiter(redis as LimiterRedis, (limit, err) =>
      services().log.warn({ limit: limit.name, err: String(err) }, "rate limit store unavailable; limiting in this process"),
    );
  }
  return g.__bloomRateLimiter;
}

/** Counts one hit of `key` against `limit`; returns seconds to wait when over the limit. */
export async function hit(limit: Limit, key: string): Promise<HitResult> {
  const r = await limiter().hit(limit, key);
  if (r.limited) metrics().rateLimited.inc({ limit: limit.name });
  return r;
}

/** The client's address: the first X-Forwarded-For entry, which our server (or nginx) sets. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
