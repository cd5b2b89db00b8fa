// The only reader of process.env in the worker: validated once at start-up.
import { parseRetrySchedule, pushServiceHostsSetting } from "@bloom/domain";
import { DEV_TRACKING_LINK_SECRET } from "@bloom/domain";
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "@bloom/config/defaults";
import { z } from "zod";

const schema = z.object({
  DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
  REDIS_URL: z.string().url().default(DEFAULT_REDIS_URL),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Containers need every interface; a single host can keep it on loopback (127.0.0.1). */
  WORKER_HEALTH_HOST: z.string().default("0.0.0.0"),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  RELAY_INTERVAL_MS: z.coerce.number().int().positive().default(50),
  RELAY_BATCH: z.coerce.number().int().positive().default(200),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().positive().default(10_000),
  /** The card processor's API (the sandbox processor, apps/processor, in development and tests). */
  PROCESSOR_URL: z.string().url().default("http://127.0.0.1:4010"),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(12),
  QUEUE_PREFIX: z.string().default("bloom"),
  /** How long a job's lock lasts; a crashed worker's jobs are retried by others after this. */
  WORKER_LOCK_MS: z.coerce.number().int().positive().default(30_000),
  /** E1: an event published this long ago that a subscribed policy has not handled is published again. */
  OUTBOX_REDRIVE_AFTER_MS: z.coerce.number().int().positive().default(30_000),
  /** E1: how far back (by published_at) the redrive looks for unhandled events. */
  OUTBOX_REDRIVE_WINDOW_MS: z.coerce.number().int().positive().default(24 * 3600_000),
  WORKER_ID: z.string().default(`worker-${process.pid}`),
  /** M2: an attempt still PENDING this long after it began lost its web process; the reconciler voids it. */
  PAYMENT_RECONCILE_GRACE_MS: z.coerce.number().int().positive().default(30_000),
  PAYMENT_RECONCILE_INTERVAL_MS: z.coerce.number().int().positive().default(5000),
  /** M4: refunds retry with backoff doubling from 1 s up to this; past REFUND_ALERT_AFTER attempts each failure logs an error. */
  REFUND_MAX_BACKOFF_MS: z.coerce.number().int().positive().default(30_000),
  REFUND_ALERT_AFTER: z.coerce.number().int().positive().default(8),
  /** X5: a message a provider failed to take is retried with backoff doubling from 1 s up to this. */
  MESSAGE_MAX_BACKOFF_MS: z.coerce.number().int().positive().default(60_000),
  /** X1: the SMTP server emails go through (`npm start` points it at its mail catcher). Unset: emails wait, pending. */
  SMTP_URL: z.string().url().optional(),
  /** X1: the From of every email. */
  MAIL_FROM: z.string().min(3).default("Bloom <no-reply@bloom.localhost>"),
  /** Deprecated alias of PUBLIC_WEB_URL (read only when PUBLIC_WEB_URL is unset). */
  APP_URL: z.string().url().optional(),
  /** X1: the web app's proof-of-delivery photos (its PHOTO_DIR), attached to the "delivered" email. */
  PHOTO_DIR: z.string().default("../web/.bloom/photos"),
  /** W1: how often the worker approves the arrangements whose approval window lapsed (ms). */
  ARRANGEMENT_SWEEP_MS: z.coerce.number().int().positive().default(5000),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /**
   * X4: the webhook endpoints' secrets are sealed under KEY_ENCRYPTION_SECRET, else AUTH_SECRET —
   * the same as web's (web's development default when neither is set; production must set one).
   */
  KEY_ENCRYPTION_SECRET: z.string().min(16, "KEY_ENCRYPTION_SECRET must be at least 16 characters").optional(),
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
  /** X4: development and tests only — deliver webhooks to http://localhost and loopback addresses. */
  WEBHOOK_ALLOW_LOCAL: z.enum(["0", "1", "false", "true"]).default("0").transform((v) => v === "1" || v === "true"),
  /** X4: longest a partner's server may take to answer a webhook (ms). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().positive().default(8),
  /** X4: delays between webhook attempts, ms separated by commas (default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
  WEBHOOK_RETRY_SCHEDULE_MS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return parseRetrySchedule(s);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
    }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** X2: signs the recipients' tracking links; the web app verifies them with the same secret. */
  TRACKING_LINK_SECRET: z.string().min(32, "TRACKING_LINK_SECRET must be at least 32 characters").optional(),
  /** X1, X2: the web app's public address, for the links in emails and text messages; defaults to NEXTAUTH_URL. */
  PUBLIC_WEB_URL: z.string().url().optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** X2: the SMS provider's API (the sandbox, apps/sms-sandbox, in development and tests). */
  SMS_PROVIDER_URL: z.string().url().default("http://127.0.0.1:4020"),
  SMS_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  /** X2: the sender number (or name) the messages go out from. */
  SMS_FROM: z.string().min(1).default("Bloom"),
  /**
   * X3: the VAPID key pair web push is signed with (base64url: a 65-byte public and a 32-byte private
   * P-256 key; set both or neither) and the contact the push services see (mailto: or https:).
   * `npm start` generates a pair once into .bloom/vapid.json; without keys the worker sends no push.
   */
  // An empty value (a compose file's `${VAPID_PUBLIC_KEY:-}`) counts as unset.
  VAPID_PUBLIC_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (87 characters)").optional()),
  VAPID_PRIVATE_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (43 characters)").optional()),
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)\S+$/, "must be a mailto: or https: contact").default("mailto:push@bloom.example"),
  /** X3, development and tests only: push to http://127.0.0.1 (a local stand-in for a push service). */
  PUSH_ALLOW_LOOPBACK_HTTP: z.enum(["0", "1"]).default("0"),
  /** X3: the push services' hosts the worker may POST to (comma-separated; `*.` for subdomains). Unset: the well-known ones. */
  PUSH_SERVICE_HOSTS: pushServiceHostsSetting,
});

