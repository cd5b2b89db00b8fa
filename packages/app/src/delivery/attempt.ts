// A failed attempt at the door (D4): nobody took the bouquet, so the rider records why and brings
// it back to the shop (the model: a bouquet waits at the shop, not in the rider's bag), then
// confirms it is there; the shop reschedules or refunds (reschedule.ts).
import { createEvent, decideAttempt, decideBackAtShop, refuse, type AttemptReason, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import type { Rider } from "./rider";

export async function recordAttempt(ctx: AppContext, rider: Rider, deliveryId: string, reason: AttemptReason, note: string | null): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d) return refuse("NOT_FOUND", "Delivery not found");
  const decision = decideAttempt(d, rider.id);
  if (!decision.ok || decision.already) return decision;
  const at = new Date();
  const done = await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({
      where: { id: deliveryId, riderId: rider.id, status: "STARTED" },
      data: { status: "ATTEMPTED", attempts: { increment: 1 }, attemptedAt: at, attemptReason: reason, attemptNote: note, backAtShopAt: null },
    });
    if (n.count === 0) return false;
    await appendEvents(tx, [
      createEvent("DeliveryAttempted", d.orderId, { deliveryId, riderId: rider.id, reason, note, attempt: d.attempts + 1 }, { role: "RIDER", id: rider.id }, at),
    ]);
    return true;
  });
  if (!done) {
    const again = decideAttempt(await ctx.db.delivery.findUniqueOrThrow({ where: { id: deliveryId } }), rider.id);
    return again.ok ? { ok: true } : again;
  }
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id, reason }, "delivery attempted");
  return { ok: true };
}

export async function confirmBackAtShop(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d) return refuse("NOT_FOUND", "Delivery not found");
  const decision = decideBackAtShop(d, rider.id);
  if (!decision.ok || decision.already) return decision;
  const at = new Date();
  await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({ where: { id: deliveryId, riderId: rider.id, status: "ATTEMPTED" }, data: { status: "RETURNED", backAtShopAt: at } });
    if (n.count === 0) return; // a double tap: once is enough
    await appendEvents(tx, [createEvent("DeliveryBackAtShop", d.orderId, { deliveryId, riderId: rider.id, riderName: rider.name }, { role: "RIDER", id: rider.id }, at)]);
  });
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id }, "failed delivery back at the shop");
  return { ok: true };
}
