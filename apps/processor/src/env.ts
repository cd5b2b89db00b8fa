// The only reader of process.env in the processor: validated once at start-up.
import { z } from "zod";

const latencySpec = z.string().trim().regex(/^\d+(\s*-\s*\d+)?$/, 'a latency in ms: "0", "250" or "400-620"');

const schema = z.object({
  PROCESSOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  PROCESSOR_HOST: z.string().default("127.0.0.1"),
  /** Its own database: the processor's ledger is not the app's (a crash of web cannot hide it). */
  PROCESSOR_DATABASE_URL: z.string().url().default("postgresql://bloom:bloom@127.0.0.1:5432/bloom_processor"),
  PROCESSOR_DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  /** Test-mode defaults (POST /v1/sandbox/config changes them at run time, /v1/sandbox/reset restores these). */
  PAYMENT_SANDBOX_LATENCY_MS: latencySpec.default("0"),
  PAYMENT_SANDBOX_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  /** Latency of a refund; defaults to the charge latency. */
  PAYMENT_SANDBOX_REFUND_LATENCY_MS: latencySpec.optional(),
  /** On SIGTERM, the longest the processor waits for requests in flight. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** "1": stop when stdin ends — a test harness's pipe, so a killed test run leaves no processor behind. */
  PROCESSOR_EXIT_WITH_PARENT: z.enum(["0", "1"]).default("0"),
});

export type ProcessorEnv = z.infer<typeof schema> & { PAYMENT_SANDBOX_REFUND_LATENCY_MS: string };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): ProcessorEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    console.error(`Invalid processor configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    process.exit(1);
  }
  const v = parsed.data;
  return { ...v, PAYMENT_SANDBOX_REFUND_LATENCY_MS: v.PAYMENT_SANDBOX_REFUND_LATENCY_MS ?? v.PAYMENT_SANDBOX_LATENCY_MS };
}
