// A delivery request and its rider (F8–F10). Claims are won by a conditional update in the
// adapter; this decides what is allowed.
import { refuse, type Result } from "../shared/errors";

export const DELIVERY_STATUSES = ["OPEN", "STARTED", "COMPLETED", "CANCELLED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export function decideStart(status: DeliveryStatus): Result<object> {
  if (status === "OPEN") return { ok: true };
  if (status === "CANCELLED") return refuse("INVALID_TRANSITION", "This delivery was cancelled");
  return refuse("ALREADY_TAKEN", "Another rider has already taken this delivery");
}

export function decideComplete(
  d: { status: DeliveryStatus; riderId: string | null },
  riderId: string,
): Result<object> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (d.status === "CANCELLED") {
    return refuse("INVALID_TRANSITION", "The customer cancelled this order: please bring the bouquet back to the shop instead of delivering it");
  }
  if (d.status !== "STARTED") return refuse("INVALID_TRANSITION", "Only a started delivery can be completed");
  return { ok: true };
}

/**
 * F12: what cancelling the order does to its delivery. An open request is withdrawn. A started
 * one is recalled: the customer's cancellation was accepted while the ordering context had not
 * yet heard of the pickup (the two contexts only learn of each other through events), so the
 * customer has been told "cancelled and refunded" and the rider must bring the bouquet back to
 * the shop rather than deliver it. A completed delivery cannot be undone: null.
 */
export function cancelDelivery(status: DeliveryStatus): { to: "CANCELLED"; recall: boolean } | null {
  if (status === "OPEN") return { to: "CANCELLED", recall: false };
  if (status === "STARTED") return { to: "CANCELLED", recall: true };
  return null;
}

/** A cancelled delivery that a rider had already picked up: they return the bouquet to the shop. */
export function isRecalled(d: { status: DeliveryStatus; riderId: string | null }): boolean {
  return d.status === "CANCELLED" && d.riderId !== null;
}

/** The rider confirms a recalled bouquet is back at the shop. Confirming twice is harmless. */
export function decideReturn(
  d: { status: DeliveryStatus; riderId: string | null; returnedAt: Date | null },
  riderId: string,
): Result<{ alreadyReturned: boolean }> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (!isRecalled(d)) return refuse("INVALID_TRANSITION", "Only a delivery cancelled after its pickup goes back to the shop");
  return { ok: true, alreadyReturned: d.returnedAt !== null };
}
