// Photo approval (W1), the florist's side: a photo of the arranged bouquet (made safe by the door
// photo's rules: decoded, upright, shrunk, no EXIF) with any substitutions, for the sender to
// approve within the shop's window. The first photo, or the second after the sender's change
// request. The order stays in Accepted until it is approved; a refused photo leaves no file behind.
import { createEvent, decideArrangementPhoto, refuse, type PhotoStorage, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { prepareDoorPhoto } from "../delivery/door-photo";
import { storeIdsOf, type Owner } from "./board";
import { arrangementStateOf } from "./arrangement-state";

export type ArrangementPhotoInput = { photo: Uint8Array | null; substitutions: string | null };

class Lost extends Error {}

export async function submitArrangementPhoto(
  ctx: AppContext,
  storage: PhotoStorage,
  owner: Owner,
  orderId: string,
  input: ArrangementPhotoInput,
  now = new Date(),
): Promise<Result<{ round: number; dueAt: Date }>> {
  const so = await ctx.db.storeOrder.findUnique({ where: { orderId }, select: { storeId: true, status: true } });
  if (!so || !(await storeIdsOf(ctx.db, owner)).includes(so.storeId)) return refuse("NOT_FOUND", "Order not found on your board");
  const current = await arrangementStateOf(ctx.db, orderId);
  const decision = decideArrangementPhoto(so.status, current);
  if (!decision.ok) return decision;
  if (!input.photo) return refuse("ARRANGEMENT_PHOTO_REQUIRED", "Take or choose a photo of the bouquet");
  const prepared = await prepareDoorPhoto(input.photo);
  if (!prepared.ok) return refuse("VALIDATION", prepared.reason === "TOO_LARGE" ? "photo: The photo is larger than 8 MB" : "photo: This file is not a photo");

  const store = await ctx.db.store.findUniqueOrThrow({ where: { id: so.storeId }, select: { approvalWindowSeconds: true } });
  const dueAt = new Date(now.getTime() + store.approvalWindowSeconds * 1000);
  const photoKey = `${orderId}/${globalThis.crypto.randomUUID()}.jpg`;
  await storage.put(photoKey, { bytes: prepared.bytes, contentType: "image/jpeg" });
  let previousKey: string | null = null;
  try {
    await ctx.db.$transaction(async (tx) => {
      // The order row is locked, so a cancellation (or a second tap) decides before or after this, never during.
      const locked = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM store_orders WHERE order_id = ${orderId}::uuid FOR UPDATE`;
      if (locked[0]?.status !== "ACCEPTED") throw new Lost();
      const data = { status: "AWAITING", round: decision.round, photoKey, substitutions: input.substitutions, dueAt, submittedBy: owner.id, submittedAt: now };
      if (decision.round === 1) {
        const n = await tx.storeArrangement.createMany({ data: [{ orderId, storeId: so.storeId, ...data }], skipDuplicates: true });
        if (n.count === 0) throw new Lost();
      } else {
        const before = await tx.storeArrangement.findUnique({ where: { orderId }, select: { photoKey: true } });
        const n = await tx.storeArrangement.updateMany({ where: { orderId, status: "CHANGE_REQUESTED", round: decision.round - 1 }, data });
        if (n.count === 0) throw new Lost();
        previousKey = before?.photoKey ?? null;
      }
      await appendEvents(tx, [
        createEvent(
          "ArrangementPhotoSubmitted",
          orderId,
          { storeId: so.storeId, round: decision.round, substitutions: input.substitutions, dueAt: dueAt.toISOString() },
          { role: "OWNER", id: owner.id },
          now,
        ),
      ]);
    });
  } catch (e) {
    await storage.delete(photoKey).catch(() => {});
    if (e instanceof Lost) {
      const again = await ctx.db.storeOrder.findUnique({ where: { orderId }, select: { status: true } });
      if (again?.status === "CANCELLED") return refuse("ORDER_CANCELLED", "The customer cancelled this order; its payment is refunded");
      return refuse("INVALID_TRANSITION", "This order changed meanwhile; the board has been refreshed");
    }
    throw e;
  }
  // The first photo is no longer shown to anyone once the second replaced it.
  if (previousKey) await storage.delete(previousKey).catch(() => {});
  ctx.log.info({ orderId, storeId: so.storeId, round: decision.round }, "arrangement photo submitted");
  return { ok: true, round: decision.round, dueAt };
}
