// Payment attempts (M1, M2): every charge is recorded before the processor is called, with its own
// processor key, the client's idempotency key and the fingerprint of the priced checkout. While an
// attempt is live (PENDING: being charged; ORDERED: its order committed) the key is bound to its
// fingerprint — one live attempt per key is a partial unique index — so a concurrent request with
// the key answers "in progress" and a different checkout under it is refused, before any charge.
// A failure that charged nothing ends the attempt (DECLINED, FAILED, VOIDED), freeing the key.
import { createHash } from "node:crypto";
import { releaseStock } from "../store/inventory";
import { releaseSlot } from "../store/slot-capacity";

type Queryable = { query: <R = unknown>(q: { name?: string; text: string; values?: unknown[] }) => Promise<{ rows: R[]; rowCount: number | null }> };

export type AttemptOutcome = "DECLINED" | "FAILED" | "VOIDING" | "VOIDED";
export type LiveAttempt = { status: "PENDING" | "ORDERED"; fingerprint: string; orderId: string };

export const fingerprintOf = (text: string) => createHash("sha256").update(text).digest("base64url");

/** The processor's key for one attempt: never reused, so a retry after a failure is a new charge. */
export const chargeKeyOf = (attemptId: string) => `bloom:attempt:${attemptId}`;

/**
 * Claims the client's key for a new attempt. `{ claimed: true }`, or the live attempt that holds
 * the key (the caller replays, refuses or answers "in progress").
 */
export async function claimAttempt(
  sql: Queryable,
  a: { id: string; customerId: string; idempotencyKey: string; fingerprint: string; orderId: string; amountWon: number },
): Promise<{ claimed: true } | { claimed: false; live: LiveAttempt }> {
  for (let i = 0; i < 3; i++) {
    const ins = await sql.query({
      name: "attempt-claim",
      text: `INSERT INTO payment_attempts (id, customer_id, idempotency_key, fingerprint, charge_key, order_id, amount_won, status)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'PENDING')
             ON CONFLICT (customer_id, idempotency_key) WHERE status IN ('PENDING', 'ORDERED') DO NOTHING`,
      values: [a.id, a.customerId, a.idempotencyKey, a.fingerprint, chargeKeyOf(a.id), a.orderId, a.amountWon],
    });
    if (ins.rowCount) return { claimed: true };
    const { rows } = await sql.query<LiveAttempt>({
      name: "attempt-live",
      text: `SELECT status, fingerprint, order_id AS "orderId" FROM payment_attempts
             WHERE customer_id = $1 AND idempotency_key = $2 AND status IN ('PENDING', 'ORDERED')`,
      values: [a.customerId, a.idempotencyKey],
    });
    if (rows[0]) return { claimed: false, live: rows[0] };
    // The live attempt ended between our insert and our read: the key is free again.
  }
  return { claimed: false, live: { status: "PENDING", fingerprint: a.fingerprint, orderId: a.orderId } };
}

/**
 * Ends a PENDING attempt that did not become an order and gives its stock back, in that order and
 * only if it was still PENDING (the reconciler may have taken it over). VOIDING = the void could
 * not be confirmed: the reconciler retries it.
 */
export async function settleAttempt(sql: Queryable, attemptId: string, outcome: AttemptOutcome, note: string | null = null) {
  const { rows } = await sql.query<{ orderId: string }>({
    name: "attempt-settle",
    text: `UPDATE payment_attempts SET status = $2, note = $3, updated_at = now(), reconcile_at = now()
           WHERE id = $1 AND status = 'PENDING' RETURNING order_id AS "orderId"`,
    values: [attemptId, outcome, note],
  });
  if (rows[0]) {
    await releaseStock(sql, rows[0].orderId);
    await releaseSlot(sql, rows[0].orderId);
  }
}
