// The store owner's order board (F4, F6): an owner sees and acts on their own stores only.
import { sqlOf, type Db, type StoreOrder } from "@bloom/db";
import {
  createEvent,
  decideStoreOrder,
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
import { riderFactsOf } from "./rider-facts";
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
    select: { id: true, name: true, nameKo: true, area: true, address: true, requireDeliveryPhoto: true },
  });
}

const BOARD_WINDOW_MS = 1000 * 60 * 60 * 24 * 14;

/** store_orders as PostgreSQL returns it to a raw query (column names, not Prisma's field names). */
type StoreOrderRow = {
  id: string;
  order_id: string;
  store_id: string;
  status: StoreOrderStatus;
  lines: StoreOrder["lines"];
  total_won: number;
  recipient_name: string;
  recipient_phone: string;
  address: string;
  delivery_date: string;
  time_slot: string;
  gift_message: string | null;
  note: string | null;
  over_stock: boolean;
  delivery_fee_won: number;
  reject_reason: string | null;
  rider_name: string | null;
  claimed_at: Date | null;
  arrived_at: Date | null;
  picked_up_at: Date | null;
  delivered_at: Date | null;
  returned_at: Date | null;
  attempted_at: Date | null;
  attempt_reason: string | null;
  attempts: number;
  back_at_shop_at: Date | null;
  left_with: string | null;
  created_at: Date;
  updated_at: Date;
};

