// W3: the board's lanes, the order of cards within a lane and its paging constants, with no zod:
// the board in the browser imports these without shipping the schemas (P1). board-view.ts
// re-exports them beside the board's query schema.
import type { StoreOrderStatus } from "./store-order";

export const BOARD_LANES = ["new", "accepted", "ready", "done"] as const;
export type BoardLane = (typeof BOARD_LANES)[number];

/** Finished work (Ready, Done) stays on the board while it changed within this window; open orders (New, Accepted) always. */
export const BOARD_WINDOW_DAYS = 14;
/** Done is read a page at a time, newest change first. */
export const BOARD_DONE_PAGE = 20;
/**
 * Ready (arranged, waiting for a rider) is read whole for the filter, up to this many: a shop has
 * a handful waiting; the cap only bounds a board whose riders never came (the scale bench's data).
 */
export const BOARD_READY_CAP = 200;
/** Cancellations announced on the board: those of the last this many hours. */
export const BOARD_ALERT_HOURS = 12;

/**
 * Which store-order statuses each lane holds: the board's SQL (board.repo.ts) is written from
 * these lists. An arranged bouquet (DECORATED) is in Ready while it is at the shop and in Done once
 * a rider has it (boardLaneOf); a tombstone (a cancellation that overtook OrderPlaced) is never shown.
 */
export const BOARD_OPEN_STATUSES = ["NEW", "ACCEPTED"] as const satisfies readonly StoreOrderStatus[];
export const BOARD_READY_STATUS = "DECORATED" satisfies StoreOrderStatus;
export const BOARD_ENDED_STATUSES = ["REJECTED", "CANCELLED"] as const satisfies readonly StoreOrderStatus[];

type LaneFacts = { status: StoreOrderStatus | string; pickedUpAt: Date | string | null; attemptedAt: Date | string | null };

/**
 * The lane a store order sits in. An arranged bouquet stays in Ready until a rider picks it up
 * (a claim alone leaves it at the shop, D3), and goes back there after a failed attempt (D4): the
 * shop has to answer it. The SQL in board.ts writes the same rule as `picked_up_at IS NULL OR attempted_at IS NOT NULL`.
 */
export function boardLaneOf(o: LaneFacts): BoardLane {
  switch (o.status) {
    case "NEW":
      return "new";
    case "ACCEPTED":
      return "accepted";
    case BOARD_READY_STATUS:
      return !o.pickedUpAt || o.attemptedAt ? "ready" : "done";
    default:
      return "done";
  }
}

type SlotFacts = { deliveryDate: string; timeSlot: string; createdAt: Date | string };

/** Work to do is ordered by when it must leave the shop: date, then slot start, then who ordered first. */
export function bySlot(a: SlotFacts, b: SlotFacts): number {
  return (
    a.deliveryDate.localeCompare(b.deliveryDate) ||
    slotStart(a.timeSlot) - slotStart(b.timeSlot) ||
    new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime()
  );
}

/** "09-12" → 9. A slot that does not parse sorts last. */
export function slotStart(slot: string): number {
  const h = Number.parseInt(slot, 10);
  return Number.isFinite(h) ? h : 99;
}
