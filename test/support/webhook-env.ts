// X4 tests: local webhook endpoints allowed, and the queue prefix the test's worker uses, set
// before ~/env is read (import this before any module that reads it).
export const WEBHOOK_TEST_PREFIX = `test-webhooks-${Date.now().toString(36)}`;
process.env.WEBHOOK_ALLOW_LOCAL = "1";
process.env.QUEUE_PREFIX = WEBHOOK_TEST_PREFIX;
