// `node scripts/setup.mjs [--test]`: everything the app needs before it can run, idempotent.
// npm deps → PostgreSQL (+ role) → Redis → database → migrations, Prisma client, seed.
// start.mjs and test.mjs import setup() and run their children with the env it returns.
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  DEFAULT_REDIS_URL,
  defaultDatabaseUrl,
  ensureDatabase,
  ensureNodeModules,
  ensurePostgres,
  ensureRedis,
  migrateAndSeed,
  ROOT,
  step,
} from "./lib/services.mjs";

/**
 * URLs for the dev (`bloom`, redis db 0, processor ledger `bloom_processor`) or test
 * (`bloom_test`, redis db 1, `bloom_test_processor`) environment. The sandbox card processor
 * (apps/processor) is a process of its own with its own database, `<app database>_processor`.
 */
export function resolveEnv({ test = false } = {}) {
  const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl("bloom");
  const redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL;
  // The sandbox processor's address (apps/processor; `npm start` runs it on PROCESSOR_PORT).
  const processorUrl = process.env.PROCESSOR_URL || `http://127.0.0.1:${process.env.PROCESSOR_PORT || 4010}`;
  const sibling = (url, name) => {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  // The processor's ledger lives next to the app's database: `<database>_processor`.
  const processorDb = (url) => {
    const u = new URL(url);
    u.pathname = `${u.pathname}_processor`;
    return u.toString();
  };
  if (!test) {
    return {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      PROCESSOR_DATABASE_URL: process.env.PROCESSOR_DATABASE_URL || processorDb(databaseUrl),
      PROCESSOR_URL: processorUrl,
    };
  }
  // Tests use the same servers as dev but their own database / Redis db, so running the suite
  // never wipes a developer's data. TEST_* override the derived URLs. (Integration tests start
  // their own processor on a free port: PROCESSOR_URL here is only the default for the rest.)
  const testRedis = new URL(redisUrl);
  testRedis.pathname = "/1";
  const testDb = process.env.TEST_DATABASE_URL || sibling(databaseUrl, "bloom_test");
  return {
    DATABASE_URL: testDb,
    REDIS_URL: process.env.TEST_REDIS_URL || testRedis.toString(),
    PROCESSOR_DATABASE_URL: process.env.TEST_PROCESSOR_DATABASE_URL || processorDb(testDb),
    PROCESSOR_URL: processorUrl,
  };
}

export async function setup({ test = false } = {}) {
  const env = resolveEnv({ test });
  await ensureNodeModules(ROOT);
  await step("PostgreSQL", () => ensurePostgres(env.DATABASE_URL));
  await step("Redis", () => ensureRedis(env.REDIS_URL));
  await step(`database ${new URL(env.DATABASE_URL).pathname.slice(1)}`, () => ensureDatabase(env.DATABASE_URL));
  // The processor creates its own tables at start; its database only has to exist.
  await step(`database ${new URL(env.PROCESSOR_DATABASE_URL).pathname.slice(1)} (card processor)`, () => ensureDatabase(env.PROCESSOR_DATABASE_URL));
  await migrateAndSeed(env);
  return env;
}

// Runnable directly as well as importable.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const test = process.argv.includes("--test");
  setup({ test }).then(
    (env) => {
      const db = new URL(env.DATABASE_URL);
      db.password = db.password && "***"; // don't print real credentials
      const processorDb = new URL(env.PROCESSOR_DATABASE_URL);
      processorDb.password = processorDb.password && "***";
      console.log(`\n✔ setup done (${test ? "test" : "dev"}): DATABASE_URL=${db} REDIS_URL=${env.REDIS_URL} PROCESSOR_DATABASE_URL=${processorDb}`);
    },
    (err) => {
      console.error(`\n✖ setup failed: ${err.message}`);
      process.exit(1);
    },
  );
}
