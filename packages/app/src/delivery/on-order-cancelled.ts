// Policy "delivery-cancellation" (F12, D3): the delivery of a cancelled order is withdrawn before
// its pickup (open, or claimed by a rider who is told), or recalled when a rider already picked it
// up (the cancellation and the pickup crossed; see cancelDelivery). A recall names the rider, who
// brings the bouquet back to the shop.
import { cancelDelivery, createEvent, SYSTEM, type PolicyEvent } from "@bloom/domain";
import type { Transaction } from "../shared/inbox";
import { appendEventsIn } from "../shared/outbox.repo";
import { deliveryOfOrder, insertDelivery, moveDeliveryStatus } from "./delivery.repo";

/**
 * Which riders hear of it (S6): the rider of a recall or of a claim withdrawn before the pickup;
 * every rider, without the order, when an open request is withdrawn; none when there was no
 * request (or nothing changed).
 */
export type WithdrawalConcern = { riderId?: string | null; market?: boolean };

export async function withdrawDelivery(tx: Transaction, e: PolicyEvent<"delivery-cancellation">): Promise<WithdrawalConcern> {
  const d = await deliveryOfOrder(tx, e.orderId);
  if (!d) {
    // Tombstone, so a DecorationCompleted still in flight opens nothing.
    await insertDelivery(tx, { order_id: e.orderId, store_id: e.payload.storeId, status: "CANCELLED" });
    return {};
  }
  const next = cancelDelivery(d.status);
  if (!next) return {};
  // Conditional on the status read: a rider claiming, picking up or completing it meanwhile is seen on retry.
  if (!(await moveDeliveryStatus(tx, d.id, d.status, next.to))) throw new Error(`delivery ${d.id} changed while being cancelled; retrying`);
  await appendEventsIn(tx, [createEvent("DeliveryCancelled", e.orderId, { deliveryId: d.id, riderId: next.recall ? d.riderId : null }, SYSTEM)]);
  // A claim withdrawn before the pickup (D3) is not in the market: its rider is the one to tell.
  if (next.recall || d.riderId) return { riderId: d.riderId };
  return { market: true };
}
