// Photo approval (W1), the sender's side: approve the photo, or ask for one change with a short
// note, while the window is open. Only the order's sender may answer (the ordering context's
// customer, read by order id to decide access).
import { createEvent, decideArrangementAnswer, refuse, type ArrangementAnswer, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { approveArrangement } from "./arrangement-approve";
import { arrangementStateOf } from "./arrangement-state";

export type Sender = { id: string };

export async function answerArrangement(
  ctx: AppContext,
  sender: Sender,
  orderId: string,
  answer: ArrangementAnswer,
  now = new Date(),
): Promise<Result<{ status: "APPROVED" | "CHANGE_REQUESTED" }>> {
  const order = await ctx.db.order.findUnique({ where: { id: orderId }, select: { customerId: true } });
  if (!order) return refuse("NOT_FOUND", "Order not found");
  if (order.customerId !== sender.id) return refuse("NOT_THE_SENDER", "Only the sender of this order can answer its photo");
  const decide = async () => decideArrangementAnswer(await arrangementStateOf(ctx.db, orderId), answer, now);
  const decision = await decide();
  if (!decision.ok) return decision;
  const actor = { role: "CUSTOMER" as const, id: sender.id };

  if (decision.next === "APPROVED") {
    const outcome = await approveArrangement(ctx.db, orderId, "sender", actor, now);
    if (outcome === "approved") return { ok: true, status: "APPROVED" };
    if (outcome === "withdrawn") return refuse("ORDER_CANCELLED", "This order was cancelled");
    // Someone settled it meanwhile (the window lapsed, a second tap): say what it is now.
    const again = await decide();
    return again.ok ? refuse("INVALID_TRANSITION", "This photo changed meanwhile; look again") : again;
  }

  const note = answer.kind === "change" ? answer.note : "";
  const changed = await ctx.db.$transaction(async (tx) => {
    const a = await tx.storeArrangement.findUnique({ where: { orderId }, select: { storeId: true, round: true } });
    if (!a) return false;
    // Conditional on the state decided from: still waiting, still within the window, still the first round.
    const n = await tx.storeArrangement.updateMany({
      where: { orderId, status: "AWAITING", round: a.round, dueAt: { gt: now } },
      data: { status: "CHANGE_REQUESTED", changeNote: note, changeRequestedAt: now, dueAt: null },
    });
    if (n.count === 0) return false;
    await appendEvents(tx, [createEvent("ArrangementChangeRequested", orderId, { storeId: a.storeId, round: a.round, note }, actor, now)]);
    return true;
  });
  if (changed) {
    ctx.log.info({ orderId }, "arrangement change requested");
    return { ok: true, status: "CHANGE_REQUESTED" };
  }
  const again = await decide();
  return again.ok ? refuse("INVALID_TRANSITION", "This photo changed meanwhile; look again") : again;
}
