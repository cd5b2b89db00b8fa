// The store board's SQL (F4, W3): the lanes for a day and slot, the day counts, Done a page at a
// time, and the cancellations to announce. Plain pg with named (prepared) statements: planning
// these costs more than running them. Each read is a short range of an index that holds only its
// lane's rows (see the migration 20261201168000_board_busy_day), whatever the shop's history.
import { sqlOf, type Db, type StoreOrder } from "@bloom/db";
import { BOARD_ENDED_STATUSES, BOARD_OPEN_STATUSES, BOARD_READY_STATUS, type BoardCursor, type StoreOrderStatus } from "@bloom/domain";

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
  cancelled_at: Date | null;
  cancel_reason: string | null;
  addons: StoreOrder["addons"];
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
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at) : null,
    cancelReason: r.cancel_reason,
    addons: r.addons,
  };
}

const COLUMNS = `id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot,
  gift_message, note, over_stock, delivery_fee_won, reject_reason, rider_name,
  claimed_at AT TIME ZONE 'UTC' AS claimed_at, arrived_at AT TIME ZONE 'UTC' AS arrived_at,
  picked_up_at AT TIME ZONE 'UTC' AS picked_up_at, delivered_at AT TIME ZONE 'UTC' AS delivered_at,
  returned_at AT TIME ZONE 'UTC' AS returned_at,
  attempted_at AT TIME ZONE 'UTC' AS attempted_at, attempt_reason, attempts,
  back_at_shop_at AT TIME ZONE 'UTC' AS back_at_shop_at, left_with,
  created_at AT TIME ZONE 'UTC' AS created_at, updated_at AT TIME ZONE 'UTC' AS updated_at,
  cancelled_at AT TIME ZONE 'UTC' AS cancelled_at, cancel_reason, addons`;

// The lanes' statuses come from the domain (board-view.ts), written into the statements' text as
// literals (constants, never input): the partial indexes of each lane are only chosen for a
// prepared statement whose WHERE names the same statuses as the index.
const literal = (s: StoreOrderStatus) => `'${s}'`;
const OPEN_IN = `IN (${BOARD_OPEN_STATUSES.map(literal).join(", ")})`;
const READY = literal(BOARD_READY_STATUS);
const NEW = literal("NEW");
const ENDED_VALUES = BOARD_ENDED_STATUSES.map((s, i) => (i === 0 ? `(${literal(s)}::"StoreOrderStatus")` : `(${literal(s)})`)).join(", ");

/** The board's filter in SQL terms: `day` null = every day; on `today`, open work also holds earlier days. */
export type BoardWhere = { storeIds: string[]; day: string | null; today: string; slot: string | null };

// $2 day, $3 today, $4 slot. Work still to do on "today" includes what is overdue.
const OPEN_DAY = `($2::text IS NULL OR o.delivery_date = $2::text OR ($2::text = $3::text AND o.delivery_date < $3::text))`;
const SLOT = `($4::text IS NULL OR o.time_slot = $4::text)`;

/** New and Accepted, whole (no cap, no age limit), in slot order. */
export async function openOrders(db: Db, w: BoardWhere): Promise<StoreOrder[]> {
  if (w.storeIds.length === 0) return [];
  const { rows } = await sqlOf(db).query<StoreOrderRow>({
    name: "board-open",
    text: `SELECT ${COLUMNS} FROM store_orders o
      WHERE o.store_id = ANY($1::uuid[]) AND o.status ${OPEN_IN} AND ${OPEN_DAY} AND ${SLOT}
      ORDER BY o.delivery_date, o.time_slot, o.created_at, o.id`,
    values: [w.storeIds, w.day, w.today, w.slot],
  });
  return rows.map(storeOrderOf);
}

/** Ready: arranged and still at the shop (or back after a failed attempt), changed since `since`; at most `cap`. */
export async function readyOrders(db: Db, w: BoardWhere, since: Date, cap: number): Promise<StoreOrder[]> {
  if (w.storeIds.length === 0) return [];
  const { rows } = await sqlOf(db).query<StoreOrderRow>({
    name: "board-ready",
    text: `SELECT ${COLUMNS} FROM store_orders o
      WHERE o.store_id = ANY($1::uuid[]) AND o.status = ${READY} AND (o.picked_up_at IS NULL OR o.attempted_at IS NOT NULL)
        AND o.updated_at >= $5::timestamp AND ${OPEN_DAY} AND ${SLOT}
      ORDER BY o.updated_at DESC, o.id DESC LIMIT $6::int`,
    values: [w.storeIds, w.day, w.today, w.slot, since.toISOString(), cap],
  });
  return rows.map(storeOrderOf);
}

/**
 * One page of Done, newest change first (ties by id), after `cursor`: picked up (sent or
 * delivered), rejected and cancelled orders changed since `since`; never a tombstone (a
 * cancellation that overtook OrderPlaced). Read per (store, lane), each a walk back along its own
 * index that stops after `limit` rows, then merged.
 */
