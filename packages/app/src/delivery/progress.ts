// X2: where an order's delivery is, for the recipient's tracking page: the status, the slot (moved
// by a reschedule), the delivery and attempt times. No rider, address, fee or proof.
import type { Db } from "@bloom/db";
import type { TrackedDelivery } from "@bloom/domain";

export async function deliveryProgressOf(db: Db, orderId: string): Promise<TrackedDelivery | null> {
  return db.delivery.findUnique({
    where: { orderId },
    select: { status: true, storeId: true, deliveryDate: true, timeSlot: true, completedAt: true, attemptedAt: true, attempts: true },
  });
}
