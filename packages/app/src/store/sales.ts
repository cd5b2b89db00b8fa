// The owner's sales at a glance (W7): a read model over a shop's orders of a period, by the Korean
// calendar day each order was PLACED (not its delivery day). Owners read their own shops (an admin:
// any). Read straight from the contexts' tables in one read-only snapshot: the order
// (ordering_orders), its lines, its payment (payment_payments) and, for a rejection, the
// StoreOrderRejected event's reason code in the event log (store_orders keeps the florist's
// free text in place of the code).
//
// Earned = the order stands (not REJECTED or CANCELLED) and its payment is still APPROVED. Every
// other order of the period is a refund (decided: REFUND_PENDING, or done: REFUNDED; or ended and
// about to be refunded), counted apart at the payment's amount. Revenue is the order total, the
// delivery fee included (shown apart too). `topItems` ranks bouquets and add-ons (W4) alike, by
// item kind.
import { inTransaction, type Db } from "@bloom/db";
import { refuse, REJECT_REASONS, salesPeriod, salesQuerySchema, TIME_SLOTS, todayInSeoul, type RejectReason, type Result, type SalesPeriod } from "@bloom/domain";
import type pg from "pg";
import { storeIdsOf, type Owner } from "./board";

export type SalesDay = { day: string; orders: number; revenueWon: number; deliveryFeeWon: number; refunds: number; refundedWon: number };
export type SalesReport = {
  store: { id: string; name: string; nameKo: string | null };
  period: SalesPeriod;
  totals: Omit<SalesDay, "day"> & { placed: number };
  days: SalesDay[];
  /** Earned orders per delivery slot (the four slots always, then any other slot an old order has). */
  slots: { slot: string; orders: number }[];
  /** Best sellers among earned orders, by units then revenue (at most 10); the name as last ordered, and the menu's Korean name. */
  topItems: { kind: "BOUQUET" | "ADDON"; itemId: string; name: string; nameKo: string | null; units: number; revenueWon: number }[];
  rejects: { reason: RejectReason; orders: number }[];
  /** CUSTOMER: cancelled by the sender (their reason, grouped; null: none given). UNDELIVERED: ended by the shop after a failed delivery. */
  cancels: { kind: "CUSTOMER" | "UNDELIVERED"; reason: string | null; orders: number }[];
};

const TOP_ITEMS = 10;
const CANCEL_GROUPS = 8;

/**
 * The period's orders of one shop: an index range on (store_id, created_at). created_at is UTC
 * without a zone; the bounds are the Seoul midnights of `from` and of the day after `to`.
 */
const PERIOD = `
  period AS (
    SELECT o.id, o.created_at, o.total_won, o.delivery_fee_won, o.time_slot, o.delivery_date, o.status::text AS status, o.status_reason,
           ((o.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Seoul')::date AS day,
           COALESCE(p.amount_won, o.total_won) AS paid_won, p.refund_cause,
           (o.status NOT IN ('REJECTED', 'CANCELLED') AND p.status IS NOT DISTINCT FROM 'APPROVED') AS earned
    FROM ordering_orders o LEFT JOIN payment_payments p ON p.order_id = o.id
    WHERE o.store_id = $1::uuid
      AND o.created_at >= (($2::date)::timestamp AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'UTC'
      AND o.created_at < ((($3::date + 1))::timestamp AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'UTC')`;

/** The reason code of a rejection, from the event log ((order_id, seq) index; only rejected orders). */
const REJECT_CODE = `
  LEFT JOIN LATERAL (
    SELECT e.payload->'payload'->>'reason' AS code FROM outbox_events e
    WHERE o.status = 'REJECTED' AND e.order_id = o.id AND e.type = 'StoreOrderRejected' ORDER BY e.seq LIMIT 1) rej ON true`;

/** A cancellation's reason as grouped: trimmed, inner spaces squeezed, lower case (cancelReasonKey). */
const CANCEL_KEY = `NULLIF(lower(regexp_replace(regexp_replace(COALESCE(o.status_reason, ''), '^\\s+|\\s+$', '', 'g'), '\\s+', ' ', 'g')), '')`;

type Access = Result<{ store: SalesReport["store"]; period: SalesPeriod }>;

/** Checks the input and the owner's right to the shop, before any figure is read. */
export async function salesAccess(db: Db, owner: Owner, raw: unknown, today = todayInSeoul()): Promise<Access> {
  const parsed = salesQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse("VALIDATION", `${issue?.path.join(".") || "input"}: ${issue?.message ?? "invalid"}`);
  }
  const period = salesPeriod(parsed.data, today);
  if (!period.ok) return period;
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(parsed.data.storeId)) return refuse("NOT_FOUND", "Store not found");
  const store = await db.store.findUnique({ where: { id: parsed.data.storeId }, select: { id: true, name: true, nameKo: true } });
  if (!store) return refuse("NOT_FOUND", "Store not found");
  return { ok: true, store, period: period.period };
}

/** A consistent snapshot of several reads. */
function snapshot<T>(db: Db, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(db, async ({ client }) => {
    await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    return fn(client);
  });
}

