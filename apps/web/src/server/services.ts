// Process-wide services of the web tier, created once (Next may import this module many times).
import {
  createLogger,
  HttpProcessorGateway,
  LoggedAccountNotices,
  ProcessorControl,
  ResilientPayments,
  LocalPhotoStorage,
  type AppContext,
  type RootLogger,
} from "@bloom/app";
import { getDb } from "@bloom/db";
import type { PhotoStorage } from "@bloom/domain";
import path from "node:path";
import { env } from "~/env";

type Services = AppContext & { log: RootLogger; processor: ProcessorControl; photos: PhotoStorage };
const g = globalThis as unknown as { __bloomServices?: Services };

function create(): Services {
  const db = getDb(env.DATABASE_URL, env.DB_POOL_SIZE);
  const log = createLogger({ level: env.LOG_LEVEL, base: { service: "web" } });
  // The card processor is a process of its own (the sandbox processor in development and tests):
  // its ledger and its test-mode settings are the same for every web process.
  const gateway = new HttpProcessorGateway(env.PROCESSOR_URL, { timeoutMs: Math.max(10_000, env.PAYMENT_TIMEOUT_MS * 2) });
  const payments = new ResilientPayments(
    gateway,
    {
      timeoutMs: env.PAYMENT_TIMEOUT_MS,
      consecutiveFailures: env.BREAKER_CONSECUTIVE_FAILURES,
      halfOpenAfterMs: env.BREAKER_HALF_OPEN_AFTER_MS,
    },
    (state) => log.warn({ breaker: "payment", state }, `payment circuit breaker is now ${state}`),
  );
  // No mail port yet (the messages issue adds one): notices to account owners are log lines.
  const notices = new LoggedAccountNotices(log.child({ port: "account-notices" }));
  const photos = new LocalPhotoStorage(path.resolve(env.PHOTO_DIR));
  return { db, log, payments, notices, processor: new ProcessorControl(env.PROCESSOR_URL), photos };
}

export function services(): Services {
  return (g.__bloomServices ??= create());
}
