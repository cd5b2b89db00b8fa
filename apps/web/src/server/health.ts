// Readiness checks for the web tier (C6, E5).
import { Redis } from "ioredis";
import { env } from "~/env";
import { services } from "./services";

const g = globalThis as unknown as { __bloomRedisProbe?: Redis; __bloomShuttingDown?: boolean; __bloomBreakerOpenSince?: number };

function redisProbe(): Redis {
  return (g.__bloomRedisProbe ??= new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false }));
}

async function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error("timeout")), ms))]);
}

/**
 * Readiness means "can take orders" (E5): PostgreSQL answers, the payment breaker is not open, and
 * the process is not draining. Redis is not needed to take an order — rate limits fall back to
 * each process's memory and live updates to the screens' refetch — so Redis down keeps the process
 * ready and the body says `redis: "degraded: …"`; taking every web process out of the balancer
 * for it would turn a degraded service into an outage.
 *
 * An open breaker makes the process unready only for the breaker's pause (halfOpenAfter): after
 * it, the next order is the breaker's trial charge, and a process out of the balancer would never
 * get that order — it would stay open, and unready, for good.
 */
export async function checkReadiness() {
  const checks: Record<string, string> = {};
  const degraded: string[] = [];
  try {
    await within(services().db.$queryRaw`SELECT 1`, 1500);
    checks.database = "ok";
  } catch (e) {
    checks.database = `down: ${(e as Error).message}`;
  }
  try {
    const r = redisProbe();
    if (r.status === "wait" || r.status === "end") await within(r.connect(), 1000);
    await within(r.ping(), 1000);
    checks.redis = "ok";
  } catch (e) {
    checks.redis = `degraded: ${(e as Error).message} (orders still taken; rate limits per process, live updates by refetch)`;
    degraded.push("redis");
  }
  checks.shutdown = g.__bloomShuttingDown ? "draining" : "no";
  const breaker = services().payments.state;
  checks.paymentBreaker = breaker;
  let breakerBlocks = false;
  if (breaker === "open") {
    g.__bloomBreakerOpenSince ??= Date.now();
    breakerBlocks = Date.now() - g.__bloomBreakerOpenSince < env.BREAKER_HALF_OPEN_AFTER_MS;
    if (!breakerBlocks) checks.paymentBreaker = "open (next order is its trial charge)";
  } else {
    g.__bloomBreakerOpenSince = undefined;
  }
  if (breaker === "half-open") degraded.push("payments");
  const ready = checks.database === "ok" && !breakerBlocks && !g.__bloomShuttingDown;
  return { ready, checks, degraded };
}
