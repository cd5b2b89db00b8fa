// B1, P1: a live change names one order; the board updates that one card (read with
// store.boardOrder) instead of reading the whole board again. Pure: what the cached board becomes
// with the card's new state, or null when only the server can tell (a new or unknown card, a
// cancellation or a failed attempt, which also change the board's alerts) — then the board is
// read again, as before.
import { boardLaneOf } from "@bloom/domain";

/** What the patch needs of a card (store.board's order rows). */
export type PatchCard = {
  orderId: string;
  status: string;
  deliveryDate: string;
  timeSlot: string;
  pickedUpAt: Date | string | null;
  attemptedAt: Date | string | null;
  updatedAt: Date | string;
};
export type PatchBoard<C extends PatchCard> = {
  orders: C[];
  counts: { date: string; slot: string; count: number }[];
  newIds: string[];
  today: string;
};
/** The board's filter (store.board's input); the store is already applied by the server's read. */
export type PatchFilter = { day?: string; slot?: string } | undefined;

const OPEN = new Set(["NEW", "ACCEPTED"]);
const time = (d: Date | string | null) => (d === null ? null : new Date(d).getTime());

/**
 * Whether the card belongs on a board with this filter, as the board's SQL decides
 * (packages/app/src/store/board.repo.ts): New, Accepted and Ready on the day shown — "today" also
 * holds overdue work — and Done on the day itself; in the slot when one is picked.
 */
export function onBoard(card: PatchCard, filter: PatchFilter, today: string): boolean {
  if (filter?.slot && card.timeSlot !== filter.slot) return false;
  const day = filter?.day;
  if (!day || card.deliveryDate === day) return true;
  return boardLaneOf(card) !== "done" && day === today && card.deliveryDate < today;
}

export function patchBoard<C extends PatchCard, B extends PatchBoard<C>>(board: B, card: C | null, filter: PatchFilter): B | null {
  if (!card) return null; // gone from this owner's board (erased, moved): read it again
  const old = board.orders.find((o) => o.orderId === card.orderId);
  if (!old) return null; // a new order, or one this board does not hold: counts, alerts and the unread badge come with it
  // The board's alerts announce cancellations and failed attempts: only the server's read has them.
  if (old.status === "CANCELLED" || card.status === "CANCELLED" || old.attemptedAt || card.attemptedAt) return null;
  // An answer overtaken by a newer one (two changes in quick succession) changes nothing.
  if ((time(card.updatedAt) ?? 0) < (time(old.updatedAt) ?? 0)) return board;

  const orders = onBoard(card, filter, board.today)
    ? board.orders.map((o) => (o.orderId === card.orderId ? card : o))
    : board.orders.filter((o) => o.orderId !== card.orderId);

  // The filter's counts: open orders (New, Accepted) per day and slot, over every day.
  const counts = board.counts.map((c) => ({ ...c }));
  const shift = (o: PatchCard, by: number) => {
    if (!OPEN.has(o.status)) return;
    const c = counts.find((x) => x.date === o.deliveryDate && x.slot === o.timeSlot);
    if (c) c.count += by;
    else if (by > 0) counts.push({ date: o.deliveryDate, slot: o.timeSlot, count: by });
  };
  shift(old, -1);
  shift(card, +1);
  counts.sort((a, b) => a.date.localeCompare(b.date) || a.slot.localeCompare(b.slot));

  // Every New order of the stores (the new-order chime), newest first.
  let newIds = board.newIds.filter((id) => id !== card.orderId);
  if (card.status === "NEW") newIds = board.newIds.includes(card.orderId) ? board.newIds : [card.orderId, ...newIds];

  return { ...board, orders, counts: counts.filter((c) => c.count > 0), newIds };
}
