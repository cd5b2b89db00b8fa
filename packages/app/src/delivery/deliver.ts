// deliver (F10, D4, D5): the rider hands the bouquet over at the door — to the recipient, or to a
// named neighbour or concierge, which counts as delivered — with the proof the shop asks for: a
// photo (already stripped and stored through PhotoStorage; here only its key) and/or a note.
import { createEvent, decideDelivered, refuse, type DoorOutcome, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import type { Rider } from "./rider";

export type DeliverInput = { leftWith: string | null; note: string | null; photoKey: string | null };

export async function deliver(ctx: AppContext, rider: Rider, deliveryId: string, input: DeliverInput): Promise<Result<{ already: boolean }>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d || d.riderId !== rider.id) return refuse("NOT_FOUND", "Delivery not found");
  const proof = { photo: input.photoKey !== null, note: input.note };
  const outcome: DoorOutcome = input.leftWith !== null ? { kind: "NEIGHBOUR", name: input.leftWith, proof } : { kind: "DELIVERED", proof };
  const decision = decideDelivered(d, rider.id, outcome, { requirePhoto: d.requirePhoto });
  if (!decision.ok || decision.already) return decision;
  const at = new Date();
  const actor = { role: "RIDER" as const, id: rider.id };
  const done = await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({
      where: { id: deliveryId, riderId: rider.id, status: "STARTED" },
      data: { status: "COMPLETED", completedAt: at, leftWith: input.leftWith, proofPhotoKey: input.photoKey, proofNote: input.note },
    });
    if (n.count === 0) return false;
    await appendEvents(tx, [
      outcome.kind === "NEIGHBOUR"
        ? createEvent("DeliveryLeftWithNeighbour", d.orderId, { deliveryId, riderId: rider.id, name: outcome.name, proof }, actor, at)
        : createEvent("DeliveryCompleted", d.orderId, { deliveryId, riderId: rider.id, proof }, actor, at),
    ]);
    return true;
  });
  if (!done) {
    // Delivered by a double tap meanwhile, or recalled by the customer's cancellation: say which.
    const again = decideDelivered(await ctx.db.delivery.findUniqueOrThrow({ where: { id: deliveryId } }), rider.id, outcome, { requirePhoto: d.requirePhoto });
    return again.ok ? { ok: true, already: true } : again;
  }
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id, leftWith: outcome.kind === "NEIGHBOUR", photo: proof.photo }, "delivery completed");
  return { ok: true, already: false };
}
