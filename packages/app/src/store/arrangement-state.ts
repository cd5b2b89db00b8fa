// Photo approval (W1): an order's arrangement as the domain's rules read it.
import type { Db, Tx } from "@bloom/db";
import type { ArrangementState, ArrangementStatus } from "@bloom/domain";

export async function arrangementStateOf(db: Db | Tx, orderId: string): Promise<ArrangementState | null> {
  const a = await db.storeArrangement.findUnique({ where: { orderId }, select: { status: true, round: true, dueAt: true } });
  return a && { status: a.status as ArrangementStatus, round: a.round, dueAt: a.dueAt };
}
