// The order-fate port (M3): an order ends once. The customer's cancellation (cancel-order.ts) and
// the owner's rejection (the store board, through this port) both end it with one conditional
// update of the order's status, so when both are sent at once exactly one wins; the loser is
// refused with a code saying who won, and only the winner's event (and so one refund) follows.
import type { Tx } from "@bloom/db";

/** The statuses a rejection can end (the board rejects only before the bouquet is arranged). */
const REJECTABLE = ["PLACED", "ACCEPTED"] as const;

/**
 * Ends the order as REJECTED inside the store's transaction. Not ended: the order had already ended (the
 * customer cancelled it) or moved on — the caller rolls back and refuses, saying which.
 */
export async function endOrderAsRejected(tx: Tx, orderId: string, note: string | null, at: Date): Promise<{ ended: true } | { ended: false; status: string | null }> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH o AS (
      UPDATE ordering_orders SET status = 'REJECTED', status_reason = ${note}, updated_at = ${at}
      WHERE id = ${orderId}::uuid AND status::text = ANY(${REJECTABLE as unknown as string[]}) RETURNING id),
    h AS (
      INSERT INTO ordering_order_history (id, order_id, status, note, at)
      SELECT ${globalThis.crypto.randomUUID()}::uuid, id, 'REJECTED', ${note}, ${at} FROM o)
    SELECT id FROM o`;
  if (rows.length === 1) return { ended: true };
  const now = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM ordering_orders WHERE id = ${orderId}::uuid`;
  return { ended: false, status: now[0]?.status ?? null };
}
