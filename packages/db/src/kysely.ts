// Kysely over the pool that getDb builds (ADR 0001): queries typed by the tables of schema.prisma
// (src/generated/kysely.ts, written by `prisma generate`), sent as named (prepared) statements.
import { createHash } from "node:crypto";
import type { PostgresPool, PostgresPoolClient } from "kysely";
import type pg from "pg";

export type { DB } from "./generated/kysely";

// A statement's name is a digest of its text: the same SQL text is parsed and planned once per
// connection, as the hand-named statements were; a different text gets a different name, so two
// texts can never share one (pg refuses that). The queries are written with `= ANY($1)` for lists,
// so their text does not grow with the data and each connection holds a bounded set.
const names = new Map<string, string>();
function statementName(text: string): string {
  let n = names.get(text);
  if (!n) {
    n = `k${createHash("sha1").update(text).digest("base64url").slice(0, 20)}`;
    names.set(text, n);
  }
  return n;
}

const SKIP_PREPARE = /^\s*(begin|commit|rollback|savepoint|release|start transaction)\b/i;

/** A client for Kysely that sends every query of `c` as a named statement; `release` gives `c` back. */
function namedClient(c: pg.PoolClient, release: (err?: boolean | Error) => void): PostgresPoolClient {
  const w = {
    query: ((text: string, values?: readonly unknown[]) =>
      SKIP_PREPARE.test(text) ? c.query(text) : c.query({ name: statementName(text), text, values: values as unknown[] })) as unknown as PostgresPoolClient["query"],
    release,
  };
  Object.defineProperty(w, "processID", { get: () => (c as unknown as { processID?: number }).processID });
  return w as PostgresPoolClient;
}

/** A view of `pool` for Kysely's PostgresDialect whose clients send every query as a named statement. */
export function namedStatementPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const c = await pool.connect();
      let w = wrapped.get(c);
      if (!w) {
        w = namedClient(c, (err) => c.release(err));
        wrapped.set(c, w);
      }
      return w;
    },
    // The pool belongs to getDb (closeDbs ends it), never to Kysely.
    end: async () => {},
    options: pool.options,
  };
}

/** One checked-out connection as Kysely's pool: its owner (inTransaction) releases it, Kysely never does. */
export function singleConnectionPool(c: pg.PoolClient): PostgresPool {
  const w = namedClient(c, () => {});
  return { connect: async () => w, end: async () => {}, options: {} };
}
