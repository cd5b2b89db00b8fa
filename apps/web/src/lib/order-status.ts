// The customer's words for an order's status; the same words on every screen (STYLE habit 4).
import type { OrderStatus } from "@bloom/domain";

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  PLACED: "Placed",
  ACCEPTED: "Accepted by the store",
  DECORATED: "Bouquet ready",
  DELIVERING: "Out for delivery",
  DELIVERED: "Delivered",
  REJECTED: "Rejected by the store",
  CANCELLED: "Cancelled",
};

/** Mirrors the domain's cancel rule (decideCancel) so the button only shows when it can work. */
export const CUSTOMER_CANCELLABLE: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "DECORATED"];

/** The happy path, for the progress steps on the order page. */
export const ORDER_PROGRESS: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "DECORATED", "DELIVERING", "DELIVERED"];
