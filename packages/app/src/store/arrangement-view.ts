// Photo approval (W1): what the florist's card and the sender's order page show, who may see the
// photo (the order's sender and its shop's owners; nobody else learns it exists), and the shop's
// settings.
import type { Db } from "@bloom/db";
import {
  canRequestChange,
  hasLapsed,
  parseEvent,
  refuse,
  type ArrangementSettings,
  type ArrangementStatus,
  type Result,
} from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";

export type ArrangementView = {
  status: ArrangementStatus;
  round: number;
  substitutions: string | null;
  changeNote: string | null;
  dueAt: Date | null;
  submittedAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  /** The sender may still approve or ask for a change (until dueAt). */
  canAnswer: boolean;
  canRequestChange: boolean;
};

async function viewOf(db: Db, orderId: string, now: Date): Promise<ArrangementView | null> {
  const a = await db.storeArrangement.findUnique({ where: { orderId } });
  if (!a) return null;
  const state = { status: a.status as ArrangementStatus, round: a.round, dueAt: a.dueAt };
  return {
    status: state.status,
    round: a.round,
    substitutions: a.substitutions,
    changeNote: a.changeNote,
    dueAt: a.dueAt,
    submittedAt: a.submittedAt,
    approvedBy: a.approvedBy,
    approvedAt: a.approvedAt,
    canAnswer: state.status === "AWAITING" && !hasLapsed(state, now),
    canRequestChange: canRequestChange(state, now),
  };
}

/** The florist's card: the shop's rule and the arrangement so far (null: not this owner's order). */
export async function arrangementForOwner(db: Db, owner: Owner, orderId: string, now = new Date()) {
  const so = await db.storeOrder.findUnique({ where: { orderId }, select: { storeId: true } });
  if (!so || !(await storeIdsOf(db, owner)).includes(so.storeId)) return null;
  const store = await db.store.findUniqueOrThrow({ where: { id: so.storeId }, select: { requireArrangementPhoto: true, approvalWindowSeconds: true } });
  return { required: store.requireArrangementPhoto, windowMinutes: Math.max(1, Math.round(store.approvalWindowSeconds / 60)), arrangement: await viewOf(db, orderId, now) };
}

/** The sender's order page and MyPage (null: no photo yet, or not the sender's order). */
export async function arrangementForSender(db: Db, customerId: string, orderId: string, now = new Date()): Promise<ArrangementView | null> {
  const mine = await db.order.count({ where: { id: orderId, customerId } });
  return mine === 1 ? viewOf(db, orderId, now) : null;
}

/** The photo's storage key, for those who may see it; null for anyone else (→ 404). */
export async function arrangementPhotoKeyFor(db: Db, viewer: { id: string; role: string }, orderId: string): Promise<string | null> {
  const a = await db.storeArrangement.findUnique({ where: { orderId }, select: { storeId: true, photoKey: true } });
  if (!a) return null;
  switch (viewer.role) {
    case "CUSTOMER":
      return (await db.order.count({ where: { id: orderId, customerId: viewer.id } })) === 1 ? a.photoKey : null;
    case "OWNER":
    case "ADMIN":
      return (await storeIdsOf(db, viewer)).includes(a.storeId) ? a.photoKey : null;
    default:
      return null;
  }
}

/** The shop's photo approval settings (W1): required or not, and the window in minutes. Applies to photos sent from now on. */
export async function setArrangementSettings(db: Db, owner: Owner, storeId: string, s: ArrangementSettings): Promise<Result<ArrangementSettings>> {
  if (!(await storeIdsOf(db, owner)).includes(storeId)) return refuse("NOT_FOUND", "Store not found");
  await db.store.update({ where: { id: storeId }, data: { requireArrangementPhoto: s.required, approvalWindowSeconds: s.windowMinutes * 60 } });
  return { ok: true, ...s };
}

export type ArrangementStep =
  | { type: "ArrangementPhotoSubmitted"; at: string; round: number; substitutions: string | null; dueAt: string }
  | { type: "ArrangementChangeRequested"; at: string; round: number; note: string }
  | { type: "ArrangementApproved"; at: string; round: number; by: "sender" | "timeout" };

const STEP_TYPES = ["ArrangementPhotoSubmitted", "ArrangementChangeRequested", "ArrangementApproved"];

/** The sender's arrangement with its steps from the event log (the REST order view). Null: none, or not the sender's. */
export async function arrangementWithStepsForSender(db: Db, customerId: string, orderId: string, now = new Date()) {
  const view = await arrangementForSender(db, customerId, orderId, now);
  if (!view) return null;
  const rows = await db.outboxEvent.findMany({ where: { orderId, type: { in: STEP_TYPES } }, orderBy: { seq: "asc" }, select: { payload: true } });
  // Field by field: what a step says to the sender, never the event's internal ids.
  const steps = rows.flatMap((r): ArrangementStep[] => {
    const e = parseEvent(r.payload);
    switch (e.type) {
      case "ArrangementPhotoSubmitted":
        return [{ type: e.type, at: e.occurredAt, round: e.payload.round, substitutions: e.payload.substitutions, dueAt: e.payload.dueAt }];
      case "ArrangementChangeRequested":
        return [{ type: e.type, at: e.occurredAt, round: e.payload.round, note: e.payload.note }];
      case "ArrangementApproved":
        return [{ type: e.type, at: e.occurredAt, round: e.payload.round, by: e.payload.by }];
      default:
        return [];
    }
  });
  return { ...view, steps };
}
