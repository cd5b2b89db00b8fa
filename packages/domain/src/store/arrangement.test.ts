import { describe, expect, it } from "vitest";
import {
  arrangementAnswerSchema,
  arrangementSettingsSchema,
  canRequestChange,
  decideArrangementAnswer,
  decideArrangementPhoto,
  decideDecorationWithoutPhoto,
  hasLapsed,
  type ArrangementState,
} from "./arrangement";

const now = new Date("2026-12-02T10:00:00Z");
const later = new Date(now.getTime() + 60_000);
const earlier = new Date(now.getTime() - 1);
const awaiting = (round: number, dueAt = later): ArrangementState => ({ status: "AWAITING", round, dueAt });

describe("[W1] photo approval rules", () => {
  it("[W1] the florist sends a first photo for an accepted order, a second only after a change request", () => {
    expect(decideArrangementPhoto("ACCEPTED", null)).toEqual({ ok: true, round: 1 });
    expect(decideArrangementPhoto("ACCEPTED", { status: "CHANGE_REQUESTED", round: 1, dueAt: null })).toEqual({ ok: true, round: 2 });
    expect(decideArrangementPhoto("ACCEPTED", awaiting(1))).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideArrangementPhoto("ACCEPTED", { status: "APPROVED", round: 1, dueAt: null })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideArrangementPhoto("NEW", null)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideArrangementPhoto("DECORATED", null)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideArrangementPhoto("CANCELLED", null)).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
  });

  it("[W1] 'decoration done' without a photo: as before unless the shop requires one or a photo is under way", () => {
    expect(decideDecorationWithoutPhoto(false, null)).toEqual({ ok: true });
    expect(decideDecorationWithoutPhoto(true, null)).toMatchObject({ ok: false, code: "ARRANGEMENT_PHOTO_REQUIRED" });
    expect(decideDecorationWithoutPhoto(false, awaiting(1))).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(decideDecorationWithoutPhoto(true, { status: "WITHDRAWN", round: 1, dueAt: null })).toMatchObject({ ok: false, code: "ARRANGEMENT_PHOTO_REQUIRED" });
  });

  it("[W1] the sender approves or asks for one change within the window; refusals are typed", () => {
    expect(decideArrangementAnswer(awaiting(1), { kind: "approve" }, now)).toEqual({ ok: true, next: "APPROVED" });
    expect(decideArrangementAnswer(awaiting(1), { kind: "change", note: "more white" }, now)).toEqual({ ok: true, next: "CHANGE_REQUESTED" });
    expect(decideArrangementAnswer(awaiting(2), { kind: "change", note: "again" }, now)).toMatchObject({ ok: false, code: "CHANGE_ALREADY_REQUESTED" });
    expect(decideArrangementAnswer(awaiting(2), { kind: "approve" }, now)).toEqual({ ok: true, next: "APPROVED" });
    expect(decideArrangementAnswer(awaiting(1, now), { kind: "approve" }, now)).toMatchObject({ ok: false, code: "APPROVAL_WINDOW_CLOSED" });
    expect(decideArrangementAnswer(null, { kind: "approve" }, now)).toMatchObject({ ok: false, code: "NO_ARRANGEMENT_PHOTO" });
    const asked: ArrangementState = { status: "CHANGE_REQUESTED", round: 1, dueAt: null };
    expect(decideArrangementAnswer(asked, { kind: "approve" }, now)).toMatchObject({ ok: false, code: "NO_ARRANGEMENT_PHOTO" });
    expect(decideArrangementAnswer(asked, { kind: "change", note: "x" }, now)).toMatchObject({ ok: false, code: "CHANGE_ALREADY_REQUESTED" });
    expect(decideArrangementAnswer({ status: "APPROVED", round: 1, dueAt: null }, { kind: "approve" }, now)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });

  it("[W1] silence past the window approves; no change can be asked after it", () => {
    expect(hasLapsed(awaiting(1, earlier), now)).toBe(true);
    expect(hasLapsed(awaiting(1, now), now)).toBe(true);
    expect(hasLapsed(awaiting(1), now)).toBe(false);
    expect(hasLapsed({ status: "CHANGE_REQUESTED", round: 1, dueAt: null }, now)).toBe(false);
    expect(canRequestChange(awaiting(1), now)).toBe(true);
    expect(canRequestChange(awaiting(2), now)).toBe(false);
    expect(canRequestChange(awaiting(1, earlier), now)).toBe(false);
  });

  it("[W1] the note is required and length-limited; the window is whole minutes within bounds", () => {
    expect(arrangementAnswerSchema.safeParse({ kind: "change", note: "   " }).success).toBe(false);
    expect(arrangementAnswerSchema.safeParse({ kind: "change", note: "x".repeat(301) }).success).toBe(false);
    expect(arrangementAnswerSchema.safeParse({ kind: "change", note: "\u0000" }).success).toBe(false);
    expect(arrangementAnswerSchema.parse({ kind: "change", note: "  fewer lilies " })).toEqual({ kind: "change", note: "fewer lilies" });
    expect(arrangementSettingsSchema.safeParse({ required: true, windowMinutes: 30 }).success).toBe(true);
    expect(arrangementSettingsSchema.safeParse({ required: true, windowMinutes: 2 }).success).toBe(false);
    expect(arrangementSettingsSchema.safeParse({ required: true, windowMinutes: 241 }).success).toBe(false);
    expect(arrangementSettingsSchema.safeParse({ required: true, windowMinutes: 7.5 }).success).toBe(false);
  });
});
