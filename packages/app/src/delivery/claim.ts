// claimDelivery (F9, D3): a rider takes an open request. The bouquet is still at the shop, so the
// order stays cancellable; the pickup is its own step (confirm-pickup.ts). The claim is a
// conditional update: of riders racing for one request exactly one wins.
import { createEvent, decideClaim, refuse, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import type { Rider } from "./rider";

export async function claimDelivery(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d) return refuse("NOT_FOUND", "Delivery not found");
  const first = decideClaim(d, rider.id);
  if (!first.ok) return first;
  if (first.alreadyMine) return { ok: true };
  const at = new Date();
  const won = await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({
      where: { id: deliveryId, status: "OPEN" },
      data: { status: "CLAIMED", riderId: rider.id, riderName: rider.name, claimedAt: at },
    });
    if (n.count === 0) return false;
    await appendEvents(tx, [
      createEvent("DeliveryClaimed", d.orderId, { deliveryId, riderId: rider.id, riderName: rider.name }, { role: "RIDER", id: rider.id }, at),
    ]);
    return true;
  });
  if (!won) {
    // Lost the race (or a double tap): the row as it is now says whose it is.
    const now = await ctx.db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    const why = decideClaim(now, rider.id);
    if (!why.ok) return why;
    return why.alreadyMine ? { ok: true } : refuse("ALREADY_TAKEN", "Another rider has already taken this delivery");
  }
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id }, "delivery claimed");
  return { ok: true };
}