const parsed = schema
  .superRefine((v, ctx) => {
    if (v.NODE_ENV === "production" && !v.TRACKING_LINK_SECRET) ctx.addIssue({ code: "custom", path: ["TRACKING_LINK_SECRET"], message: "TRACKING_LINK_SECRET is required in production" });
    // The SSRF guards' development switches: never in production.
    if (v.NODE_ENV === "production" && v.WEBHOOK_ALLOW_LOCAL) ctx.addIssue({ code: "custom", path: ["WEBHOOK_ALLOW_LOCAL"], message: "WEBHOOK_ALLOW_LOCAL is for development and tests only" });
    if (v.NODE_ENV === "production" && v.PUSH_ALLOW_LOOPBACK_HTTP === "1") ctx.addIssue({ code: "custom", path: ["PUSH_ALLOW_LOOPBACK_HTTP"], message: "PUSH_ALLOW_LOOPBACK_HTTP is for development and tests only" });
  })
  .safeParse(process.env);
if (parsed.success && Boolean(parsed.data.VAPID_PUBLIC_KEY) !== Boolean(parsed.data.VAPID_PRIVATE_KEY)) {
  console.error("Invalid worker configuration:\n  VAPID_PRIVATE_KEY: set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither");
  process.exit(1);
}
if (!parsed.success) {
  console.error(`Invalid worker configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  process.exit(1);
}
if (parsed.data.APP_URL) {
  const ignored = parsed.data.PUBLIC_WEB_URL && parsed.data.PUBLIC_WEB_URL !== parsed.data.APP_URL ? ` (ignored: PUBLIC_WEB_URL=${parsed.data.PUBLIC_WEB_URL} wins)` : "";
  console.warn(`Worker configuration: APP_URL is deprecated, set PUBLIC_WEB_URL instead${ignored}`);
}
const { APP_URL: _deprecatedAppUrl, ...settings } = parsed.data;
export const env = {
  ...settings,
  TRACKING_LINK_SECRET: parsed.data.TRACKING_LINK_SECRET ?? DEV_TRACKING_LINK_SECRET,
  // One address for every link the worker writes (emails X1, texts X2); APP_URL is its old name.
  PUBLIC_WEB_URL: parsed.data.PUBLIC_WEB_URL ?? parsed.data.APP_URL ?? parsed.data.NEXTAUTH_URL ?? "http://localhost:3000",
};
