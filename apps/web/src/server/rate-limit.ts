// Rate limits in Redis (fixed one-minute windows), shared by every web process: sign-in attempts
// per client IP + email, orders per customer. Limits come from env (tests and the rolling-restart
// run raise them). If Redis cannot answer, the request is let through: a limiter must never be
// the reason the shop is down.
import { Redis } from "ioredis";
import { env } from "~/env";
import { metrics } from "./metrics";
import { services } from "./services";

const WINDOW_MS = 60_000;
const g = globalThis as unknown as { __bloomRateRedis?: Redis };

function redis(): Redis {
  if (!g.__bloomRateRedis) {
    // Commands wait for the first connection, but never long: a slow Redis must not slow sign-in.
    g.__bloomRateRedis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 1000 });
    g.__bloomRateRedis.on("error", () => {}); // reconnects by itself; hit() fails open meanwhile
  }
  return g.__bloomRateRedis;
}

export type Limit = { name: "signin" | "order" | "api-token" | "api-orders"; max: number };
export const LIMITS = {
  signIn: { name: "signin", max: env.RATE_LIMIT_SIGNIN_PER_MIN },
  order: { name: "order", max: env.RATE_LIMIT_ORDERS_PER_MIN },
  // Public API, per API client: token requests, and every call on /api/v1/orders.
  apiToken: { name: "api-token", max: env.API_RATE_LIMIT_TOKEN_PER_MIN },
  apiOrders: { name: "api-orders", max: env.API_RATE_LIMIT_ORDERS_PER_MIN },
} satisfies Record<string, Limit>;

/** Counts one hit of `key` against `limit`; returns seconds to wait when over the limit. */
export async function hit(limit: Limit, key: string): Promise<{ limited: false } | { limited: true; retryAfterSec: number }> {
  const window = Math.floor(Date.now() / WINDOW_MS);
  const k = `ratelimit:${limit.name}:${key}:${window}`;
  try {
    const [[, count]] = (await redis().multi().incr(k).pexpire(k, WINDOW_MS).exec()) as [[null, number], unknown];
    if (count <= limit.max) return { limited: false };
    metrics().rateLimited.inc({ limit: limit.name });
    return { limited: true, retryAfterSec: Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - Date.now()) / 1000)) };
  } catch (e) {
    services().log.warn({ limit: limit.name, err: String(e) }, "rate limit unavailable; letting the request through");
    return { limited: false };
  }
}

/** The client's address: the first X-Forwarded-For entry, which our server (or nginx) sets. */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
}
