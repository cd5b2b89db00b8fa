// One PrismaClient per process and database URL, over the pg driver adapter (no native engine).
// The adapter shares its pg pool with the few hot paths that talk SQL directly (see `sqlOf`).
//
// Connections die: PostgreSQL restarts, fails over, or an operator runs pg_terminate_backend
// (E3). node-pg reports that as an 'error' event on the client, and an 'error' event nobody
// listens to kills the process. So every pool, every checked-out client (inTransaction) and every
// dedicated connection (listen, the redrive's lock) has a listener here; the query in flight fails
// with the error instead, its transaction rolls back with the connection, and the caller retries.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type SqlPool = pg.Pool;
export type SqlClient = pg.PoolClient;

export type DbOptions = {
  /**
   * PostgreSQL's application_name for every connection of this process (pg_stat_activity), e.g.
   * `bloom-worker worker-1`: operators see who holds a connection, and can target one process.
   * An application_name in the URL wins.
   */
  applicationName?: string;
};

// Per process, not per copy of this module: Next bundles a copy into each of its server layers
// (route handlers, server components), and a client made by one copy must be known to sqlOf in
// another — the session check runs in both (S2).
type DbRegistry = {
  clients: Map<string, PrismaClient>;
  pools: WeakMap<PrismaClient, pg.Pool>;
  errorListeners: Set<(err: Error, where: string) => void>;
};
const registry = ((globalThis as unknown as { __bloomDb?: DbRegistry }).__bloomDb ??= {
  clients: new Map(),
  pools: new WeakMap(),
  errorListeners: new Set(),
});
const { clients, pools, errorListeners } = registry;

/**
 * Hears connection errors that have no query to fail (an idle pooled connection terminated, a
 * dedicated connection lost): for logs. Returns a function that stops listening.
 */
export function onDbConnectionError(listener: (err: Error, where: string) => void): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

export function reportConnectionError(err: Error, where: string) {
  for (const l of errorListeners) {
    try {
      l(err, where);
    } catch {
      // a logger must never take the process down
    }
  }
}

export function getDb(url: string, poolSize = 10, opts: DbOptions = {}): PrismaClient {
  let client = clients.get(url);
  if (!client) {
    // JIT off: PostgreSQL compiles any plan whose estimate passes jit_above_cost, and for our short
    // OLTP queries that compilation costs more than the query — 37 ms of the store board's 41 ms at
    // a million orders (EXPLAIN ANALYZE, bench/). Nothing here runs long enough to gain from it.
    const pool = new pg.Pool({
      connectionString: url,
      max: poolSize,
      options: "-c jit=off",
      application_name: opts.applicationName ?? process.env.PGAPPNAME ?? "bloom",
      // A dead peer (a failover, a cut network) is noticed by TCP keepalive instead of never.
      keepAlive: true,
      // PostgreSQL unreachable (a blackholed network): a new connection fails after 30 s instead of
      // hanging the caller. The same bound applies to waiting for a free pooled connection, so it
      // stays far above any wait a busy pool sees.
      connectionTimeoutMillis: 30_000,
    });
    // An idle pooled connection that dies is dropped by the pool; without this listener the
    // pool's 'error' event would be unhandled and end the process.
    pool.on("error", (err) => reportConnectionError(err, "pool"));
    // And every connection gets a listener of its own from birth: a connection terminated just as
    // it opens delivers "ready" and the termination in one TCP read, so its 'error' is emitted
    // after the pool removed its idle listener and before the caller's `await connect()` resumes to
    // add one (found by the E3 test: pg_terminate_backend under load crashed a worker that way).
    // The statement in flight still fails with the error, and the pool discards the connection.
    pool.on("connect", (client) => client.on("error", () => {}));
    client = new PrismaClient({
      adapter: new PrismaPg(pool, {
        disposeExternalPool: true,
        onPoolError: (err) => reportConnectionError(err, "pool"),
        onConnectionError: (err) => reportConnectionError(err, "transaction"),
      }),
    });
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

/** Settings for a dedicated connection (not pooled) with the same server, name and options as the pool. */
export function dedicatedConfig(db: PrismaClient): pg.ClientConfig {
  const o = sqlOf(db).options as pg.PoolConfig;
  return {
    connectionString: o.connectionString,
    application_name: o.application_name,
    options: o.options,
    keepAlive: true,
    connectionTimeoutMillis: o.connectionTimeoutMillis,
  };
}

export type SqlConnection = pg.Client;
/** A new connection of its own (not pooled), not yet connected: add an 'error' listener before connect(). */
export function dedicatedConnection(db: PrismaClient): pg.Client {
  return new pg.Client(dedicatedConfig(db));
}

/**
 * LISTENs on `channel` over a dedicated connection (reconnecting after a failure) and calls
 * `onNotify` for each notification, and once after each (re)connect for what was committed while
 * not listening. Returns a function that stops listening.
 */
export function listen(db: PrismaClient, channel: string, onNotify: () => void, onError: (err: Error) => void = () => {}): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = 500;
  const connect = async () => {
    retry = null;
    if (stopped) return;
    const c = dedicatedConnection(db);
    client = c;
    let failed = false;
    // One reconnect per connection, however many ways (error event, failed query, end) it dies.
    const fail = (err: Error) => {
      if (failed || stopped) return;
      failed = true;
      onError(err);
      void c.end().catch(() => {});
      if (client === c && !stopped) {
        retry = setTimeout(() => void connect(), delay);
        delay = Math.min(delay * 2, 10_000);
      }
    };
    c.on("notification", () => onNotify());
    c.on("error", fail);
    c.on("end", () => fail(new Error("LISTEN connection ended")));
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      delay = 500;
      onNotify(); // anything committed while we were not listening
    } catch (err) {
      fail(err as Error);
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
