// The payment reconciler (M2), run by the worker: no captured charge stays without an order, and no
// order stands without its capture.
// - An attempt still PENDING after the grace period lost its web process between charging and
//   storing the order (or never heard back). It is taken over (PENDING → VOIDING, conditional, so
//   the late web process can no longer store the order), the charge is voided by its processor key
//   (a tombstone when the processor has none, so a charge still in flight can never capture), and
//   the stock is given back. VOIDING → VOIDED is conditional too: counted once, whoever retries.
// - A VOIDING attempt (the void failed, or the reconciler died midway) is retried with backoff.
// - An ORDERED attempt is checked once against the processor's ledger; an order whose capture the
//   processor does not have (or has for another amount) is flagged for a person.
// The processor is never called inside a database transaction; rows are claimed with a lease
// (reconcile_at) under SKIP LOCKED, so several workers split the work.
import { sqlOf, type Db } from "@bloom/db";
import type { PaymentGateway } from "@bloom/domain";
import type { Logger } from "../shared/context";
import { releaseStock } from "../store/inventory";
import { releaseSlot } from "../store/slot-capacity";

export type ReconcileAction = "voided" | "abandoned" | "verified" | "flagged";
export type ReconcileOptions = { graceMs: number; batch?: number; checkBatch?: number; leaseMs?: number; log: Logger; onAction?: (a: ReconcileAction) => void };

/** ORDERED attempts checked per round: one processor lookup each round, so it keeps up with the orders. */
export const RECONCILE_CHECK_BATCH = 500;

type Claimed = { id: string; chargeKey: string; orderId: string; amountWon: number; status: string; customerId: string; idempotencyKey: string };

export async function reconcilePayments(db: Db, gateway: PaymentGateway, opts: ReconcileOptions): Promise<Record<ReconcileAction, number>> {
  const sql = sqlOf(db);
  const batch = opts.batch ?? 100;
  const lease = opts.leaseMs ?? 30_000;
  const done: Record<ReconcileAction, number> = { voided: 0, abandoned: 0, verified: 0, flagged: 0 };
  const act = (a: ReconcileAction) => {
    done[a]++;
    opts.onAction?.(a);
  };

  // 1. Stale PENDING → VOIDING (taken over), and VOIDING whose lease or backoff has passed.
  const { rows: voiding } = await sql.query<Claimed>({
    name: "reconcile-claim-void",
    text: `UPDATE payment_attempts a SET status = 'VOIDING', reconcile_at = now() + $3 * interval '1 millisecond', updated_at = now(),
             note = CASE WHEN a.status = 'PENDING' THEN 'reconciler: no order after the grace period' ELSE a.note END
           WHERE a.id IN (
             SELECT id FROM payment_attempts
             WHERE ((status = 'PENDING' AND created_at < now() - $1 * interval '1 millisecond') OR status = 'VOIDING')
               AND reconcile_at <= now()
             ORDER BY reconcile_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING a.id, a.charge_key AS "chargeKey", a.order_id AS "orderId", a.amount_won AS "amountWon", a.status,
                     a.customer_id AS "customerId", a.idempotency_key AS "idempotencyKey"`,
    values: [opts.graceMs, batch, lease],
  });
  for (const a of voiding) {
    try {
      const charge = await gateway.findCharge(a.chargeKey);
      await gateway.void(a.chargeKey);
      const { rows } = await sql.query<{ orderId: string }>({
        name: "reconcile-voided",
        text: `UPDATE payment_attempts SET status = 'VOIDED', updated_at = now() WHERE id = $1 AND status = 'VOIDING' RETURNING order_id AS "orderId"`,
        values: [a.id],
      });
      if (!rows[0]) continue;
      await releaseStock(sql, a.orderId);
      await releaseSlot(sql, a.orderId);
      const captured = charge?.status === "CAPTURED" || charge?.status === "PROCESSING";
      act(captured ? "voided" : "abandoned");
      opts.log.warn(
        { chargeKey: a.chargeKey, idempotencyKey: a.idempotencyKey, customerId: a.customerId, amountWon: a.amountWon, processorStatus: charge?.status ?? "none", reconciled: captured ? "voided" : "abandoned" },
        captured ? "payment reconciled: voided a capture whose order never committed" : "payment reconciled: attempt without an order closed (nothing captured)",
      );
    } catch (e) {
      // Processor unreachable: the attempt stays VOIDING and comes back after a backoff.
      await sql.query({
        name: "reconcile-backoff",
        text: `UPDATE payment_attempts SET reconcile_at = now() + interval '5 seconds', note = $2 WHERE id = $1 AND status = 'VOIDING'`,
        values: [a.id, `void failed: ${String(e).slice(0, 200)}`],
      });
      opts.log.warn({ chargeKey: a.chargeKey, err: String(e) }, "payment reconciler: void failed, will retry");
    }
  }

  // 2. ORDERED attempts not yet checked against the processor's ledger.
  const { rows: ordered } = await sql.query<Claimed>({
    name: "reconcile-claim-check",
    text: `UPDATE payment_attempts a SET reconcile_at = now() + $3 * interval '1 millisecond'
           WHERE a.id IN (
             SELECT id FROM payment_attempts
             WHERE status = 'ORDERED' AND checked_at IS NULL AND created_at < now() - $1 * interval '1 millisecond' AND reconcile_at <= now()
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING a.id, a.charge_key AS "chargeKey", a.order_id AS "orderId", a.amount_won AS "amountWon", a.status,
                     a.customer_id AS "customerId", a.idempotency_key AS "idempotencyKey"`,
    values: [opts.graceMs, opts.checkBatch ?? RECONCILE_CHECK_BATCH, lease],
  });
  // One lookup for the whole batch: this runs for every order placed.
  let charges = new Map<string, Awaited<ReturnType<PaymentGateway["findCharge"]>>>();
  if (ordered.length) {
    try {
      charges = await gateway.findCharges(ordered.map((a) => a.chargeKey));
    } catch (e) {
      opts.log.warn({ attempts: ordered.length, err: String(e) }, "payment reconciler: processor unreachable, will check later");
      return done;
    }
  }
  for (const a of ordered) {
    const charge = charges.get(a.chargeKey) ?? null;
    const ok = !!charge && (charge.status === "CAPTURED" || charge.status === "REFUNDED") && charge.amountWon === a.amountWon;
    const note = ok ? null : `MISSING_CAPTURE: processor has ${charge ? `${charge.status} ${charge.amountWon}` : "no charge"}, order total ${a.amountWon}`;
    const { rowCount } = await sql.query({
      name: "reconcile-checked",
      text: `UPDATE payment_attempts SET checked_at = now(), note = COALESCE($2, note) WHERE id = $1 AND checked_at IS NULL`,
      values: [a.id, note],
    });
    if (!rowCount) continue;
    act(ok ? "verified" : "flagged");
    if (!ok) opts.log.error({ orderId: a.orderId, chargeKey: a.chargeKey, attention: true }, `payment reconciler: ${note}`);
  }
  return done;
}
