// Idempotent consumers (C4): a consumer's effect and its processed-event record commit together,
// so an event delivered twice — or to two workers at once — takes effect once.
import { sqlOf, sqlTransaction, type Db, type SqlClient, type Tx } from "@bloom/db";
import { isUniqueViolation } from "./prisma-errors";

export async function handleOnce(
  db: Db,
  consumer: string,
  eventId: string,
  effect: (tx: Tx) => Promise<void>,
): Promise<"done" | "duplicate"> {
  try {
    return await db.$transaction(async (tx) => {
      // Claimed first: a concurrent duplicate blocks here until we commit, then claims nothing.
      // Raw SQL: this runs for every job, and a Prisma model call costs ~1–2 ms of the worker's
      // CPU in query compilation — a large share of a job (see bench/).
      const claimed = await tx.$executeRaw`
        INSERT INTO inbox_processed_events (consumer, event_id) VALUES (${consumer}, ${eventId}::uuid)
        ON CONFLICT DO NOTHING`;
      if (claimed === 0) return "duplicate" as const;
      await effect(tx);
      return "done" as const;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const seen = await db.processedEvent.findUnique({ where: { consumer_eventId: { consumer, eventId } } });
      if (seen) return "duplicate";
    }
    throw e;
  }
}

/**
 * handleOnce for the consumers that run for every order (store-notification, mypage-projection),
 * written as plain SQL on one pooled connection: the same claim-then-effect transaction without
 * Prisma's per-call query compilation, which was half of the worker's CPU (`npm run bench:profile`).
 */
export async function handleOnceSql(
  db: Db,
  consumer: string,
  eventId: string,
  effect: (c: SqlClient) => Promise<void>,
): Promise<"done" | "duplicate"> {
  try {
    return await sqlTransaction(db, async (c) => {
      const claimed = await c.query({
        name: "inbox-claim",
        text: "INSERT INTO inbox_processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        values: [consumer, eventId],
      });
      if (claimed.rowCount === 0) return "duplicate" as const;
      await effect(c);
      return "done" as const;
    });
  } catch (e) {
    // Two workers claiming at once: the loser's insert fails only if it raced past ON CONFLICT.
    if (isUniqueViolation(e)) return "duplicate";
    throw e;
  }
}

/**
 * For a consumer whose whole effect is one SQL statement: the claim is that statement's first CTE
 * (`claim`, consumer = $1, event id = $2; the effect's parameters start at $3) and the effect's CTEs
 * act only `WHERE EXISTS (SELECT 1 FROM claim)`. One statement commits claim and effect together —
 * one round trip instead of BEGIN, claim, effect, COMMIT. A concurrent duplicate waits on the
 * inbox's unique key until the first commits, then claims nothing and changes nothing.
 */
export async function handleOnceInStatement(
  db: Db,
  consumer: string,
  eventId: string,
  effect: { name: string; ctes: string; values: unknown[] },
): Promise<"done" | "duplicate"> {
  const { rows } = await sqlOf(db).query<{ claimed: number }>({
    name: effect.name,
    text: `WITH claim AS (
             INSERT INTO inbox_processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1),
           ${effect.ctes}
           SELECT count(*)::int AS claimed FROM claim`,
    values: [consumer, eventId, ...effect.values],
  });
  return rows[0]?.claimed ? "done" : "duplicate";
}
