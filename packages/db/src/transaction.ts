// The one transaction type (ADR 0001): a pooled connection in BEGIN … COMMIT, with Kysely on it.
//
// Connections die: PostgreSQL restarts, fails over, or an operator runs pg_terminate_backend (E3).
// A checked-out client has no pool listener, so its 'error' event is heard here; the statement in
// flight fails with the error, the transaction rolls back with the connection, the connection is
// discarded (not pooled again), and the caller retries.
import { Kysely, PostgresDialect } from "kysely";
import type { PrismaClient } from "@prisma/client";
import type pg from "pg";
import { reportConnectionError, sqlOf } from "./client";
import type { DB } from "./generated/kysely";
import { singleConnectionPool } from "./kysely";

export type Transaction = {
  /** Kysely on this transaction's connection: queries typed by schema.prisma's tables, sent as named statements. */
  readonly ky: Kysely<DB>;
  /** The connection itself, for the statements not yet written with Kysely (named pg queries). */
  readonly client: pg.PoolClient;
};

// One Kysely per pooled connection, made the first time it carries a transaction.
const kyselies = new WeakMap<pg.PoolClient, Kysely<DB>>();
function kyselyOf(c: pg.PoolClient): Kysely<DB> {
  let k = kyselies.get(c);
  if (!k) {
    k = new Kysely<DB>({ dialect: new PostgresDialect({ pool: singleConnectionPool(c) }) });
    kyselies.set(c, k);
  }
  return k;
}

/**
 * Runs `fn` in one transaction on a pooled connection (BEGIN … COMMIT, ROLLBACK on a throw). If
 * the connection dies meanwhile, the promise rejects with that error and the connection is
 * discarded. The only place in the code base that opens a SQL transaction.
 */
export async function inTransaction<T>(db: PrismaClient, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const c = await sqlOf(db).connect();
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken ??= err;
    reportConnectionError(err, "transaction");
  };
  c.on("error", onError);
  try {
    await c.query("BEGIN");
    const out = await fn({ ky: kyselyOf(c), client: c });
    await c.query("COMMIT");
    return out;
  } catch (e) {
    if (!broken) await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.removeListener("error", onError);
    c.release(broken);
  }
}
