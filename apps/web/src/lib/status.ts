// One vocabulary for every status, on every screen, in both languages: the words
// live in the messages under `status.*`; this file says which tone each status is drawn in.
// Order and store-order statuses share their words where they mean the same step.
import type { DeliveryStatus, MyPageDeliveryStatus, OrderStatus, StoreOrderStatus } from "@bloom/domain";
import type { BadgeTone } from "~/components/ui/badge";

export type PaymentStatus = "PAID" | "REFUND_PENDING" | "REFUNDED";

export const ORDER_TONE: Record<OrderStatus, BadgeTone> = {
  PLACED: "brand",
  ACCEPTED: "info",
  DECORATED: "violet",
  DELIVERING: "warning",
  DELIVERED: "success",
  REJECTED: "danger",
  CANCELLED: "neutral",
};

export const STORE_ORDER_TONE: Record<StoreOrderStatus, BadgeTone> = {
  NEW: "brand",
  ACCEPTED: "info",
  DECORATED: "violet",
  REJECTED: "danger",
  CANCELLED: "neutral",
};

/** MyPage's delivery column (the read model's own statuses). */
export const DELIVERY_TONE: Record<MyPageDeliveryStatus, BadgeTone> = {
  NONE: "neutral",
  REQUESTED: "violet",
  ASSIGNED: "info",
  AT_SHOP: "info",
  DELIVERING: "warning",
  ATTEMPTED: "danger",
  DELIVERED: "success",
  CANCELLED: "neutral",
};

/** The rider's deliveries. */
export const RIDER_DELIVERY_TONE: Record<DeliveryStatus, BadgeTone> = {
  OPEN: "violet",
  CLAIMED: "info",
  AT_SHOP: "info",
  STARTED: "warning",
  ATTEMPTED: "danger",
  RETURNED: "neutral",
  COMPLETED: "success",
  CANCELLED: "neutral",
};

export const PAYMENT_TONE: Record<PaymentStatus, BadgeTone> = {
  PAID: "success",
  REFUND_PENDING: "warning",
  REFUNDED: "info",
};

export const isOrderStatus = (s: string): s is OrderStatus => s in ORDER_TONE;
export const isMyPageDeliveryStatus = (s: string): s is MyPageDeliveryStatus => s in DELIVERY_TONE;

/** The happy path, for the order page's timeline. */
export const ORDER_PROGRESS: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "DECORATED", "DELIVERING", "DELIVERED"];

/** A stopped order's payment: refunded once the compensating job ran, pending until then. */
export function paymentStatusOf(o: { status: string; refunded: boolean }): PaymentStatus {
  if (o.refunded) return "REFUNDED";
  return o.status === "CANCELLED" || o.status === "REJECTED" ? "REFUND_PENDING" : "PAID";
}

/**
 * The delivery as its customer should read it. A rejected or cancelled order will never be
 * delivered: before any rider had it (NONE, or a request not yet withdrawn) it says "No delivery"
 * rather than "Not requested yet" or "Waiting for a rider" forever. Once a rider is involved, the
 * delivery's own status (cancelled, returning to the shop) is the truth and is shown as it is.
 */
export type ShownDeliveryStatus = MyPageDeliveryStatus | "NO_DELIVERY";
const STOPPED_ORDER_STATUSES: readonly string[] = ["REJECTED", "CANCELLED"];
export function shownDeliveryStatus(orderStatus: string, deliveryStatus: string): ShownDeliveryStatus | string {
  if (STOPPED_ORDER_STATUSES.includes(orderStatus) && (deliveryStatus === "NONE" || deliveryStatus === "REQUESTED")) return "NO_DELIVERY";
  return deliveryStatus;
}