export async function salesFor(db: Db, owner: Owner, raw: unknown, today = todayInSeoul()): Promise<Result<{ report: SalesReport }>> {
  const access = await salesAccess(db, owner, raw, today);
  if (!access.ok) return access;
  const { store, period } = access;
  const values = [store.id, period.from, period.to];
  const rows = await snapshot(db, async (c) => {
    const days = await c.query<{ day: string; placed: number; orders: number; revenue: string; fee: string; refunds: number; refunded: string }>({
      name: "sales-days",
      text: `WITH ${PERIOD}
             SELECT to_char(day, 'YYYY-MM-DD') AS day, count(*)::int AS placed,
                    count(*) FILTER (WHERE earned)::int AS orders,
                    COALESCE(sum(total_won) FILTER (WHERE earned), 0) AS revenue,
                    COALESCE(sum(delivery_fee_won) FILTER (WHERE earned), 0) AS fee,
                    count(*) FILTER (WHERE NOT earned)::int AS refunds,
                    COALESCE(sum(paid_won) FILTER (WHERE NOT earned), 0) AS refunded
             FROM period GROUP BY day`,
      values,
    });
    const slots = await c.query<{ slot: string; orders: number }>({
      name: "sales-slots",
      text: `WITH ${PERIOD} SELECT time_slot AS slot, count(*)::int AS orders FROM period WHERE earned GROUP BY time_slot`,
      values,
    });
    // Lines of earned orders, bouquets (every size together) and add-ons (W4, their own lines), in one list.
    const items = await c.query<{ kind: "BOUQUET" | "ADDON"; item_id: string; name: string; name_ko: string | null; units: string; revenue: string }>({
      name: "sales-top-items-w4",
      text: `WITH ${PERIOD},
             bq AS (
               SELECT 'BOUQUET'::text AS kind, l.bouquet_id AS item_id, (array_agg(l.name ORDER BY o.created_at DESC))[1] AS name,
                      sum(l.quantity) AS units, sum(l.quantity * l.unit_price_won) AS revenue, NULL::text AS name_ko
               FROM period o JOIN ordering_order_lines l ON l.order_id = o.id
               WHERE o.earned GROUP BY l.bouquet_id),
             ad AS (
               SELECT 'ADDON'::text AS kind, a.addon_id AS item_id, (array_agg(a.name ORDER BY o.created_at DESC))[1] AS name,
                      sum(a.quantity) AS units, sum(a.quantity * a.unit_price_won) AS revenue,
                      (array_agg(a.name_ko ORDER BY o.created_at DESC))[1] AS name_ko
               FROM period o JOIN ordering_order_addons a ON a.order_id = o.id
               WHERE o.earned GROUP BY a.addon_id),
             top AS (
               SELECT * FROM (SELECT * FROM bq UNION ALL SELECT * FROM ad) u
               ORDER BY units DESC, revenue DESC, item_id LIMIT ${TOP_ITEMS})
             SELECT top.kind, top.item_id, top.name, top.units, top.revenue, COALESCE(top.name_ko, b.name_ko) AS name_ko
             FROM top LEFT JOIN store_bouquets b ON top.kind = 'BOUQUET' AND b.id = top.item_id
             ORDER BY units DESC, revenue DESC, item_id`,
      values,
    });
    const rejects = await c.query<{ code: string | null; orders: number }>({
      name: "sales-rejects",
      text: `WITH ${PERIOD} SELECT rej.code, count(*)::int AS orders FROM period o ${REJECT_CODE} WHERE o.status = 'REJECTED' GROUP BY rej.code`,
      values,
    });
    const cancels = await c.query<{ kind: "CUSTOMER" | "UNDELIVERED"; reason: string | null; orders: number }>({
      name: "sales-cancels",
      text: `WITH ${PERIOD}
             SELECT CASE WHEN o.refund_cause = 'UNDELIVERED' THEN 'UNDELIVERED' ELSE 'CUSTOMER' END AS kind,
                    ${CANCEL_KEY} AS key,
                    mode() WITHIN GROUP (ORDER BY regexp_replace(o.status_reason, '^\\s+|\\s+$', '', 'g')) AS reason,
                    count(*)::int AS orders
             FROM period o WHERE o.status = 'CANCELLED' GROUP BY 1, 2 ORDER BY orders DESC, key NULLS LAST`,
      values,
    });
    return { days: days.rows, slots: slots.rows, items: items.rows, rejects: rejects.rows, cancels: cancels.rows };
  });

  const byDay = new Map(rows.days.map((d) => [d.day, d]));
  const days: SalesDay[] = period.days.map((day) => {
    const d = byDay.get(day);
    return {
      day,
      orders: d?.orders ?? 0,
      revenueWon: Number(d?.revenue ?? 0),
      deliveryFeeWon: Number(d?.fee ?? 0),
      refunds: d?.refunds ?? 0,
      refundedWon: Number(d?.refunded ?? 0),
    };
  });
  const sum = (f: (d: SalesDay) => number) => days.reduce((a, d) => a + f(d), 0);
  const slotCount = new Map(rows.slots.map((s) => [s.slot, s.orders]));
  const rejectCount = new Map<string, number>();
  for (const r of rows.rejects) {
    const code = REJECT_REASONS.includes(r.code as RejectReason) ? r.code! : "OTHER";
    rejectCount.set(code, (rejectCount.get(code) ?? 0) + r.orders);
  }
  return {
    ok: true,
    report: {
      store,
      period,
      totals: {
        placed: rows.days.reduce((a, d) => a + d.placed, 0),
        orders: sum((d) => d.orders),
        revenueWon: sum((d) => d.revenueWon),
        deliveryFeeWon: sum((d) => d.deliveryFeeWon),
        refunds: sum((d) => d.refunds),
        refundedWon: sum((d) => d.refundedWon),
      },
      days,
      slots: [
        ...TIME_SLOTS.map((slot) => ({ slot, orders: slotCount.get(slot) ?? 0 })),
        ...rows.slots.filter((s) => !(TIME_SLOTS as readonly string[]).includes(s.slot)).sort((a, b) => a.slot.localeCompare(b.slot)),
      ],
      topItems: rows.items.map((i) => ({ kind: i.kind, itemId: i.item_id, name: i.name, nameKo: i.name_ko, units: Number(i.units), revenueWon: Number(i.revenue) })),
      rejects: REJECT_REASONS.map((reason) => ({ reason, orders: rejectCount.get(reason) ?? 0 })),
      cancels: groupCancels(rows.cancels),
    },
  };
}

