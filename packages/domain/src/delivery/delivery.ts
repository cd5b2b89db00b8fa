// A delivery request and its rider (F8–F10, D3): open → claimed → at the shop → picked up
// (STARTED) → delivered, or cancelled before delivery. A failed attempt (D4, outcome.ts) goes
// STARTED → ATTEMPTED → RETURNED and back to OPEN when the shop reschedules. Claims are won by a conditional update in
// the adapter; this decides what is allowed and explains a lost race.
import { refuse, type Result } from "../shared/errors";

export const DELIVERY_STATUSES = ["OPEN", "CLAIMED", "AT_SHOP", "STARTED", "ATTEMPTED", "RETURNED", "COMPLETED", "CANCELLED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A rider has it but the bouquet is still at the shop: the customer may still cancel (D3). */
export const BEFORE_PICKUP: readonly DeliveryStatus[] = ["CLAIMED", "AT_SHOP"];

/** Who confirmed the handover at the shop: the rider on their screen or the florist on the board. */
export const PICKUP_CONFIRMERS = ["RIDER", "OWNER"] as const;
export type PickupConfirmer = (typeof PICKUP_CONFIRMERS)[number];

type Held = { status: DeliveryStatus; riderId: string | null };

const cancelledBeforePickup = () => refuse("ORDER_CANCELLED", "The customer cancelled this order before the pickup: there is nothing to carry");

/**
 * A rider claims an open request. Asked again after the conditional update lost (or after a
 * double tap), it says why: the rider's own claim is success, anyone else's is ALREADY_TAKEN.
 */
export function decideClaim(d: Held, riderId: string): Result<{ alreadyMine: boolean }> {
  if (d.status === "OPEN") return { ok: true, alreadyMine: false };
  if (d.status === "CANCELLED") return refuse("INVALID_TRANSITION", "This delivery was cancelled");
  if (d.riderId === riderId && d.status !== "COMPLETED") return { ok: true, alreadyMine: true };
  return refuse("ALREADY_TAKEN", "Another rider has already taken this delivery");
}

/** The rider who claimed it says they are at the shop (optional). Saying it twice is harmless. */
export function decideArrive(d: Held, riderId: string): Result<{ alreadyThere: boolean }> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (d.status === "CLAIMED") return { ok: true, alreadyThere: false };
  if (d.status === "AT_SHOP") return { ok: true, alreadyThere: true };
  if (d.status === "CANCELLED") return cancelledBeforePickup();
  return refuse("INVALID_TRANSITION", "This bouquet has already been picked up");
}

/**
 * The handover at the shop, confirmed by the rider who claimed it or by the shop's florist (the
 * adapter checks the shop is theirs). Only a claimed delivery can be picked up: the florist hands
 * the bouquet to a named rider. Confirming twice (both at once, or a double tap) is harmless.
 */
export function decidePickup(
  d: Held & { startedAt: Date | null },
  by: { role: "RIDER"; riderId: string } | { role: "OWNER" },
): Result<{ alreadyPickedUp: boolean }> {
  if (by.role === "RIDER" && d.riderId !== by.riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (BEFORE_PICKUP.includes(d.status)) return { ok: true, alreadyPickedUp: false };
  // Already handed over (a recall since then included): nothing more to confirm.
  if (d.status === "STARTED" || d.status === "COMPLETED" || isRecalled(d)) return { ok: true, alreadyPickedUp: true };
  if (d.status === "OPEN") return refuse("INVALID_TRANSITION", "No rider has claimed this delivery yet");
  // D4: after a failed attempt the shop answers first (a new slot reopens the request, or a refund).
  if (d.status === "ATTEMPTED" || d.status === "RETURNED") return refuse("INVALID_TRANSITION", "This delivery waits for the shop's answer to a failed attempt");
  return cancelledBeforePickup();
}

export function decideComplete(d: Held & { startedAt: Date | null }, riderId: string): Result<object> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (d.status === "CANCELLED" && d.startedAt === null) return cancelledBeforePickup();
  if (d.status === "CANCELLED") {
    return refuse("INVALID_TRANSITION", "The customer cancelled this order: please bring the bouquet back to the shop instead of delivering it");
  }
  if (d.status !== "STARTED") return refuse("INVALID_TRANSITION", "Only a picked-up delivery can be completed");
  return { ok: true };
}

/**
 * F12, D3: what cancelling the order does to its delivery. Before the pickup (open, or claimed by
 * a rider who may be at the shop) the request is withdrawn: the bouquet never left, and the rider
 * who claimed it is told. After the pickup it is recalled: the customer's cancellation was
 * accepted while the ordering context had not yet heard of the pickup (the two contexts only
 * learn of each other through events), so the customer has been told "cancelled and refunded" and
 * the rider must bring the bouquet back to the shop rather than deliver it. A completed delivery
 * cannot be undone: null.
 */
export function cancelDelivery(status: DeliveryStatus): { to: "CANCELLED"; recall: boolean } | null {
  if (status === "OPEN" || BEFORE_PICKUP.includes(status)) return { to: "CANCELLED", recall: false };
  if (status === "STARTED") return { to: "CANCELLED", recall: true };
  return null;
}

/**
 * A cancelled delivery that a rider had already picked up: they return the bouquet to the shop.
 * Picked up means `startedAt` is set — a rider who had only claimed it has nothing to bring back.
 */
export function isRecalled(d: { status: DeliveryStatus; riderId: string | null; startedAt: Date | null }): boolean {
  return d.status === "CANCELLED" && d.riderId !== null && d.startedAt !== null;
}

/** A claim withdrawn by the customer's cancellation before the pickup: the rider is told, nothing to do. */
export function isWithdrawnClaim(d: { status: DeliveryStatus; riderId: string | null; startedAt: Date | null }): boolean {
  return d.status === "CANCELLED" && d.riderId !== null && d.startedAt === null;
}

/** The rider confirms a recalled bouquet is back at the shop. Confirming twice is harmless. */
export function decideReturn(
  d: { status: DeliveryStatus; riderId: string | null; startedAt: Date | null; returnedAt: Date | null },
  riderId: string,
): Result<{ alreadyReturned: boolean }> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (!isRecalled(d)) return refuse("INVALID_TRANSITION", "Only a delivery cancelled after its pickup goes back to the shop");
  return { ok: true, alreadyReturned: d.returnedAt !== null };
}
