// The recipient's tracking page (X2), read through each context's own query: the order (ordering),
// its delivery (delivery) and the sender's name (identity), composed by the domain's view, which
// has no price and no sender when anonymous. null: no such order, or its link has expired.
import type { Db } from "@bloom/db";
import { todayInSeoul, trackingLinkExpired, trackingViewOf, type TrackingView } from "@bloom/domain";
import { deliveryProgressOf } from "../delivery/progress";
import { displayNameOf } from "../identity/display-name";
import { getOrderForRecipient } from "../ordering/queries";

export async function trackOrder(db: Db, orderId: string, now: Date = new Date()): Promise<TrackingView | null> {
  const [order, delivery] = await Promise.all([getOrderForRecipient(db, orderId), deliveryProgressOf(db, orderId)]);
  if (!order) return null;
  // The sender's name is not even read when they chose anonymous.
  const senderName = order.sendAnonymously ? null : await displayNameOf(db, order.customerId);
  const view = trackingViewOf({ ...order, senderName }, delivery, order.storeId);
  if (trackingLinkExpired(view.deliveryDate, todayInSeoul(now))) return null;
  return view;
}
