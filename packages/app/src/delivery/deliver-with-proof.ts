// The rider's delivery with its proof (D5): the photo is checked to belong to a delivery the rider
// holds and can still deliver before a byte of it is decoded, stripped and stored; then deliver()
// decides. A refused delivery leaves no photo behind.
import { decideDelivered, refuse, type PhotoStorage, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { deliver } from "./deliver";
import { prepareDoorPhoto } from "./door-photo";
import type { Rider } from "./rider";

export type ProofInput = { photo: Uint8Array | null; note: string | null; leftWith: string | null };

export async function deliverWithProof(ctx: AppContext, storage: PhotoStorage, rider: Rider, deliveryId: string, input: ProofInput): Promise<Result<{ already: boolean }>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d || d.riderId !== rider.id) return refuse("NOT_FOUND", "Delivery not found");
  const proof = { photo: input.photo !== null, note: input.note };
  const outcome = input.leftWith !== null ? { kind: "NEIGHBOUR" as const, name: input.leftWith, proof } : { kind: "DELIVERED" as const, proof };
  const early = decideDelivered(d, rider.id, outcome, { requirePhoto: d.requirePhoto });
  if (!early.ok || early.already) return early;
  let photoKey: string | null = null;
  if (input.photo) {
    const prepared = await prepareDoorPhoto(input.photo);
    if (!prepared.ok) return refuse("VALIDATION", prepared.reason === "TOO_LARGE" ? "photo: The photo is larger than 8 MB" : "photo: This file is not a photo");
    photoKey = `${deliveryId}/${globalThis.crypto.randomUUID()}.jpg`;
    await storage.put(photoKey, { bytes: prepared.bytes, contentType: "image/jpeg" });
  }
  const r = await deliver(ctx, rider, deliveryId, { leftWith: input.leftWith, note: input.note, photoKey });
  // Refused, or delivered meanwhile by a double tap with its own photo: this one is nobody's.
  if (photoKey && (!r.ok || r.already)) await storage.delete(photoKey).catch(() => {});
  return r;
}
