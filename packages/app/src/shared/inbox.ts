// Idempotent consumers (C4): a consumer's effect and its processed-event record commit together,
// so an event delivered twice — or to two workers at once — takes effect once.
import { inTransaction, sqlOf, type Db, type Transaction } from "@bloom/db";
import { isUniqueViolation } from "./prisma-errors";

/** The one transaction type (ADR 0001), for the use cases a handler calls: they get it passed in. */
export type { Transaction };

/**
 * An effect that is one SQL statement: the claim is that statement's first CTE (`claim`,
 * consumer = $1, event id = $2; the effect's parameters start at $3) and the effect's CTEs act
 * only `WHERE EXISTS (SELECT 1 FROM claim)`. One statement commits claim and effect together —
 * one round trip instead of BEGIN, claim, effect, COMMIT. A concurrent duplicate waits on the
 * inbox's unique key until the first commits, then claims nothing and changes nothing.
 */
export type InStatement = { name: string; ctes: string; values: unknown[] };

/**
 * What the consumer does with the event: a function run on the claim's transaction (the one
 * transaction type, ADR 0001), or `{ inStatement }` (see InStatement).
 */
export type Effect = ((tx: Transaction) => Promise<void>) | { inStatement: InStatement };

const CLAIM = "INSERT INTO inbox_processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING";

/** Runs `effect` once per (consumer, event): "duplicate" when it already ran (or runs now elsewhere). */
export async function handleOnce(db: Db, consumer: string, eventId: string, effect: Effect): Promise<"done" | "duplicate"> {
  try {
    if (typeof effect === "function") {
      return await inTransaction(db, async (tx) => {
        // Claimed first: a concurrent duplicate blocks here until we commit, then claims nothing.
        const claimed = await tx.client.query({ name: "inbox-claim", text: CLAIM, values: [consumer, eventId] });
        if (claimed.rowCount === 0) return "duplicate" as const;
        await effect(tx);
        return "done" as const;
      });
    }
    const s = effect.inStatement;
    const { rows } = await sqlOf(db).query<{ claimed: number }>({
      name: s.name,
      text: `WITH claim AS (${CLAIM} RETURNING 1),
           ${s.ctes}
           SELECT count(*)::int AS claimed FROM claim`,
      values: [consumer, eventId, ...s.values],
    });
    return rows[0]?.claimed ? "done" : "duplicate";
  } catch (e) {
    // Two workers claiming at once: the loser's insert fails only if it raced past ON CONFLICT. A
    // unique violation of the effect's own (a row another consumer wrote first) is an error to retry.
    if (isUniqueViolation(e)) {
      const seen = await sqlOf(db).query({ name: "inbox-seen", text: "SELECT 1 FROM inbox_processed_events WHERE consumer = $1 AND event_id = $2", values: [consumer, eventId] });
      if (seen.rowCount) return "duplicate";
    }
    throw e;
  }
}
