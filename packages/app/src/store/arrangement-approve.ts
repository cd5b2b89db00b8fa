// Photo approval (W1): the approval itself, by the sender or by the window lapsing, and the
// sweeper that finds lapsed windows. One transaction locks the arrangement and the store order,
// approves, moves the order to Decorated and writes ArrangementApproved + DecorationCompleted — so
// the delivery request (policy "delivery-request") is made only now. Concurrent approvals (two
// sweepers, a sweeper and a late tap) serialize on the row lock: exactly one writes the events.
import { sqlOf, type Db, type Store, type StoreOrder } from "@bloom/db";
import { createEvent, SYSTEM, type Actor, type Approver } from "@bloom/domain";
import { appendEvents } from "../shared/outbox";
import { decorationCompletedEvent } from "./decoration-completed";
import { riderFactsOf } from "./rider-facts";

/** approved: this call approved; lost: someone else did, or it is not (or no longer) waiting; withdrawn: the order had left Accepted (cancelled). */
export type ApprovalOutcome = "approved" | "lost" | "withdrawn";

export async function approveArrangement(db: Db, orderId: string, by: Approver, actor: Actor, now = new Date()): Promise<ApprovalOutcome> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string; round: number; due_at: Date | null; submitted_by: string }[]>`
      SELECT status, round, due_at, submitted_by FROM store_arrangements WHERE order_id = ${orderId}::uuid FOR UPDATE`;
    const a = rows[0];
    if (!a || a.status !== "AWAITING" || !a.due_at) return "lost";
    // The sender answers within the window; silence approves only after it.
    const lapsed = a.due_at.getTime() <= now.getTime();
    if (by === "sender" ? lapsed : !lapsed) return "lost";
    const so = (await tx.$queryRaw<{ id: string }[]>`SELECT id FROM store_orders WHERE order_id = ${orderId}::uuid FOR UPDATE`)[0];
    const order: StoreOrder | null = so ? await tx.storeOrder.findUnique({ where: { id: so.id } }) : null;
    if (!order || order.status !== "ACCEPTED") {
      await tx.storeArrangement.update({ where: { orderId }, data: { status: "WITHDRAWN", dueAt: null } });
      return "withdrawn";
    }
    const store: Store = await tx.store.findUniqueOrThrow({ where: { id: order.storeId } });
    await tx.storeArrangement.update({ where: { orderId }, data: { status: "APPROVED", approvedBy: by, approvedAt: now } });
    await tx.storeOrder.update({ where: { id: order.id }, data: { status: "DECORATED" } });
    await appendEvents(tx, [
      createEvent("ArrangementApproved", orderId, { storeId: order.storeId, round: a.round, by }, actor, now),
      // The florist finished the bouquet; the approval lets it go out.
      decorationCompletedEvent(store, order, await riderFactsOf(store, order), { role: "OWNER", id: a.submitted_by }, now),
    ]);
    return "approved";
  });
}

export const ARRANGEMENT_SWEEP_BATCH = 50;

/** Approves every arrangement whose window has lapsed (the worker's loop; safe to run anywhere, any number of times at once). */
export async function approveLapsedArrangements(db: Db, now = new Date(), batch = ARRANGEMENT_SWEEP_BATCH): Promise<Record<ApprovalOutcome, number>> {
  const { rows } = await sqlOf(db).query<{ order_id: string }>({
    name: "arrangements-lapsed",
    text: "SELECT order_id FROM store_arrangements WHERE status = 'AWAITING' AND due_at <= $1 ORDER BY due_at LIMIT $2::int",
    values: [now, batch],
  });
  const out: Record<ApprovalOutcome, number> = { approved: 0, lost: 0, withdrawn: 0 };
  for (const r of rows) out[await approveArrangement(db, r.order_id, "timeout", SYSTEM, now)]++;
  return out;
}
