// Where integration tests find the real servers: `npm test` (scripts/setup.mjs --test) prepares
// the bloom_test database and Redis db 1 and passes their URLs.
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://bloom:bloom@127.0.0.1:5432/bloom_test";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? "redis://127.0.0.1:6379/1";
/**
 * The sandbox processor's own ledger database, `<test database>_processor` (bloom_test_processor;
 * setup --test creates it). Never PROCESSOR_DATABASE_URL: that may be a developer's ledger.
 */
export const TEST_PROCESSOR_DATABASE_URL =
  process.env.TEST_PROCESSOR_DATABASE_URL ??
  (() => {
    const u = new URL(TEST_DATABASE_URL);
    u.pathname = `${u.pathname}_processor`;
    return u.toString();
  })();
