// confirmPickup (D3): the handover at the shop, confirmed by the rider who claimed the delivery or
// by the shop's owner on the board. From here the bouquet is on its way: the order can no longer
// be cancelled (DeliveryStarted moves it to DELIVERING) and the board moves the card to Done.
import type { Delivery } from "@bloom/db";
import { BEFORE_PICKUP, createEvent, decidePickup, refuse, type Actor, type PickupConfirmer, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { storeIdsOf, type Owner } from "../store/board";
import type { Rider } from "./rider";

type By = { role: "RIDER"; riderId: string } | { role: "OWNER" };

/** Rider and owner confirm alike: one conditional update, so two confirmations at once make one pickup. */
async function pickUp(ctx: AppContext, d: Delivery, by: By, confirmedBy: PickupConfirmer, actor: Actor): Promise<Result<object>> {
  const decision = decidePickup(d, by);
  if (!decision.ok || decision.alreadyPickedUp) return decision;
  const { riderId, riderName } = d;
  if (!riderId || !riderName) return refuse("INVALID_TRANSITION", "No rider has claimed this delivery yet");
  const at = new Date();
  const done = await ctx.db.$transaction(async (tx) => {
    // Conditional on the claim read: a cancellation or another confirmation meanwhile wins cleanly.
    const n = await tx.delivery.updateMany({
      where: { id: d.id, riderId, status: { in: [...BEFORE_PICKUP] } },
      data: { status: "STARTED", startedAt: at, pickedUpBy: confirmedBy },
    });
    if (n.count === 0) return false;
    await appendEvents(tx, [createEvent("DeliveryStarted", d.orderId, { deliveryId: d.id, riderId, riderName, confirmedBy }, actor, at)]);
    return true;
  });
  if (!done) {
    const again = decidePickup(await ctx.db.delivery.findUniqueOrThrow({ where: { id: d.id } }), by);
    return again.ok ? { ok: true } : again;
  }
  ctx.log.info({ orderId: d.orderId, deliveryId: d.id, riderId, confirmedBy }, "delivery picked up");
  return { ok: true };
}

/** The rider who claimed the delivery confirms they have the bouquet. */
export async function confirmPickupByRider(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d) return refuse("NOT_FOUND", "Delivery not found");
  return pickUp(ctx, d, { role: "RIDER", riderId: rider.id }, "RIDER", { role: "RIDER", id: rider.id });
}

/**
 * The florist hands the bouquet over and confirms it on the board (by the order, as the board
 * knows it). Only for a delivery of the owner's own shop: any other reads as not found.
 */
export async function confirmPickupByOwner(ctx: AppContext, owner: Owner, orderId: string): Promise<Result<object>> {
  const [ids, d] = await Promise.all([storeIdsOf(ctx.db, owner), ctx.db.delivery.findUnique({ where: { orderId } })]);
  if (!d || !ids.includes(d.storeId)) return refuse("NOT_FOUND", "Delivery not found for your shop");
  return pickUp(ctx, d, { role: "OWNER" }, "OWNER", { role: owner.role === "ADMIN" ? "ADMIN" : "OWNER", id: owner.id });
}
