// MyPage's words for the three statuses of an order (F14), and the badge colour of each.
import type { MyPageDeliveryStatus, OrderStatus, TimelineEntry } from "@bloom/domain";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/routers/_app";

export type MyPageOrder = inferRouterOutputs<AppRouter>["mypage"]["orders"]["items"][number];
export type MyPageFilter = "all" | "active" | "past";

export const MYPAGE_ORDER_STATUS: Record<OrderStatus, string> = {
  PLACED: "Placed",
  ACCEPTED: "Accepted",
  DECORATED: "Ready for pickup",
  DELIVERING: "Out for delivery",
  DELIVERED: "Delivered",
  REJECTED: "Rejected",
  CANCELLED: "Cancelled",
};

export const MYPAGE_DELIVERY_STATUS: Record<MyPageDeliveryStatus, string> = {
  NONE: "Not yet requested",
  REQUESTED: "Waiting for a rider",
  DELIVERING: "On the way",
  DELIVERED: "Delivered",
  CANCELLED: "Cancelled",
};

/** Badge modifiers from globals.css (.badge--placed …). */
export const DELIVERY_BADGE: Record<MyPageDeliveryStatus, string> = {
  NONE: "closed",
  REQUESTED: "placed",
  DELIVERING: "delivering",
  DELIVERED: "delivered",
  CANCELLED: "cancelled",
};

// The read model stores plain strings; an unknown one is shown as it is rather than crashing.
export function orderStatusWord(s: string): string {
  return MYPAGE_ORDER_STATUS[s as OrderStatus] ?? s;
}
export function deliveryStatusWord(s: string): string {
  return MYPAGE_DELIVERY_STATUS[s as MyPageDeliveryStatus] ?? s;
}
export function deliveryBadge(s: string): string {
  return DELIVERY_BADGE[s as MyPageDeliveryStatus] ?? "closed";
}

/** `timeline` is a JSON column: keep the entries that have the expected shape. */
export function timelineOf(value: unknown): TimelineEntry[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is TimelineEntry =>
      typeof e === "object" && e !== null && typeof (e as TimelineEntry).label === "string" && typeof (e as TimelineEntry).at === "string",
  );
}
