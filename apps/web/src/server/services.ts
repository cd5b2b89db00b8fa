// Process-wide services of the web tier, created once (Next may import this module many times).
import { createLogger, ResilientPayments, SandboxGateway, type AppContext, type RootLogger } from "@bloom/app";
import { getDb } from "@bloom/db";
import { Redis } from "ioredis";
import { env } from "~/env";

type Services = AppContext & { sandbox: SandboxGateway; log: RootLogger };
const g = globalThis as unknown as { __bloomServices?: Services };

function create(): Services {
  const db = getDb(env.DATABASE_URL, env.DB_POOL_SIZE);
  const log = createLogger({ level: env.LOG_LEVEL, base: { service: "web" } });
  const sandbox = new SandboxGateway(db, {
    latency: env.paymentLatency,
    failureRate: env.PAYMENT_SANDBOX_FAILURE_RATE,
  });
  const payments = new ResilientPayments(
    sandbox,
    {
      timeoutMs: env.PAYMENT_TIMEOUT_MS,
      consecutiveFailures: env.BREAKER_CONSECUTIVE_FAILURES,
      halfOpenAfterMs: env.BREAKER_HALF_OPEN_AFTER_MS,
    },
    (state) => log.warn({ breaker: "payment", state }, `payment circuit breaker is now ${state}`),
  );
  if (env.sandboxControl) listenForSandboxConfig(sandbox, log);
  return { db, log, payments, sandbox };
}

// Fault injection into the sandbox processor (SANDBOX_CONTROL=on only) reaches every web process.
const SANDBOX_CHANNEL = "bloom:sandbox-control";
type SandboxChange = Partial<Pick<SandboxGateway["config"], "latency" | "outageUntil">>;

function listenForSandboxConfig(sandbox: SandboxGateway, log: RootLogger) {
  const sub = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  sub.on("error", (err) => log.warn({ err: err.message }, "sandbox control subscriber: redis error"));
  const apply = (message: string | null) => {
    try {
      if (message) Object.assign(sandbox.config, JSON.parse(message) as SandboxChange);
    } catch {
      // not ours
    }
  };
  sub.on("message", (_channel, message) => apply(message));
  // Subscribed first, then the last setting read: a process started after a change still applies it.
  void sub.subscribe(SANDBOX_CHANNEL).then(async () => {
    const once = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    apply(await once.get(SANDBOX_CHANNEL).catch(() => null));
    once.disconnect();
  });
}

/** Applies a sandbox change here and announces it to the other web processes. */
export async function broadcastSandboxConfig(change: SandboxChange): Promise<void> {
  Object.assign(services().sandbox.config, change);
  const pub = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await pub.connect();
    const current = { latency: services().sandbox.config.latency, outageUntil: services().sandbox.config.outageUntil };
    await pub.set(SANDBOX_CHANNEL, JSON.stringify(current), "EX", 3600);
    await pub.publish(SANDBOX_CHANNEL, JSON.stringify(change));
  } finally {
    pub.disconnect();
  }
}

export function services(): Services {
  return (g.__bloomServices ??= create());
}
