// The only reader of process.env in the worker: validated once at start-up.
import { parseLatency } from "@bloom/domain";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url().default("postgresql://bloom:bloom@127.0.0.1:5432/bloom"),
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Containers need every interface; a single host can keep it on loopback (127.0.0.1). */
  WORKER_HEALTH_HOST: z.string().default("0.0.0.0"),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(50),
  RELAY_BATCH: z.coerce.number().int().positive().default(200),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  PAYMENT_SANDBOX_LATENCY_MS: z.string().default("0"),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(12),
  QUEUE_PREFIX: z.string().default("bloom"),
  /** How long a job's lock lasts; a crashed worker's jobs are retried by others after this. */
  WORKER_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  WORKER_ID: z.string().default(`worker-${process.pid}`),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid worker configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(1);
}
export const env = { ...parsed.data, paymentLatency: parseLatency(parsed.data.PAYMENT_SANDBOX_LATENCY_MS) };
