// Who may see a delivery's proof (D5): the order's customer, an owner of its shop, and the rider
// who delivered it — nobody else, and nobody learns that a photo exists otherwise (null → 404).
// It reads the ordering context's customer and the store context's owners by id only, to decide
// access: the one place a proof is joined to them.
import type { Db } from "@bloom/db";
import { storeIdsOf } from "../store/board";

export type Viewer = { id: string; role: string };
export type DoorProof = { photoKey: string | null; note: string | null; leftWith: string | null; deliveredAt: Date };

export async function doorProofFor(db: Db, viewer: Viewer, orderId: string): Promise<DoorProof | null> {
  const d = await db.delivery.findUnique({
    where: { orderId },
    select: { storeId: true, riderId: true, status: true, completedAt: true, proofPhotoKey: true, proofNote: true, leftWith: true },
  });
  if (!d || d.status !== "COMPLETED" || !d.completedAt) return null;
  const proof = { photoKey: d.proofPhotoKey, note: d.proofNote, leftWith: d.leftWith, deliveredAt: d.completedAt };
  switch (viewer.role) {
    case "CUSTOMER": {
      const mine = await db.order.count({ where: { id: orderId, customerId: viewer.id } });
      return mine === 1 ? proof : null;
    }
    case "OWNER":
    case "ADMIN":
      return (await storeIdsOf(db, viewer)).includes(d.storeId) ? proof : null;
    case "RIDER":
      return d.riderId === viewer.id ? proof : null;
    default:
      return null;
  }
}
