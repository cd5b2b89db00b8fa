// The rider's delivery screen (F8–F10). Taking a delivery is a conditional update: of two riders
// racing for one request exactly one wins.
import type { Db } from "@bloom/db";
import { createEvent, decideComplete, decideStart, refuse, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";

export type Rider = { id: string; name: string };

export async function riderScreen(db: Db, rider: Rider) {
  // "Mine" is read per status, each newest first from the (rider, status, updated_at) index: one
  // query over all statuses would sort the rider's whole history on every screen load (measured by
  // `npm run bench -- --scale`). Deliveries under way come first and are never cut off by history;
  // then, newest first, completed ones and recalls (the customer cancelled after the pickup).
  const mineOf = (status: "STARTED" | "CANCELLED" | "COMPLETED") =>
    db.delivery.findMany({ where: { riderId: rider.id, status }, orderBy: { updatedAt: "desc" }, take: 30 });
  const [open, started, recalled, completed] = await Promise.all([
    db.delivery.findMany({ where: { status: "OPEN" }, orderBy: [{ deliveryDate: "asc" }, { createdAt: "asc" }], take: 50 }),
    mineOf("STARTED"),
    mineOf("CANCELLED"),
    mineOf("COMPLETED"),
  ]);
  const history = [...recalled, ...completed].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  return { open, mine: [...started, ...history].slice(0, Math.max(30, started.length)) };
}

export async function startDelivery(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d) return refuse("NOT_FOUND", "Delivery not found");
  const won = await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({
      where: { id: deliveryId, status: "OPEN" },
      data: { status: "STARTED", riderId: rider.id, riderName: rider.name, startedAt: new Date() },
    });
    if (n.count === 0) return false;
    await appendEvents(tx, [
      createEvent("DeliveryStarted", d.orderId, { deliveryId, riderId: rider.id, riderName: rider.name }, { role: "RIDER", id: rider.id }),
    ]);
    return true;
  });
  if (!won) {
    const now = await ctx.db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    if (now.riderId === rider.id && now.status === "STARTED") return { ok: true };
    const why = decideStart(now.status);
    return why.ok ? refuse("ALREADY_TAKEN", "Another rider has already taken this delivery") : why;
  }
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id }, "delivery started");
  return { ok: true };
}

export async function completeDelivery(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d || d.riderId !== rider.id) return refuse("NOT_FOUND", "Delivery not found");
  if (d.status === "COMPLETED") return { ok: true };
  const decision = decideComplete(d, rider.id);
  if (!decision.ok) return decision;
  const done = await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({
      where: { id: deliveryId, riderId: rider.id, status: "STARTED" },
      data: { status: "COMPLETED", completedAt: new Date() },
    });
    if (n.count === 0) return false;
    await appendEvents(tx, [createEvent("DeliveryCompleted", d.orderId, { deliveryId, riderId: rider.id }, { role: "RIDER", id: rider.id })]);
    return true;
  });
  if (!done) return refuse("INVALID_TRANSITION", "This delivery changed meanwhile");
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id }, "delivery completed");
  return { ok: true };
}
