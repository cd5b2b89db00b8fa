// The store owner's order board (F4, F6, W3): an owner sees and acts on their own stores only.
import { sqlOf, type Db, type StoreOrder } from "@bloom/db";
import {
  BOARD_ALERT_HOURS,
  BOARD_DONE_PAGE,
  BOARD_READY_CAP,
  BOARD_WINDOW_DAYS,
  type BoardCursor,
  type BoardQuery,
  todayInSeoul,
  createEvent,
  decideStoreOrder,
  decideDecorationWithoutPhoto,
  refuse,
  type Result,
  type StoreOrderCommand,
  type StoreOrderStatus,
  UNREAD_COUNT_CAP,
} from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { endOrderAsRejected } from "../ordering/order-fate";
import { releaseStockTx } from "./inventory";
import { boardAlerts, boardOrder, donePage, newOrderIds, openCounts, openOrders, readyOrders, type BoardWhere } from "./board.repo";
import { riderFactsOf } from "./rider-facts";
import { arrangementStateOf } from "./arrangement-state";
import { decorationCompletedEvent } from "./decoration-completed";
import { releaseSlotTx } from "./slot-capacity";

class OrderAlreadyEnded extends Error {
  constructor(readonly status: string | null) {
    super(`order already ${status ?? "gone"}`);
  }
}

export type Owner = { id: string; role: string };

/** Store ids this user may manage: their own (an admin: all). */
export async function storeIdsOf(db: Db, owner: Owner): Promise<string[]> {
  const { rows } = await sqlOf(db).query<{ id: string }>(
    owner.role === "ADMIN"
      ? { name: "stores-all", text: "SELECT id FROM store_stores" }
      : { name: "stores-of-owner", text: "SELECT id FROM store_stores WHERE owner_id = $1", values: [owner.id] },
  );
  return rows.map((s) => s.id);
}

export async function myStores(db: Db, owner: Owner) {
  return db.store.findMany({
    where: owner.role === "ADMIN" ? {} : { ownerId: owner.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameKo: true, area: true, address: true, requireDeliveryPhoto: true, requireArrangementPhoto: true, approvalWindowSeconds: true, addressKo: true, description: true, descriptionKo: true },
  });
}

/** Unread notifications, counted only up to the cap: a store away for a week must not make every board load count them all. */
async function unreadCount(db: Db, storeIds: string[]): Promise<number> {
  const { rows } = await sqlOf(db).query<{ n: number }>({
    name: "board-unread",
    text: `SELECT count(*)::int AS n FROM (SELECT 1 FROM store_notifications WHERE store_id = ANY($1::uuid[]) AND read_at IS NULL LIMIT ${UNREAD_COUNT_CAP}) t`,
    values: [storeIds],
  });
  return rows[0]?.n ?? 0;
}

/**
 * The board for a day and slot (W3): New and Accepted whole, however old, in slot order; Ready
 * whole for the filter (up to a cap); the first page of Done; the open orders' counts per day and
 * slot; the recent cancellations and failed attempts to announce; the unread badge. With a
 * `cursor`, `boardDoneFor` reads the next page of Done.
 */
export async function boardFor(db: Db, owner: Owner, storeId: string | undefined, query: Omit<BoardQuery, "storeId" | "cursor"> = {}, now = new Date()) {
  const w = await whereOf(db, owner, storeId, query, now);
  const since = new Date(now.getTime() - BOARD_WINDOW_DAYS * DAY_MS);
  const [open, ready, done, counts, alerts, unread, newIds] = await Promise.all([
    openOrders(db, w),
    readyOrders(db, w, since, BOARD_READY_CAP + 1),
    donePage(db, w, since, null, BOARD_DONE_PAGE + 1),
    openCounts(db, w.storeIds),
    boardAlerts(db, w.storeIds, new Date(now.getTime() - BOARD_ALERT_HOURS * 3_600_000), 20),
    unreadCount(db, w.storeIds),
    newOrderIds(db, w.storeIds, 500),
  ]);
  const page = pageOf(done);
  // No order can be beyond stock any more: its units were reserved when it was placed (M5).
  return {
    orders: [...open, ...ready.slice(0, BOARD_READY_CAP), ...page.orders],
    readyCapped: ready.length > BOARD_READY_CAP,
    next: page.next,
    counts,
    alerts,
    today: w.today,
    newIds,
    unread,
  };
}

/** The next page of Done after `cursor` (W3), with the board's filter. */
export async function boardDoneFor(db: Db, owner: Owner, query: BoardQuery, now = new Date()) {
  const w = await whereOf(db, owner, query.storeId, query, now);
  return pageOf(await donePage(db, w, new Date(now.getTime() - BOARD_WINDOW_DAYS * DAY_MS), query.cursor ?? null, BOARD_DONE_PAGE + 1));
}

/** One order as its board card shows it, or null when it is not on this owner's board (W3: a live change updates one card). */
export async function boardOrderFor(db: Db, owner: Owner, orderId: string) {
  return boardOrder(db, await storeIdsOf(db, owner), orderId);
}

