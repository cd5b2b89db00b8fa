// `node scripts/setup.mjs [--test]`: everything the app needs before it can run, idempotent.
// npm deps → PostgreSQL (+ role) → Redis → database → migrations, Prisma client, seed.
// start.mjs and test.mjs import setup() and run their children with the env it returns.
import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  defaultDatabaseUrl,
  ensureDatabase,
  ensureNodeModules,
  ensurePostgres,
  ensureRedis,
  migrateAndSeed,
  ROOT,
  step,
} from "./lib/services.mjs";

/** URLs for the dev (`bloom`, redis db 0) or test (`bloom_test`, redis db 1) environment. */
export function resolveEnv({ test = false } = {}) {
  const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl("bloom");
  const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
  if (!test) return { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl };
  // Tests use the same servers as dev but their own database / Redis db, so running the suite
  // never wipes a developer's data. TEST_* override the derived URLs.
  const testDb = new URL(databaseUrl);
  testDb.pathname = "/bloom_test";
  const testRedis = new URL(redisUrl);
  testRedis.pathname = "/1";
  return {
    DATABASE_URL: process.env.TEST_DATABASE_URL || testDb.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL || testRedis.toString(),
  };
}

export async function setup({ test = false } = {}) {
  const env = resolveEnv({ test });
  await ensureNodeModules(ROOT);
  await step("PostgreSQL", () => ensurePostgres(env.DATABASE_URL));
  await step("Redis", () => ensureRedis(env.REDIS_URL));
  await step(`database ${new URL(env.DATABASE_URL).pathname.slice(1)}`, () => ensureDatabase(env.DATABASE_URL));
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
      console.log(`\n✔ setup done (${test ? "test" : "dev"}): DATABASE_URL=${db} REDIS_URL=${env.REDIS_URL}`);
    },
    (err) => {
      console.error(`\n✖ setup failed: ${err.message}`);
      process.exit(1);
    },
  );
}
