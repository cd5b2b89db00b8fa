// arriveAtShop (D3): the rider who claimed a delivery says they are at the shop, so the florist
// knows whom to hand the bouquet to. Optional: a pickup may follow the claim directly.
import { createEvent, decideArrive, refuse, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import type { Rider } from "./rider";

export async function arriveAtShop(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d) return refuse("NOT_FOUND", "Delivery not found");
  const decision = decideArrive(d, rider.id);
  if (!decision.ok) return decision;
  if (decision.alreadyThere) return { ok: true };
  const at = new Date();
  const done = await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({ where: { id: deliveryId, riderId: rider.id, status: "CLAIMED" }, data: { status: "AT_SHOP", arrivedAt: at } });
    if (n.count === 0) return false;
    await appendEvents(tx, [createEvent("RiderArrivedAtShop", d.orderId, { deliveryId, riderId: rider.id }, { role: "RIDER", id: rider.id }, at)]);
    return true;
  });
  if (!done) {
    // Picked up by the florist or cancelled by the customer meanwhile: say which.
    const again = decideArrive(await ctx.db.delivery.findUniqueOrThrow({ where: { id: deliveryId } }), rider.id);
    return again.ok ? { ok: true } : again;
  }
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id }, "rider at the shop");
  return { ok: true };
}
