// One PrismaClient per process and database URL, over the pg driver adapter (no native engine).
// The adapter shares its pg pool with the few hot paths that talk SQL directly (see `sqlOf`).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type SqlPool = pg.Pool;
export type SqlClient = pg.PoolClient;

const clients = new Map<string, PrismaClient>();
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function getDb(url: string, poolSize = 10): PrismaClient {
  let client = clients.get(url);
  if (!client) {
    // JIT off: PostgreSQL compiles any plan whose estimate passes jit_above_cost, and for our short
    // OLTP queries that compilation costs more than the query — 37 ms of the store board's 41 ms at
    // a million orders (EXPLAIN ANALYZE, bench/). Nothing here runs long enough to gain from it.
    const pool = new pg.Pool({ connectionString: url, max: poolSize, options: "-c jit=off" });
    client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    clients.set(url, client);
    pools.set(client, pool);
  }
  return client;
}

/**
 * The pg pool under a client from getDb, for hot paths written as plain SQL: a Prisma model call
 * costs ~0.5–1 ms of CPU (query compilation), a prepared pg query ~0.1 ms (measured, see bench/).
 * Timestamps go in as ISO strings (UTC) and come out as `timestamptz`, so the process time zone
 * never matters.
 */
export function sqlOf(db: PrismaClient): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("sqlOf: this client was not created by getDb");
  return pool;
}

/** Runs `fn` in one transaction on a pooled connection (BEGIN … COMMIT, ROLLBACK on a throw). */
export async function sqlTransaction<T>(db: PrismaClient, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await sqlOf(db).connect();
  try {
    await c.query("BEGIN");
    const out = await fn(c);
    await c.query("COMMIT");
    return out;
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

/**
 * LISTENs on `channel` over a dedicated connection (reconnecting after a failure) and calls
 * `onNotify` for each notification. Returns a function that stops listening.
 */
export function listen(db: PrismaClient, channel: string, onNotify: () => void, onError: (err: Error) => void = () => {}): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: sqlOf(db).options.connectionString });
    client = c;
    c.on("notification", () => onNotify());
    c.on("error", (err) => {
      onError(err);
      void c.end().catch(() => {});
      if (client === c && !stopped) retry = setTimeout(() => void connect(), 1000);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      onNotify(); // anything committed while we were not listening
    } catch (err) {
      onError(err as Error);
      void c.end().catch(() => {});
      if (client === c && !stopped) retry = setTimeout(() => void connect(), 1000);
    }
  };
  void connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}

export async function closeDbs(): Promise<void> {
  await Promise.all([...clients.values()].map((c) => c.$disconnect()));
  clients.clear();
}
