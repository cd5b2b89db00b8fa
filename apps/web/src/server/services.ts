// Process-wide services of the web tier, created once (Next may import this module many times).
import { createLogger, ResilientPayments, SandboxGateway, type AppContext, type RootLogger } from "@bloom/app";
import { getDb } from "@bloom/db";
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
  return { db, log, payments, sandbox };
}

export function services(): Services {
  return (g.__bloomServices ??= create());
}
