// Refunds (F7, F12, M3, M4) as a state machine on the payment: APPROVED → REFUND_PENDING → REFUNDED.
// - Policy "refund" decides: on StoreOrderRejected or OrderCancelled, one conditional update moves
//   the payment to REFUND_PENDING, in the inbox transaction. Whichever cause comes first wins; the
//   other finds it no longer APPROVED and changes nothing. No processor call happens here.
// - The refund executor (the worker runs it on a timer and right after each decision) claims due
//   refunds with a lease, calls the processor outside any transaction with one idempotency key per
//   payment (`refund:<payment id>`, so a retry after a timeout or a crash never refunds twice), and
//   on success moves REFUND_PENDING → REFUNDED and appends the one PaymentRefunded, in one
//   transaction. A failure backs off (1 s doubling, capped) and retries until it succeeds; past
//   `alertAfter` attempts every failure is logged as an error and counted for operators.
import { sqlOf, type Db, type Transaction } from "@bloom/db";
import { createEvent, SYSTEM, type DomainEvent, type PaymentGateway } from "@bloom/domain";
import type { Logger } from "../shared/context";
import { appendEvents } from "../shared/outbox";

const REFUND_CAUSE = { OrderCancelled: "CANCELLED", StoreOrderRejected: "REJECTED", DeliveryAbandoned: "UNDELIVERED" } as const;
const CAUSES = Object.values(REFUND_CAUSE) as string[];

export const refundKeyOf = (paymentId: string) => `refund:${paymentId}`;

/** Policy "refund": decides the refund (exactly one cause wins). The executor carries it out. */
export async function requestRefund(tx: Transaction, e: DomainEvent<"StoreOrderRejected" | "OrderCancelled" | "DeliveryAbandoned">) {
  const cause = REFUND_CAUSE[e.type];
  const { rows } = await tx.client.query<{ customerId: string; status: string; requested: boolean }>({
    name: "refund-request",
    text: `WITH req AS (
      UPDATE payment_payments SET status = 'REFUND_PENDING', refund_cause = $2, refund_requested_at = now(), refund_next_at = now()
      WHERE order_id = $1::uuid AND status = 'APPROVED' RETURNING id)
    SELECT customer_id AS "customerId", status::text, EXISTS (SELECT 1 FROM req) AS requested
    FROM payment_payments WHERE order_id = $1::uuid`,
    values: [e.orderId, cause],
  });
  const p = rows[0];
  return p ? { customerId: p.customerId, refundRequested: p.requested } : {};
}

export type RefundOutcome = "refunded" | "retry";
export type RefundExecutorOptions = { batch?: number; leaseMs?: number; maxBackoffMs?: number; alertAfter?: number; log: Logger; onOutcome?: (o: RefundOutcome, attempts: number) => void };

type Due = { id: string; orderId: string; providerRef: string; amountWon: number; cause: string | null; attempts: number };