/** The same object `db.storeOrder.findMany` returns: the web UI and the REST API rely on its shape. */
function storeOrderOf(r: StoreOrderRow): StoreOrder {
  return {
    id: r.id,
    orderId: r.order_id,
    storeId: r.store_id,
    status: r.status,
    lines: r.lines,
    totalWon: r.total_won,
    recipientName: r.recipient_name,
    recipientPhone: r.recipient_phone,
    address: r.address,
    deliveryDate: r.delivery_date,
    timeSlot: r.time_slot,
    giftMessage: r.gift_message,
    note: r.note,
    overStock: r.over_stock,
    deliveryFeeWon: r.delivery_fee_won,
    rejectReason: r.reject_reason,
    riderName: r.rider_name,
    claimedAt: r.claimed_at ? new Date(r.claimed_at) : null,
    arrivedAt: r.arrived_at ? new Date(r.arrived_at) : null,
    pickedUpAt: r.picked_up_at ? new Date(r.picked_up_at) : null,
    deliveredAt: r.delivered_at ? new Date(r.delivered_at) : null,
    returnedAt: r.returned_at ? new Date(r.returned_at) : null,
    attemptedAt: r.attempted_at ? new Date(r.attempted_at) : null,
    attemptReason: r.attempt_reason,
    attempts: r.attempts,
    backAtShopAt: r.back_at_shop_at ? new Date(r.back_at_shop_at) : null,
    leftWith: r.left_with,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/**
 * The board's orders, newest first: open ones (NEW, ACCEPTED) always, finished ones only while
 * updated within the window; tombstones (a cancellation that overtook OrderPlaced) never.
 *
 * Read per (store, status) "lane", so that every read is a short index range instead of a walk
 * over a shop's whole history (measured by `npm run bench -- --scale` over 1,000,000 orders):
 *  - `recent`: each lane's newest `limit` rows created since the lane's bound (open lanes: no
 *    bound), from (store_id, status, created_at), read backwards.
 *  - `older`: a finished order created before the window but finished inside it still belongs on
 *    the board; such rows rank below every `recent` row, so they are read only for the lanes where
 *    `recent` fell short of `limit`, from (store_id, status, updated_at). (OFFSET 0 keeps that
 *    index: without it the planner may walk the created_at index back through the lane's history.)
 * The union of the two is exactly the set the plain query selects; then the newest `limit`.
 */
async function boardOrders(db: Db, storeIds: string[], since: Date, limit: number): Promise<StoreOrder[]> {
  if (storeIds.length === 0) return [];
  // Plain pg with a named (prepared) statement: planning this query costs more than running it.
  const { rows } = await sqlOf(db).query<StoreOrderRow>({
    name: "board-orders",
    text: `
    WITH lanes AS (
      SELECT s.store_id, st.status, CASE WHEN st.open THEN '-infinity'::timestamp ELSE $1::timestamp END AS since
      FROM unnest($2::uuid[]) AS s(store_id)
      CROSS JOIN (VALUES ('NEW'::"StoreOrderStatus", true), ('ACCEPTED', true), ('DECORATED', false), ('REJECTED', false), ('CANCELLED', false))
        AS st(status, open)
    ),
    recent AS (
      SELECT o.* FROM lanes l CROSS JOIN LATERAL (
        SELECT * FROM store_orders o
        WHERE o.store_id = l.store_id AND o.status = l.status AND o.created_at >= l.since AND o.updated_at >= l.since
          AND o.recipient_name <> ''
        ORDER BY o.created_at DESC LIMIT $3::int
      ) o
    ),
    older AS (
      SELECT o.* FROM lanes l CROSS JOIN LATERAL (
        SELECT * FROM (
          SELECT * FROM store_orders o WHERE o.store_id = l.store_id AND o.status = l.status AND o.updated_at >= l.since OFFSET 0
        ) o
        WHERE o.created_at < l.since AND o.recipient_name <> ''
        ORDER BY o.created_at DESC LIMIT $3::int
      ) o
      WHERE l.since > '-infinity'::timestamp
        AND (SELECT count(*) FROM recent r WHERE r.store_id = l.store_id AND r.status = l.status) < $3::int
    )
    SELECT id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot,
           gift_message, note, over_stock, delivery_fee_won, reject_reason, rider_name,
           claimed_at AT TIME ZONE 'UTC' AS claimed_at, arrived_at AT TIME ZONE 'UTC' AS arrived_at,
           picked_up_at AT TIME ZONE 'UTC' AS picked_up_at, delivered_at AT TIME ZONE 'UTC' AS delivered_at,
           returned_at AT TIME ZONE 'UTC' AS returned_at,
           attempted_at AT TIME ZONE 'UTC' AS attempted_at, attempt_reason, attempts,
           back_at_shop_at AT TIME ZONE 'UTC' AS back_at_shop_at, left_with,
           created_at AT TIME ZONE 'UTC' AS created_at, updated_at AT TIME ZONE 'UTC' AS updated_at
    FROM (SELECT * FROM recent UNION ALL SELECT * FROM older) o
    ORDER BY created_at DESC LIMIT $3::int`,
    values: [since.toISOString(), storeIds, limit],
  });
  return rows.map(storeOrderOf);
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

export async function boardFor(db: Db, owner: Owner, storeId: string | undefined, limit = 100) {
  const ids = await storeIdsOf(db, owner);
  const where = storeId ? (ids.includes(storeId) ? [storeId] : []) : ids;
  // Finished orders drop off the board after two weeks; open ones always stay.
  const [orders, unread] = await Promise.all([
    boardOrders(db, where, new Date(Date.now() - BOARD_WINDOW_MS), limit),
    unreadCount(db, where),
  ]);
  // No order can be beyond stock any more: its units were reserved when it was placed (M5).
  return { orders, unread };
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
        await appendEvents(tx, [
          createEvent(
            "DecorationCompleted",
            orderId,
            {
              storeId: so.storeId,
              storeName: store.name,
              pickupAddress: store.address,
              dropoffAddress: so.address,
              recipientName: so.recipientName,
              recipientPhone: so.recipientPhone,
              deliveryDate: so.deliveryDate,
              timeSlot: so.timeSlot,
              ...facts,
              requireDeliveryPhoto: store.requireDeliveryPhoto,
            },
            actor,
          ),
        ]);
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