export async function donePage(db: Db, w: BoardWhere, since: Date, cursor: BoardCursor | null, limit: number): Promise<StoreOrder[]> {
  if (w.storeIds.length === 0) return [];
  // Done is filtered by the day itself: "today" shows what was finished for today.
  const filter = `($2::text IS NULL OR o.delivery_date = $2::text) AND ($3::text IS NULL OR o.time_slot = $3::text) AND o.updated_at >= $4::timestamp
    AND ($5::timestamp IS NULL OR (o.updated_at <= $5::timestamp AND (o.updated_at < $5::timestamp OR o.id < $6::uuid)))`;
  const { rows } = await sqlOf(db).query<StoreOrderRow>({
    name: "board-done",
    text: `
    WITH sent AS (
      SELECT o.* FROM unnest($1::uuid[]) AS s(store_id) CROSS JOIN LATERAL (
        SELECT * FROM store_orders o
        WHERE o.store_id = s.store_id AND o.status = ${READY} AND o.picked_up_at IS NOT NULL AND o.attempted_at IS NULL AND ${filter}
        ORDER BY o.updated_at DESC, o.id DESC LIMIT $7::int
      ) o
    ),
    ended AS (
      SELECT o.* FROM unnest($1::uuid[]) AS s(store_id)
      CROSS JOIN (VALUES ${ENDED_VALUES}) AS st(status)
      CROSS JOIN LATERAL (
        SELECT * FROM store_orders o
        WHERE o.store_id = s.store_id AND o.status = st.status AND o.recipient_name <> '' AND ${filter}
        ORDER BY o.updated_at DESC, o.id DESC LIMIT $7::int
      ) o
    )
    SELECT ${COLUMNS} FROM (SELECT * FROM sent UNION ALL SELECT * FROM ended) o
    ORDER BY o.updated_at DESC, o.id DESC LIMIT $7::int`,
    values: [w.storeIds, w.day, w.slot, since.toISOString(), cursor ? cursor.updatedAt : null, cursor?.id ?? null, limit],
  });
  return rows.map(storeOrderOf);
}

export type DayCount = { date: string; slot: string; count: number };

/** Open orders (New, Accepted) per delivery day and slot, over every day: the filter's counts. */
export async function openCounts(db: Db, storeIds: string[]): Promise<DayCount[]> {
  if (storeIds.length === 0) return [];
  const { rows } = await sqlOf(db).query<DayCount>({
    name: "board-open-counts",
    text: `SELECT delivery_date AS date, time_slot AS slot, count(*)::int AS count FROM store_orders
      WHERE store_id = ANY($1::uuid[]) AND status ${OPEN_IN}
      GROUP BY delivery_date, time_slot ORDER BY delivery_date, time_slot`,
    values: [storeIds],
  });
  return rows;
}

/**
 * The ids of every NEW order, whatever the filter: a new order for another day still rings (up to
 * `limit`, newest first; beyond that a shop has bigger problems than a beep).
 */
export async function newOrderIds(db: Db, storeIds: string[], limit: number): Promise<string[]> {
  if (storeIds.length === 0) return [];
  const { rows } = await sqlOf(db).query<{ order_id: string }>({
    name: "board-new-ids",
    text: `SELECT order_id FROM store_orders WHERE store_id = ANY($1::uuid[]) AND status = ${NEW} ORDER BY created_at DESC LIMIT $2::int`,
    values: [storeIds, limit],
  });
  return rows.map((r) => r.order_id);
}

/** What rings on the board: a cancellation (with the customer's reason) or a failed delivery attempt. */
export type BoardAlert = { orderId: string; storeId: string; kind: "CANCELLED" | "ATTEMPT_FAILED"; at: Date; reason: string | null };

/** The alerts since `since`, newest first, whatever the filter: a cancellation must reach the florist. */
export async function boardAlerts(db: Db, storeIds: string[], since: Date, limit: number): Promise<BoardAlert[]> {
  if (storeIds.length === 0) return [];
  const { rows } = await sqlOf(db).query<{ order_id: string; store_id: string; kind: BoardAlert["kind"]; at: Date; reason: string | null }>({
    name: "board-alerts",
    text: `
      SELECT * FROM (
        SELECT order_id, store_id, 'CANCELLED' AS kind, cancelled_at AT TIME ZONE 'UTC' AS at, cancel_reason AS reason FROM store_orders
        WHERE store_id = ANY($1::uuid[]) AND status = 'CANCELLED' AND updated_at >= $2::timestamp AND cancelled_at >= $2::timestamp AND recipient_name <> ''
        UNION ALL
        SELECT order_id, store_id, 'ATTEMPT_FAILED', attempted_at AT TIME ZONE 'UTC', attempt_reason FROM store_orders
        WHERE store_id = ANY($1::uuid[]) AND status = ${READY} AND (picked_up_at IS NULL OR attempted_at IS NOT NULL)
          AND updated_at >= $2::timestamp AND attempted_at >= $2::timestamp
      ) a ORDER BY at DESC, order_id LIMIT $3::int`,
    values: [storeIds, since.toISOString(), limit],
  });
  return rows.map((r) => ({ orderId: r.order_id, storeId: r.store_id, kind: r.kind, at: new Date(r.at), reason: r.reason }));
}

/** One store order of these stores, as the board shows it (a live change to one card). */
export async function boardOrder(db: Db, storeIds: string[], orderId: string): Promise<StoreOrder | null> {
  if (storeIds.length === 0) return null;
  const { rows } = await sqlOf(db).query<StoreOrderRow>({
    name: "board-one",
    text: `SELECT ${COLUMNS} FROM store_orders o WHERE o.order_id = $2::uuid AND o.store_id = ANY($1::uuid[]) AND o.recipient_name <> ''`,
    values: [storeIds, orderId],
  });
  return rows[0] ? storeOrderOf(rows[0]) : null;
}
