// What happens at the door (D4, D5), and after a failed attempt. From STARTED the rider records
// one outcome: delivered (to the recipient, or left with a named neighbour or concierge — both
// count as delivered, with the proof the shop requires), or attempted with a reason. Model chosen
// for a failed attempt: the bouquet goes back to the shop (ATTEMPTED while the rider carries it,
// RETURNED once they confirm it is there), because a florist keeps cut flowers in water better
// than a rider's bag does. The shop then either reschedules — the same delivery row goes back to
// OPEN for any rider, its attempt counter kept — or ends the order with a refund.
import { z } from "zod";
import { deliveryDateSchema, slotStillOpen, TIME_SLOTS } from "../ordering/checkout";
import { refuse, type Result } from "../shared/errors";
import type { DeliveryStatus } from "./delivery";

export { ATTEMPT_REASONS, type AttemptReason } from "./attempt-reasons";
import { ATTEMPT_REASONS } from "./attempt-reasons";

/** The most a shop may charge for a redelivery, in won: a typo's guard, not a price rule. */
export const MAX_REDELIVERY_FEE_WON = 100_000;

/** The shop's new slot for a failed delivery: the board's form and the procedure share it. */
export const rescheduleSchema = z.object({
  deliveryDate: deliveryDateSchema,
  timeSlot: z.enum(TIME_SLOTS, "Pick a time slot"),
  feeWon: z.number().int("Whole won only").min(0, "The fee cannot be negative").max(MAX_REDELIVERY_FEE_WON, "The redelivery fee is too high"),
});
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

/** What the rider's form sends with an attempt; the reason codes are shown in the rider's language. */
export const attemptSchema = z.object({ reason: z.enum(ATTEMPT_REASONS), note: z.string().trim().max(300).nullable() });

/** A failed delivery the shop can act on: rescheduled from here, or refunded. */
export const AWAITING_SHOP: readonly DeliveryStatus[] = ["ATTEMPTED", "RETURNED"];

type Held = { status: DeliveryStatus; riderId: string | null };

export type Proof = { photo: boolean; note: string | null };
export type DoorOutcome = { kind: "DELIVERED"; proof: Proof } | { kind: "NEIGHBOUR"; name: string; proof: Proof };

/**
 * The rider hands the bouquet over. A shop that requires a photo gets one; otherwise a photo or a
 * note is welcome but not needed. Delivering twice (a double tap) is harmless.
 */
export function decideDelivered(d: Held, riderId: string, outcome: DoorOutcome, shop: { requirePhoto: boolean }): Result<{ already: boolean }> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (d.status === "COMPLETED") return { ok: true, already: true };
  if (d.status !== "STARTED") return refuse("INVALID_TRANSITION", "Only a picked-up delivery can be delivered");
  if (outcome.kind === "NEIGHBOUR" && outcome.name.trim() === "") return refuse("VALIDATION", "Say who took the bouquet");
  if (shop.requirePhoto && !outcome.proof.photo) return refuse("PHOTO_REQUIRED", "This shop asks for a photo at the door");
  return { ok: true, already: false };
}

/** Nobody took it: the rider says why and takes the bouquet back to the shop. */
export function decideAttempt(d: Held, riderId: string): Result<{ already: boolean }> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (d.status === "ATTEMPTED") return { ok: true, already: true };
  if (d.status !== "STARTED") return refuse("INVALID_TRANSITION", "Only a picked-up delivery can be attempted");
  return { ok: true, already: false };
}

/** The rider of a failed attempt confirms the bouquet is back at the shop. Twice is harmless. */
export function decideBackAtShop(d: Held, riderId: string): Result<{ already: boolean }> {
  if (d.riderId !== riderId) return refuse("NOT_FOUND", "This delivery is not yours");
  if (d.status === "RETURNED") return { ok: true, already: true };
  if (d.status !== "ATTEMPTED") return refuse("INVALID_TRANSITION", "Only a failed attempt goes back to the shop this way");
  return { ok: true, already: false };
}

/** A new slot can be booked once the bouquet of a failed attempt is back at the shop (the board, and the recipient's tracking page, X2). */
export const canReschedule = (status: DeliveryStatus): boolean => status === "RETURNED";

/**
 * The shop books a new date and slot, with an optional redelivery fee. Only once the bouquet is
 * back at the shop: a rider who claims the new request must find it there.
 */
export function decideReschedule(d: { status: DeliveryStatus }, input: { feeWon: number; deliveryDate: string; timeSlot: (typeof TIME_SLOTS)[number] }, now: Date = new Date()): Result<object> {
  const { feeWon } = input;
  if (!Number.isInteger(feeWon) || feeWon < 0 || feeWon > MAX_REDELIVERY_FEE_WON) return refuse("VALIDATION", "feeWon: The redelivery fee is not a valid amount");
  if (!slotStillOpen(input.deliveryDate, input.timeSlot, now)) return refuse("VALIDATION", "timeSlot: This slot has already ended");
  if (d.status === "ATTEMPTED") return refuse("INVALID_TRANSITION", "The bouquet is not back at the shop yet");
  if (!canReschedule(d.status)) return refuse("INVALID_TRANSITION", "Only a returned delivery can be rescheduled");
  return { ok: true };
}

/** The shop ends a failed delivery with a refund instead: while the bouquet is on its way back, or once it is there. */
export function decideRefundUndelivered(d: { status: DeliveryStatus }): Result<object> {
  if (!AWAITING_SHOP.includes(d.status)) return refuse("INVALID_TRANSITION", "Only a failed delivery can be refunded this way");
  return { ok: true };
}