const DAY_MS = 86_400_000;

async function whereOf(db: Db, owner: Owner, storeId: string | undefined, query: { day?: string; slot?: string }, now: Date): Promise<BoardWhere> {
  const ids = await storeIdsOf(db, owner);
  return {
    storeIds: storeId ? (ids.includes(storeId) ? [storeId] : []) : ids,
    day: query.day ?? null,
    today: todayInSeoul(now),
    slot: query.slot ?? null,
  };
}

/** A page read one row long tells whether there is a next one, and where it starts. */
function pageOf(rows: StoreOrder[]): { orders: StoreOrder[]; next: BoardCursor | null } {
  const orders = rows.slice(0, BOARD_DONE_PAGE);
  const last = orders.at(-1);
  return { orders, next: rows.length > BOARD_DONE_PAGE && last ? { updatedAt: last.updatedAt.toISOString(), id: last.id } : null };
}

export async function markNotificationsRead(db: Db, owner: Owner) {
  const ids = await storeIdsOf(db, owner);
  await db.storeNotification.updateMany({ where: { storeId: { in: ids }, readAt: null }, data: { readAt: new Date() } });
}

export async function actOnStoreOrder(
  ctx: AppContext,
  owner: Owner,
  orderId: string,
  cmd: StoreOrderCommand,
): Promise<Result<{ status: StoreOrderStatus }>> {
  const ids = await storeIdsOf(ctx.db, owner);
  const so = await ctx.db.storeOrder.findUnique({ where: { orderId } });
  if (!so || !ids.includes(so.storeId)) return refuse("NOT_FOUND", "Order not found on your board");
  if (so.status === "CANCELLED") return refuse("ORDER_CANCELLED", "The customer cancelled this order; its payment is refunded");
  const decision = decideStoreOrder(so.status, cmd);
  if (!decision.ok) return decision;
  const actor = { role: "OWNER" as const, id: owner.id };
  const store = await ctx.db.store.findUniqueOrThrow({ where: { id: so.storeId } });
  if (cmd.kind === "completeDecoration") {
    // W1: with a photo under way (or required by the shop) the order goes out on the sender's approval instead.
    const photo = decideDecorationWithoutPhoto(store.requireArrangementPhoto, await arrangementStateOf(ctx.db, orderId));
    if (!photo.ok) return photo;
  }
  const facts = cmd.kind === "completeDecoration" ? await riderFactsOf(store, so) : null;

  let done: boolean;
  try {
    done = await ctx.db.$transaction(async (tx) => {
      // Conditional on the status we decided from: a concurrent change (e.g. a cancellation) wins.
      const n = await tx.storeOrder.updateMany({
        where: { id: so.id, status: so.status },
        data: { status: decision.next, ...(cmd.kind === "reject" ? { rejectReason: cmd.detail?.trim() || cmd.reason } : {}) },
      });
      if (n.count === 0) return false;
      if (cmd.kind === "accept") {
        // The stock was reserved when the order was placed (M5): accepting moves none.
        await appendEvents(tx, [createEvent("StoreOrderAccepted", orderId, { storeId: so.storeId, overStock: false }, actor)]);
      } else if (cmd.kind === "completeDecoration") {
        await appendEvents(tx, [decorationCompletedEvent(store, so, facts!, actor)]);
      } else {
        const detail = cmd.detail?.trim() || null;
        const rejected = createEvent("StoreOrderRejected", orderId, { storeId: so.storeId, reason: cmd.reason, detail }, actor);
        // One end per order (M3): the rejection ends the order here, or finds it cancelled and
        // rolls back — so a cancellation and a rejection sent at once never both win.
        const end = await endOrderAsRejected(tx, orderId, detail ?? cmd.reason, new Date(rejected.occurredAt));
        if (!end.ended) throw new OrderAlreadyEnded(end.status);
        await releaseStockTx(tx, orderId);
        await releaseSlotTx(tx, orderId);
        await appendEvents(tx, [rejected]);
      }
      return true;
    });
  } catch (e) {
    if (e instanceof OrderAlreadyEnded) {
      if (e.status === "CANCELLED") return refuse("ORDER_CANCELLED", "The customer cancelled this order; its payment is refunded");
      return refuse("INVALID_TRANSITION", "This order changed meanwhile; the board has been refreshed");
    }
    throw e;
  }
  if (!done) {
    const now = await ctx.db.storeOrder.findUnique({ where: { orderId }, select: { status: true } });
    if (now?.status === "CANCELLED") return refuse("ORDER_CANCELLED", "The customer cancelled this order; its payment is refunded");
    return refuse("INVALID_TRANSITION", "This order changed meanwhile; the board has been refreshed");
  }
  ctx.log.info({ orderId, storeId: so.storeId, action: cmd.kind }, "store order updated");
  return { ok: true, status: decision.next };
}
