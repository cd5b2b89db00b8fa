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
  if (d.status !== "STARTED") return refuse("INVALID_TRANSITION", "Only a started delivery can be completed");
  return { ok: true };
}

export function cancelDelivery(status: DeliveryStatus): DeliveryStatus | null {
  return status === "OPEN" ? "CANCELLED" : null;
}
