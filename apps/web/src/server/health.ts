// Readiness checks for the web tier.
import { Redis } from "ioredis";
import { env } from "~/env";
import { services } from "./services";

const g = globalThis as unknown as { __bloomRedisProbe?: Redis; __bloomShuttingDown?: boolean };

function redisProbe(): Redis {
  return (g.__bloomRedisProbe ??= new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false }));
}

async function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, rej) => setTimeout(() => rej(new Error("timeout")), ms))]);
}

export function markShuttingDown() {
  g.__bloomShuttingDown = true;
}

export async function checkReadiness() {
  const checks: Record<string, string> = {};
  try {
    await within(services().db.$queryRaw`SELECT 1`, 1500);
    checks.database = "ok";
  } catch (e) {
    checks.database = `down: ${(e as Error).message}`;
  }
  try {
    const r = redisProbe();
    if (r.status === "wait" || r.status === "end") await within(r.connect(), 1500);
    await within(r.ping(), 1500);
    checks.redis = "ok";
  } catch (e) {
    checks.redis = `down: ${(e as Error).message}`;
  }
  checks.shutdown = g.__bloomShuttingDown ? "draining" : "no";
  checks.paymentBreaker = services().payments.state;
  const ready = checks.database === "ok" && checks.redis === "ok" && !g.__bloomShuttingDown;
  return { ready, checks };
}
