// Rate limits shared by every web process (S1, C5): sign-in per account and per client address,
// public mutations (sign-up) per address, orders per customer, API tokens per address and per
// verified client, API calls per client. Counted by rate-limiter-flexible in Redis.
//
// Each limit is a FIXED window, not a sliding one: a key's window opens at its first hit and lasts
// RATE_LIMIT_WINDOW_SEC (not the clock minute). Every hit inside it is counted, refused ones too,
// but none moves the window's end, so waiting Retry-After always lets the next one through. The
// price: a client that waits for the end of a window can spend up to 2 × max in a short span
// across it. The long-run rate stays max per window, and that is what bounds password guessing;
// a sliding window needs a sorted set per key (the hand-written one this replaces) where this is
// one INCR script, maintained by someone else.
//
// If Redis cannot answer, rate-limiter-flexible's insurance limiter keeps the same window in this
// process's memory: the limit still holds per process (with N web processes, up to N × the limit)
// rather than not at all, and every such hit logs a warning.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "~/env";
import { metrics } from "./metrics";
import { services } from "./services";

export { clientIp } from "./client-address";

export type LimitName = "signin" | "signin-ip" | "public-mutation" | "order" | "api-token" | "api-token-ip" | "api-orders" | "tracking-reschedule" | "api-webhooks";
export type Limit = { name: LimitName; max: number; windowSec?: number };
export const LIMITS = {
  /** Failed sign-ins per account (normalised email): a success is given back. */
  signIn: { name: "signin", max: env.RATE_LIMIT_SIGNIN_PER_MIN },
  /** Every sign-in attempt per client address, whatever the email: spraying runs out here. */
  signInPerIp: { name: "signin-ip", max: env.RATE_LIMIT_SIGNIN_PER_IP_PER_MIN },
  /** Every public tRPC mutation (today account.signUp, a password hash each) per client address. */
  publicMutation: { name: "public-mutation", max: env.RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN },
  order: { name: "order", max: env.RATE_LIMIT_ORDERS_PER_MIN },
  /** Token requests per API client, counted only once its secret is verified. */
  apiToken: { name: "api-token", max: env.API_RATE_LIMIT_TOKEN_PER_MIN },
  /** Every token request per client address, failed ones included. */
  apiTokenPerIp: { name: "api-token-ip", max: env.API_RATE_LIMIT_TOKEN_PER_IP_PER_MIN },
  apiOrders: { name: "api-orders", max: env.API_RATE_LIMIT_ORDERS_PER_MIN },
  /** X2: a recipient's slot choices per tracking link (each one a transaction and an event). */
  trackingReschedule: { name: "tracking-reschedule", max: env.RATE_LIMIT_TRACKING_RESCHEDULE_PER_MIN },
  /** X4: webhook management calls per API client (each registration seals a secret; a replay queues a POST). */
  apiWebhooks: { name: "api-webhooks", max: env.API_RATE_LIMIT_WEBHOOKS_PER_MIN },
} satisfies Record<string, Limit>;

export type HitResult = { limited: false } | { limited: true; retryAfterSec: number };

type MemoryOptions = ConstructorParameters<typeof RateLimiterMemory>[0];

/** The in-memory window rate-limiter-flexible falls back to; it says so each time it is used. */
class Insurance extends RateLimiterMemory {
  constructor(
    opts: MemoryOptions,
    private readonly onUse: () => void,
  ) {
    super(opts);
  }
  override consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    this.onUse();
    return super.consume(...args);
  }
  override reward(...args: Parameters<RateLimiterMemory["reward"]>) {
    this.onUse();
    return super.reward(...args);
  }
}

/** Fixed-window limits over Redis, falling back to this process's memory while Redis is away. */
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly redis: Redis,
    private readonly onFallback: (limit: Limit) => void = () => {},
  ) {}

  /** Counts one attempt of `key` against `limit`; returns the seconds to wait when over it. */
  async hit(limit: Limit, key: string): Promise<HitResult> {
    try {
      await this.limiterFor(limit).consume(key);
      return { limited: false };
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      return { limited: true, retryAfterSec: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) };
    }
  }

  /** Gives one counted hit back (an attempt that turned out not to be one to hold against the key). */
  async forgive(limit: Limit, key: string): Promise<void> {
    await this.limiterFor(limit).reward(key);
  }

  private limiterFor(limit: Limit): RateLimiterRedis {
    const duration = limit.windowSec ?? env.RATE_LIMIT_WINDOW_SEC;
    const id = `${limit.name}:${limit.max}:${duration}`;
    let l = this.limiters.get(id);
    if (!l) {
      // Not the old "ratelimit:" prefix: those keys are sorted sets, and a rolling deploy would
      // meet them (WRONGTYPE) for a window.
      const opts = { keyPrefix: `limit:${limit.name}`, points: limit.max, duration };
      l = new RateLimiterRedis({ ...opts, storeClient: this.redis, insuranceLimiter: new Insurance(opts, () => this.onFallback(limit)) });
      this.limiters.set(id, l);
    }
    return l;
  }
}

const g = globalThis as unknown as { __bloomRateLimiter?: RateLimiter };

function limiter(): RateLimiter {
  if (!g.__bloomRateLimiter) {
    // Commands wait for the first connection, but never long: a slow Redis must not slow sign-in.
    const redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    redis.on("error", () => {}); // reconnects by itself; the in-memory window covers meanwhile
    g.__bloomRateLimiter = new RateLimiter(redis, (limit) =>
      services().log.warn({ limit: limit.name, redis: redis.status }, "rate limit store unavailable; limiting in this process"),
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

/** Gives back one hit of `key` (a sign-in that proved its password). */
export async function forgive(limit: Limit, key: string): Promise<void> {
  await limiter().forgive(limit, key);
}