/** Carries out the refunds that are due. Returns how many were refunded and how many will be retried. */
export async function executeRefunds(db: Db, gateway: PaymentGateway, opts: RefundExecutorOptions) {
  const sql = sqlOf(db);
  const lease = opts.leaseMs ?? 60_000;
  const { rows: due } = await sql.query<Due>({
    name: "refund-claim",
    text: `UPDATE payment_payments p SET refund_attempts = p.refund_attempts + 1, refund_next_at = now() + $2 * interval '1 millisecond'
           WHERE p.id IN (
             SELECT id FROM payment_payments WHERE status = 'REFUND_PENDING' AND refund_next_at <= now()
             ORDER BY refund_next_at LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING p.id, p.order_id AS "orderId", p.provider_ref AS "providerRef", p.amount_won AS "amountWon",
                     p.refund_cause AS cause, p.refund_attempts AS attempts`,
    values: [opts.batch ?? 20, lease],
  });
  const out = { refunded: 0, retry: 0 };
  await Promise.all(
    due.map(async (p) => {
      try {
        await gateway.refund({ providerRef: p.providerRef, amountWon: p.amountWon, idempotencyKey: refundKeyOf(p.id) });
      } catch (e) {
        out.retry++;
        const backoff = Math.min(opts.maxBackoffMs ?? 30_000, 1000 * 2 ** Math.min(p.attempts - 1, 20));
        await sql.query({
          name: "refund-backoff",
          text: `UPDATE payment_payments SET refund_next_at = now() + $2 * interval '1 millisecond', refund_last_error = $3
                 WHERE id = $1 AND status = 'REFUND_PENDING'`,
          values: [p.id, backoff, String(e).slice(0, 500)],
        });
        const line = { orderId: p.orderId, paymentId: p.id, attempts: p.attempts, retryInMs: backoff, err: String(e) };
        if (p.attempts >= (opts.alertAfter ?? 8)) opts.log.error({ ...line, attention: true }, "refund still failing at the processor; retrying");
        else opts.log.warn(line, "refund failed at the processor; retrying");
        opts.onOutcome?.("retry", p.attempts);
        return;
      }
      const refunded = await db.$transaction(async (tx) => {
        const n = await tx.$executeRaw`
          UPDATE payment_payments SET status = 'REFUNDED', refunded_at = now(), refund_last_error = NULL
          WHERE id = ${p.id}::uuid AND status = 'REFUND_PENDING'`;
        if (n === 0) return false;
        await appendEvents(tx, [
          createEvent("PaymentRefunded", p.orderId, { paymentId: p.id, amountWon: p.amountWon, cause: CAUSES.includes(p.cause ?? "") ? (p.cause as (typeof REFUND_CAUSE)[keyof typeof REFUND_CAUSE]) : "CANCELLED" }, SYSTEM),
        ]);
        return true;
      });
      if (refunded) {
        out.refunded++;
        opts.log.info({ orderId: p.orderId, paymentId: p.id, attempts: p.attempts }, "payment refunded");
        opts.onOutcome?.("refunded", p.attempts);
      }
    }),
  );
  return out;
}

/** Refunds not yet confirmed, and those failing for `alertAfter` attempts or more (metrics, ops). */
export async function refundBacklog(db: Db, alertAfter = 8) {
  const { rows } = await sqlOf(db).query<{ pending: number; failing: number; oldest: number | null }>({
    name: "refund-backlog",
    text: `SELECT count(*)::int AS pending, count(*) FILTER (WHERE refund_attempts >= $1)::int AS failing,
                  EXTRACT(EPOCH FROM now() - min(refund_requested_at))::float8 AS oldest
           FROM payment_payments WHERE status = 'REFUND_PENDING'`,
    values: [alertAfter],
  });
  return { pending: rows[0]?.pending ?? 0, failing: rows[0]?.failing ?? 0, oldestSeconds: rows[0]?.oldest ?? 0 };
}

export type PendingRefund = { paymentId: string; orderId: string; amountWon: number; cause: string | null; attempts: number; lastError: string | null; requestedAt: Date | null; nextAt: Date | null };

/** Refunds not yet confirmed, most tried first (operators, M4). */
export async function pendingRefunds(db: Db, limit = 50): Promise<PendingRefund[]> {
  const { rows } = await sqlOf(db).query<PendingRefund>({
    name: "refund-pending-list",
    text: `SELECT id AS "paymentId", order_id AS "orderId", amount_won AS "amountWon", refund_cause AS cause,
                  refund_attempts AS attempts, refund_last_error AS "lastError", refund_requested_at AS "requestedAt", refund_next_at AS "nextAt"
           FROM payment_payments WHERE status = 'REFUND_PENDING' ORDER BY refund_attempts DESC, refund_requested_at LIMIT $1`,
    values: [limit],
  });
  return rows;
}

/** An operator's "try now" (after the processor is fixed): the refund is due at once. False if it is not pending. */
export async function retryRefundNow(db: Db, paymentId: string): Promise<boolean> {
  const { rowCount } = await sqlOf(db).query({
    name: "refund-retry-now",
    text: `UPDATE payment_payments SET refund_next_at = now() WHERE id = $1 AND status = 'REFUND_PENDING'`,
    values: [paymentId],
  });
  return rowCount === 1;
}
