// The only reader of process.env in the web app: validated once, with clear messages.
import { DEV_TRACKING_LINK_SECRET, pushServiceHostsSetting } from "@bloom/domain";
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "@bloom/config/defaults";
import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
    REDIS_URL: z.string().url().default(DEFAULT_REDIS_URL),
    AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters").optional(),
    /** Seals the API's private signing keys in the database; defaults to AUTH_SECRET. */
    KEY_ENCRYPTION_SECRET: z.string().min(16, "KEY_ENCRYPTION_SECRET must be at least 16 characters").optional(),
    NEXTAUTH_URL: z.string().url().optional(),
    /** The card processor's API (the sandbox processor, apps/processor, in development and tests). */
    PROCESSOR_URL: z.string().url().default("http://127.0.0.1:4010"),
    PAYMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(2000),
    BREAKER_CONSECUTIVE_FAILURES: z.coerce.number().int().positive().default(5),
    BREAKER_HALF_OPEN_AFTER_MS: z.coerce.number().int().positive().default(5000),
    SANDBOX_CONTROL: z.enum(["on", "off"]).optional(),
    /** The worker's BullMQ prefix, for the operators' queue page. */
    QUEUE_PREFIX: z.string().default("bloom"),
    DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    /**
     * Rate limits a minute (S1, C5): failed sign-ins per account (normalised email), sign-in
     * attempts per client address across emails, public tRPC mutations (sign-up) per address,
     * orders per customer.
     */
    RATE_LIMIT_SIGNIN_PER_MIN: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: z.coerce.number().int().positive().default(30),
    RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: z.coerce.number().int().positive().default(10),
    RATE_LIMIT_ORDERS_PER_MIN: z.coerce.number().int().positive().default(30),
    /** The window every limit counts in, seconds: 60 makes the _PER_MIN names true; tests shorten it. */
    RATE_LIMIT_WINDOW_SEC: z.coerce.number().int().positive().default(60),
    /** When set, /api/metrics answers only `Authorization: Bearer <token>` (Prometheus sends it). */
    METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
    /**
     * Public API: access-token lifetime (s) and issuer; a minute, tokens per API client (counted
     * once its secret is verified), token requests per client address, order calls per client.
     */
    API_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(3600).default(600),
    API_TOKEN_ISSUER: z.string().min(1).default("bloom"),
    API_RATE_LIMIT_TOKEN_PER_MIN: z.coerce.number().int().positive().default(10),
    API_RATE_LIMIT_TOKEN_PER_IP_PER_MIN: z.coerce.number().int().positive().default(30),
    API_RATE_LIMIT_ORDERS_PER_MIN: z.coerce.number().int().positive().default(60),
    /**
     * D5: where the local-disk PhotoStorage keeps proof-of-delivery photos (relative to the web
     * app's directory). One directory for every web process: a shared volume when scaled out, until
     * the S3-compatible adapter exists.
     */
    PHOTO_DIR: z.string().min(1).default(".bloom/photos"),
    /** X4: development and tests only — partners may register http://localhost webhook endpoints (the worker's flag sends to them). */
    WEBHOOK_ALLOW_LOCAL: z.enum(["0", "1", "false", "true"]).default("0").transform((v) => v === "1" || v === "true"),
    /** X2: signs the recipients' tracking links (/t/<token>); the worker signs them with the same secret. */
    TRACKING_LINK_SECRET: z.string().min(32, "TRACKING_LINK_SECRET must be at least 32 characters").optional(),
    /** X2: a recipient's slot choices per tracking link and window. */
    RATE_LIMIT_TRACKING_RESCHEDULE_PER_MIN: z.coerce.number().int().positive().default(5),
    /**
     * X3: the VAPID public key browsers subscribe to web push with (the worker signs with the private
     * half). Unset: "Ring this device" says alerts are not set up. `npm start` generates a pair once.
     */
    VAPID_PUBLIC_KEY: z.preprocess(
      (v) => (v === "" ? undefined : v), // a compose file's `${VAPID_PUBLIC_KEY:-}` counts as unset
      z.string().regex(/^[A-Za-z0-9_-]{87}$/, "VAPID_PUBLIC_KEY must be a base64url P-256 public key (87 characters)").optional(),
    ),
    /** X3, development and tests only: accept http://127.0.0.1 push endpoints (a local push service). */
    PUSH_ALLOW_LOOPBACK_HTTP: z.enum(["0", "1"]).default("0"),
    /** X3: the push services' hosts a device's endpoint may name (comma-separated; `*.` for subdomains). */
    PUSH_SERVICE_HOSTS: pushServiceHostsSetting,
    /** X4: partners' webhook management calls (register, list, change, rotate, replay) per API client. */
    API_RATE_LIMIT_WEBHOOKS_PER_MIN: z.coerce.number().int().positive().default(60),
  })
  .superRefine((v, ctx) => {
    if (v.NODE_ENV === "production" && !v.AUTH_SECRET && process.env.NEXT_PHASE !== "phase-production-build") {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production" });
    }
    if (v.NODE_ENV === "production" && !v.TRACKING_LINK_SECRET && process.env.NEXT_PHASE !== "phase-production-build") {
      ctx.addIssue({ code: "custom", path: ["TRACKING_LINK_SECRET"], message: "TRACKING_LINK_SECRET is required in production" });
    }
    if (v.NODE_ENV === "production" && v.PUSH_ALLOW_LOOPBACK_HTTP === "1") {
      ctx.addIssue({ code: "custom", path: ["PUSH_ALLOW_LOOPBACK_HTTP"], message: "PUSH_ALLOW_LOOPBACK_HTTP is for development and tests only" });
    }
    if (v.NODE_ENV === "production" && v.WEBHOOK_ALLOW_LOCAL) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_ALLOW_LOCAL"], message: "WEBHOOK_ALLOW_LOCAL is for development and tests only" });
    }
  });

function load() {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}\nSee .env.example.`);
  }
  const v = parsed.data;
  return {
    ...v,
    // Development gets a fixed secret so `npm run dev` works out of the box; production never does.
    AUTH_SECRET: v.AUTH_SECRET ?? "bloom-development-secret-not-for-production",
    TRACKING_LINK_SECRET: v.TRACKING_LINK_SECRET ?? DEV_TRACKING_LINK_SECRET,
    // Session cookies are Secure (and __Secure- prefixed) whenever the public URL is https.
    secureCookies: v.NEXTAUTH_URL?.startsWith("https://") ?? false,
    // The fault-injection control of the sandbox processor (/api/sandbox, forwarded to its
    // test-mode API) is on outside production unless turned off.
    sandboxControl: (v.SANDBOX_CONTROL ?? (v.NODE_ENV === "production" ? "off" : "on")) === "on",
  };
}

export const env = load();
