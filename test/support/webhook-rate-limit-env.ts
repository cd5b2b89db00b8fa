// X4 rate-limit test: a small per-client limit on the webhook routes, set before ~/env is read
// (import this before any module that reads it).
import "./webhook-env";

export const WEBHOOK_CALLS_PER_WINDOW = 3;
process.env.API_RATE_LIMIT_WEBHOOKS_PER_MIN = String(WEBHOOK_CALLS_PER_WINDOW);
