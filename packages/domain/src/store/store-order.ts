// The store's side of an order, as it moves across the owner's board (F4, F6).
import { refuse, type Result } from "../shared/errors";
import type { RejectReason } from "../events/catalog";

export const STORE_ORDER_STATUSES = ["NEW", "ACCEPTED", "DECORATED", "REJECTED", "CANCELLED"] as const;
export type StoreOrderStatus = (typeof STORE_ORDER_STATUSES)[number];

export type StoreOrderCommand =
  | { kind: "accept" }
  | { kind: "completeDecoration" }
  | { kind: "reject"; reason: RejectReason; detail?: string | null };

const ALLOWED: Record<StoreOrderCommand["kind"], { from: StoreOrderStatus[]; to: StoreOrderStatus }> = {
  accept: { from: ["NEW"], to: "ACCEPTED" },
  completeDecoration: { from: ["ACCEPTED"], to: "DECORATED" },
  reject: { from: ["NEW", "ACCEPTED"], to: "REJECTED" },
};

const WORDS: Record<StoreOrderCommand["kind"], string> = {
  accept: "accepted",
  completeDecoration: "marked as decorated",
  reject: "rejected",
};

export function decideStoreOrder(
  current: StoreOrderStatus,
  cmd: StoreOrderCommand,
): Result<{ next: StoreOrderStatus }> {
  const rule = ALLOWED[cmd.kind];
  if (!rule.from.includes(current)) {
    return refuse("INVALID_TRANSITION", `A ${current.toLowerCase()} order cannot be ${WORDS[cmd.kind]}`);
  }
  if (cmd.kind === "reject" && cmd.reason === "OTHER" && !cmd.detail?.trim()) {
    return refuse("VALIDATION", "Say why the order is rejected");
  }
  return { ok: true, next: rule.to };
}

/** A cancelled order leaves the board unless it was already rejected (then nothing changes). */
export function cancelStoreOrder(current: StoreOrderStatus): StoreOrderStatus | null {
  return current === "REJECTED" || current === "CANCELLED" ? null : "CANCELLED";
}

/** The board's unread badge counts notifications up to this many; at the cap it reads "99+". */
export const UNREAD_COUNT_CAP = 100;
