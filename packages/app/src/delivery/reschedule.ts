// The shop's answer to a failed delivery (D4), on its board: a new date and slot — the same
// delivery row goes back to OPEN for any rider, its attempt counter kept, so one order keeps one
// delivery (and one card, one MyPage row) however many attempts it takes — or a refund instead.
// The redelivery fee is recorded on the order (policy "order-status"), not charged: charging the
// sender again through the processor is left to do. The new slot follows the shop's schedule (D2)
// like a new order: a closed day, a slot too soon or full is refused, and the order's unit of slot
// capacity moves from the old slot to the new one in the same transaction as the reschedule.
import { sqlOf, type Delivery } from "@bloom/db";
import { createEvent, decideRefundUndelivered, decideReschedule, recipientSlotSchema, refuse, AWAITING_SHOP, type Actor, type RescheduleInput, type Result } from "@bloom/domain";
import { refuseUnbookableSlotAt } from "../ordering/slot-check";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { storeIdsOf, type Owner } from "../store/board";

async function ownDelivery(ctx: AppContext, owner: Owner, orderId: string): Promise<Delivery | null> {
  const [ids, d] = await Promise.all([storeIdsOf(ctx.db, owner), ctx.db.delivery.findUnique({ where: { orderId } })]);
  return d && ids.includes(d.storeId) ? d : null;
}

const actorOf = (owner: Owner): Actor => ({ role: owner.role === "ADMIN" ? "ADMIN" : "OWNER", id: owner.id });

export async function rescheduleDelivery(ctx: AppContext, owner: Owner, orderId: string, input: RescheduleInput): Promise<Result<object>> {
  const d = await ownDelivery(ctx, owner, orderId);
  if (!d) return refuse("NOT_FOUND", "Delivery not found for your shop");
  return rescheduleFound(ctx, d, orderId, input, actorOf(owner));
}

/**
 * X2: the recipient picks the new slot on their tracking link (the token is their authority for
 * this one order). The shop's own rules, the same path; no redelivery fee — that stays the shop's.
 */
export async function rescheduleForRecipient(ctx: AppContext, orderId: string, raw: unknown): Promise<Result<object>> {
  const parsed = recipientSlotSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse("VALIDATION", `${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}`);
  }
  const d = await ctx.db.delivery.findUnique({ where: { orderId } });
  // The link is genuine (the order exists): no delivery yet is nothing to reschedule, not "not found".
  if (!d) return refuse("INVALID_TRANSITION", "There is no failed delivery to reschedule");
  return rescheduleFound(ctx, d, orderId, { ...parsed.data, feeWon: 0 }, { role: "RECIPIENT", id: null });
}

async function rescheduleFound(ctx: AppContext, d: Delivery, orderId: string, input: RescheduleInput, actor: Actor): Promise<Result<object>> {
  const decision = decideReschedule(d, input);
  if (!decision.ok) return decision;
  const at = new Date();
  const unbookable = await refuseUnbookableSlotAt(sqlOf(ctx.db), d.storeId, input.deliveryDate, input.timeSlot, at);
  if (unbookable) return unbookable;
  let done: boolean;
  try {
    done = await moveAndReopen(ctx, d, orderId, input, actor, at);
  } catch (e) {
    // store_reserve_slot raised: the new slot filled up since the pre-check (the transaction is undone).
    if (String((e as Error)?.message ?? e).includes("slot full")) return refuse("SLOT_FULL", "That slot has just filled up; pick another one");
    throw e;
  }
  if (!done) return refuse("INVALID_TRANSITION", "This delivery changed meanwhile");
  ctx.log.info({ orderId, deliveryId: d.id, deliveryDate: input.deliveryDate, timeSlot: input.timeSlot, feeWon: input.feeWon, by: actor.role }, "delivery rescheduled");
  return { ok: true };
}

async function moveAndReopen(ctx: AppContext, d: Delivery, orderId: string, input: RescheduleInput, actor: Actor, at: Date): Promise<boolean> {
  return ctx.db.$transaction(async (tx) => {
    // The order gives back its unit of the old slot and takes one of the new (raising when full).
    await tx.$queryRaw`SELECT store_release_slot(${orderId}::uuid)`;
    await tx.$executeRaw`DELETE FROM store_slot_reservations WHERE order_id = ${orderId}::uuid AND released_at IS NOT NULL`;
    await tx.$queryRaw`SELECT store_reserve_slot(${orderId}::uuid, ${d.storeId}::uuid, ${input.deliveryDate}, ${input.timeSlot})`;
    // Conditional on RETURNED: of a reschedule and a refund sent at once, one wins.
    const n = await tx.delivery.updateMany({
      where: { id: d.id, status: "RETURNED" },
      data: {
        status: "OPEN",
        deliveryDate: input.deliveryDate,
        timeSlot: input.timeSlot,
        riderId: null,
        riderName: null,
        claimedAt: null,
        arrivedAt: null,
        startedAt: null,
        pickedUpBy: null,
        redeliveryFeeWon: { increment: input.feeWon },
      },
    });
    if (n.count === 0) throw new LostRace();
    await appendEvents(tx, [
      createEvent("DeliveryRescheduled", orderId, { deliveryId: d.id, storeId: d.storeId, deliveryDate: input.deliveryDate, timeSlot: input.timeSlot, feeWon: input.feeWon }, actor, at),
    ]);
    return true;
  }).catch((e: unknown) => {
    if (e instanceof LostRace) return false; // thrown so the slot move above is undone too
    throw e;
  });
}

class LostRace extends Error {}

/**
 * Ends a failed delivery with a refund. The refund itself is the existing path (payment/refund.ts):
 * policy "refund" moves the payment to REFUND_PENDING with one conditional update — whichever
 * cause comes first, a customer's cancellation included — and the executor pays it once under
 * the payment's own idempotency key. A bouquet still with the rider reads as recalled: the rider's
 * screen asks them to bring it back.
 */
export async function refundUndelivered(ctx: AppContext, owner: Owner, orderId: string, reason: string | null): Promise<Result<object>> {
  const d = await ownDelivery(ctx, owner, orderId);
  if (!d) return refuse("NOT_FOUND", "Delivery not found for your shop");
  const decision = decideRefundUndelivered(d);
  if (!decision.ok) return decision;
  const done = await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({ where: { id: d.id, status: { in: [...AWAITING_SHOP] } }, data: { status: "CANCELLED", returnedAt: d.backAtShopAt } });
    if (n.count === 0) return false;
    await appendEvents(tx, [createEvent("DeliveryAbandoned", orderId, { deliveryId: d.id, storeId: d.storeId, reason }, actorOf(owner))]);
    return true;
  });
  if (!done) return refuse("INVALID_TRANSITION", "This delivery changed meanwhile");
  ctx.log.info({ orderId, deliveryId: d.id }, "failed delivery refunded by the shop");
  return { ok: true };
}
