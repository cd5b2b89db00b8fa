// Where one order's delivery stands, for its order page (D3, F13): read from MyPage's read model
// (N4), since the ordering context follows only the pickup, not the claim or the arrival at the
// shop. Another customer's order, or one not projected yet, reads as null.
import type { Db } from "@bloom/db";

export async function deliveryStepFor(db: Db, customerId: string, orderId: string) {
  return db.myPageOrder.findFirst({ where: { orderId, customerId }, select: { deliveryStatus: true, riderName: true } });
}
