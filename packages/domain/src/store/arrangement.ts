// Photo approval (W1): after arranging, the florist sends a photo of the bouquet (with any
// substitutions, "peony → garden rose"); the sender approves it or asks for one change with a short
// note within the shop's window; silence past the window approves by itself, so the slot is never
// put at risk. Only an approved arrangement goes out (DecorationCompleted → a delivery request).
import { z } from "zod";
import { refuse, type Result } from "../shared/errors";
import { textField } from "../shared/text";
import type { StoreOrderStatus } from "./store-order";
import {
  type ArrangementStatus,
  ARRANGEMENT_MAX_ROUNDS,
  ARRANGEMENT_NOTE_MAX,
  SUBSTITUTIONS_MAX,
  APPROVAL_WINDOW_MIN_MINUTES,
  APPROVAL_WINDOW_MAX_MINUTES,
} from "./arrangement-limits";

export * from "./arrangement-limits";

/** What the florist sends beside the photo (the photo itself is a file: checked by door-photo's rules). */
export const arrangementPhotoSchema = z.object({
  substitutions: textField({ max: SUBSTITUTIONS_MAX, multiline: true, messages: { tooLong: `Substitutions are limited to ${SUBSTITUTIONS_MAX} characters` } }).nullable(),
});

/** The sender's answer: approve, or ask for one change with a short note. */
export const arrangementAnswerSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("approve") }),
  z.object({
    kind: z.literal("change"),
    note: textField({
      min: 1,
      max: ARRANGEMENT_NOTE_MAX,
      multiline: true,
      messages: { tooShort: "Say what to change", required: "Say what to change", tooLong: `The note is limited to ${ARRANGEMENT_NOTE_MAX} characters` },
    }),
  }),
]);
export type ArrangementAnswer = z.infer<typeof arrangementAnswerSchema>;

/** The shop's settings: a photo required before dispatch, and the window the sender has to answer. */
export const arrangementSettingsSchema = z.object({
  required: z.boolean(),
  windowMinutes: z
    .number("Enter minutes")
    .int("Enter whole minutes")
    .min(APPROVAL_WINDOW_MIN_MINUTES, `At least ${APPROVAL_WINDOW_MIN_MINUTES} minutes`)
    .max(APPROVAL_WINDOW_MAX_MINUTES, `At most ${APPROVAL_WINDOW_MAX_MINUTES} minutes`),
});
export type ArrangementSettings = z.infer<typeof arrangementSettingsSchema>;

export type ArrangementState = { status: ArrangementStatus; round: number; dueAt: Date | null };

/** The florist sends a photo: only for an accepted order, first or after the sender's change request. */
export function decideArrangementPhoto(order: StoreOrderStatus, current: ArrangementState | null): Result<{ round: number }> {
  if (order === "CANCELLED") return refuse("ORDER_CANCELLED", "The customer cancelled this order; its payment is refunded");
  if (order !== "ACCEPTED") return refuse("INVALID_TRANSITION", `A ${order.toLowerCase()} order takes no arrangement photo`);
  if (!current) return { ok: true, round: 1 };
  if (current.status === "CHANGE_REQUESTED") return { ok: true, round: current.round + 1 };
  if (current.status === "AWAITING") return refuse("INVALID_TRANSITION", "The sender has not answered the photo yet");
  return refuse("INVALID_TRANSITION", "This arrangement is already approved");
}

/** "Decoration done" without a photo: refused when the shop requires one, or while a photo is under way. */
export function decideDecorationWithoutPhoto(required: boolean, current: ArrangementState | null): Result<object> {
  if (current && current.status !== "WITHDRAWN") return refuse("INVALID_TRANSITION", "This arrangement goes out once the sender approves its photo");
  if (required) return refuse("ARRANGEMENT_PHOTO_REQUIRED", "This shop sends the sender a photo of the bouquet first");
  return { ok: true };
}

/** The sender's answer within the window. */
export function decideArrangementAnswer(current: ArrangementState | null, answer: ArrangementAnswer, now: Date): Result<{ next: "APPROVED" | "CHANGE_REQUESTED" }> {
  if (!current || current.status === "CHANGE_REQUESTED") {
    if (current && answer.kind === "change") return refuse("CHANGE_ALREADY_REQUESTED", "You already asked for a change to this bouquet");
    return refuse("NO_ARRANGEMENT_PHOTO", "There is no photo of the bouquet to answer yet");
  }
  if (current.status !== "AWAITING") return refuse("INVALID_TRANSITION", "This arrangement is already settled");
  if (!current.dueAt || current.dueAt.getTime() <= now.getTime()) return refuse("APPROVAL_WINDOW_CLOSED", "The time to answer is over: the bouquet was approved as it is");
  if (answer.kind === "change" && current.round >= ARRANGEMENT_MAX_ROUNDS) return refuse("CHANGE_ALREADY_REQUESTED", "You already asked for a change to this bouquet");
  return { ok: true, next: answer.kind === "approve" ? "APPROVED" : "CHANGE_REQUESTED" };
}

/** Silence past the window is approval. */
export function hasLapsed(current: ArrangementState, now: Date): boolean {
  return current.status === "AWAITING" && current.dueAt !== null && current.dueAt.getTime() <= now.getTime();
}

/** Whether the sender may still ask for a change (shown beside the approve button). */
export function canRequestChange(current: ArrangementState, now: Date): boolean {
  return current.status === "AWAITING" && current.round < ARRANGEMENT_MAX_ROUNDS && !hasLapsed(current, now);
}