/** The most frequent reasons, the rest of the customers' reasons as one "other" group (reason "…"). */
function groupCancels(rows: { kind: "CUSTOMER" | "UNDELIVERED"; reason: string | null; orders: number }[]): SalesReport["cancels"] {
  const undelivered = rows.filter((r) => r.kind === "UNDELIVERED").reduce((a, r) => a + r.orders, 0);
  const customer = rows.filter((r) => r.kind === "CUSTOMER").map((r) => ({ kind: r.kind, reason: r.reason, orders: r.orders }));
  const named = customer.filter((r) => r.reason !== null);
  const none = customer.find((r) => r.reason === null);
  const out: SalesReport["cancels"] = named.slice(0, CANCEL_GROUPS);
  const rest = named.slice(CANCEL_GROUPS).reduce((a, r) => a + r.orders, 0);
  if (rest > 0) out.push({ kind: "CUSTOMER", reason: "…", orders: rest });
  if (none) out.push(none);
  if (undelivered > 0) out.push({ kind: "UNDELIVERED", reason: null, orders: undelivered });
  return out;
}

export type SalesOrderRow = {
  orderId: string;
  placedAt: Date;
  orderDay: string;
  deliveryDate: string;
  timeSlot: string;
  status: string;
  items: string;
  totalWon: number;
  deliveryFeeWon: number;
  earned: boolean;
  refundedWon: number;
  rejectReason: string | null;
  cancelReason: string | null;
};

/** Every order of the period (the CSV export), oldest first. */
export async function salesOrdersFor(db: Db, owner: Owner, raw: unknown, today = todayInSeoul()): Promise<Result<{ store: SalesReport["store"]; period: SalesPeriod; orders: SalesOrderRow[] }>> {
  const access = await salesAccess(db, owner, raw, today);
  if (!access.ok) return access;
  const { store, period } = access;
  const { rows } = await snapshot(db, (c) =>
    c.query<{ id: string; placed_at: Date; day: string; delivery_date: string; time_slot: string; status: string; items: string | null; total_won: number; delivery_fee_won: number; earned: boolean; paid_won: number; code: string | null; status_reason: string | null }>({
      name: "sales-orders",
      text: `WITH ${PERIOD}
             SELECT o.id, o.created_at AT TIME ZONE 'UTC' AS placed_at, to_char(o.day, 'YYYY-MM-DD') AS day, o.delivery_date, o.time_slot, o.status, o.total_won, o.delivery_fee_won,
                    o.earned, o.paid_won, rej.code, o.status_reason,
                    (SELECT string_agg(l.name || ' ×' || l.quantity, ', ' ORDER BY l.name) FROM ordering_order_lines l WHERE l.order_id = o.id) AS items
             FROM period o ${REJECT_CODE} ORDER BY o.created_at, o.id`,
      values: [store.id, period.from, period.to],
    }),
  );
  return {
    ok: true,
    store,
    period,
    orders: rows.map((r) => ({
      orderId: r.id,
      placedAt: r.placed_at,
      orderDay: r.day,
      deliveryDate: r.delivery_date,
      timeSlot: r.time_slot,
      status: r.status,
      items: r.items ?? "",
      totalWon: r.total_won,
      deliveryFeeWon: r.delivery_fee_won,
      earned: r.earned,
      refundedWon: r.earned ? 0 : r.paid_won,
      rejectReason: r.status === "REJECTED" ? (REJECT_REASONS.includes(r.code as RejectReason) ? r.code : "OTHER") : null,
      cancelReason: r.status === "CANCELLED" ? r.status_reason : null,
    })),
  };
}
