// Policy "mypage-projection" (N4, F14): MyPage rows are written only from events, never by
// reading other contexts' tables. The row keeps the order's events and is their fold.
import type { Db, SqlClient } from "@bloom/db";
import { ACTIVE_STATUSES, parseEvent, projectMyPage, type DomainEvent, type MyPageView } from "@bloom/domain";
import { invalidCursor } from "../shared/cursor";

function columns(v: MyPageView, events: DomainEvent[]) {
  return {
    customerId: v.customerId,
    storeName: v.storeName,
    itemsSummary: v.itemsSummary,
    totalWon: v.totalWon,
    deliveryFeeWon: v.deliveryFeeWon,
    orderStatus: v.orderStatus,
    deliveryStatus: v.deliveryStatus,
    paymentStatus: v.paymentStatus,
    riderName: v.riderName,
    deliveryDate: v.deliveryDate,
    timeSlot: v.timeSlot,
    timeline: v.timeline,
    events: events as object[],
    placedAt: v.placedAt ? new Date(v.placedAt) : null,
    updatedAt: new Date(v.updatedAt),
    storeNameKo: v.storeNameKo,
    itemsSummaryKo: v.itemsSummaryKo,
  };
}

/**
 * Folds one more event into the order's MyPage row, on the consumer's SQL transaction. A new order
 * is one INSERT; otherwise the row is locked (so two workers projecting events of one order
 * serialize on it), re-folded over its events and updated.
 */
export async function projectEvent(c: SqlClient, e: DomainEvent): Promise<MyPageView> {
  const write = (view: MyPageView, events: DomainEvent[]) => [
    e.orderId, view.customerId, view.storeName, view.itemsSummary, view.totalWon, view.orderStatus, view.deliveryStatus,
    view.paymentStatus, view.riderName, view.deliveryDate, view.timeSlot, JSON.stringify(view.timeline), JSON.stringify(events),
    view.placedAt ? new Date(view.placedAt).toISOString() : null, new Date(view.updatedAt).toISOString(), view.deliveryFeeWon,
    view.storeNameKo, view.itemsSummaryKo,
  ];
  const first = projectMyPage(e.orderId, [e]);
  const inserted = await c.query({
    name: "mypage-insert",
    text: `INSERT INTO mypage_orders (order_id, customer_id, store_name, items_summary, total_won, order_status, delivery_status,
             payment_status, rider_name, delivery_date, time_slot, timeline, events, placed_at, updated_at, delivery_fee_won,
             store_name_ko, items_summary_ko)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14, $15, $16, $17, $18) ON CONFLICT (order_id) DO NOTHING`,
    values: write(first, [e]),
  });
  if (inserted.rowCount === 1) return first;
  const { rows } = await c.query<{ events: unknown[] }>({
    name: "mypage-lock",
    text: "SELECT events FROM mypage_orders WHERE order_id = $1 FOR UPDATE",
    values: [e.orderId],
  });
  const events = [...(rows[0]?.events ?? []).map((x) => parseEvent(x)), e];
  const view = projectMyPage(e.orderId, events);
  await c.query({
    name: "mypage-update",
    text: `UPDATE mypage_orders SET customer_id = $2, store_name = $3, items_summary = $4, total_won = $5, order_status = $6,
             delivery_status = $7, payment_status = $8, rider_name = $9, delivery_date = $10, time_slot = $11,
             timeline = $12::jsonb, events = $13::jsonb, placed_at = $14, updated_at = $15, delivery_fee_won = $16,
             -- W5: a fold over events from before the Korean names finds none; keep what the migration filled in.
             store_name_ko = COALESCE(NULLIF($17, ''), store_name_ko), items_summary_ko = COALESCE(NULLIF($18, ''), items_summary_ko)
           WHERE order_id = $1`,
    values: write(view, events),
  });
  return view;
}

/** Rebuilds the whole projection from the event log (the retained outbox). */
export async function rebuildMyPage(db: Db): Promise<number> {
  const rows = await db.outboxEvent.findMany({ orderBy: { seq: "asc" }, select: { orderId: true, payload: true } });
  const byOrder = new Map<string, DomainEvent[]>();
  for (const r of rows) {
    const list = byOrder.get(r.orderId) ?? [];
    list.push(parseEvent(r.payload));
    byOrder.set(r.orderId, list);
  }
  await db.$transaction(async (tx) => {
    await tx.myPageOrder.deleteMany({});
    for (const [orderId, events] of byOrder) {
      await tx.myPageOrder.create({ data: { orderId, ...columns(projectMyPage(orderId, events), events) } });
    }
    await tx.processedEvent.deleteMany({ where: { consumer: "mypage-projection" } });
    await tx.processedEvent.createMany({
      data: rows.map((r) => ({ consumer: "mypage-projection", eventId: (r.payload as { eventId: string }).eventId })),
      skipDuplicates: true,
    });
  }, { timeout: 120_000 });
  return byOrder.size;
}

export async function myPageFor(db: Db, customerId: string, opts: { filter: "all" | "active" | "past"; cursor?: string; limit: number }) {
  const active = [...ACTIVE_STATUSES];
  // Newest first, read in the order of the (customer_id, placed_at DESC, order_id DESC) index: no
  // sort step. A page after a cursor is a keyset condition on that order (PostgreSQL's DESC puts a
  // null placed_at first) starting at the cursor's placed_at; Prisma's own `cursor` read the
  // customer's whole history and skipped in memory. A cursor that is not the customer's is refused
  // exactly as one that does not exist (S6).
  let after = {};
  if (opts.cursor) {
    const at = await db.myPageOrder.findFirst({ where: { orderId: opts.cursor, customerId }, select: { orderId: true, placedAt: true } });
    if (!at) return invalidCursor();
    after = at.placedAt
      ? { placedAt: { lte: at.placedAt }, OR: [{ placedAt: { lt: at.placedAt } }, { orderId: { lt: at.orderId } }] }
      : { OR: [{ placedAt: null, orderId: { lt: at.orderId } }, { placedAt: { not: null } }] };
  }
  const rows = await db.myPageOrder.findMany({
    where: {
      customerId,
      ...(opts.filter === "active" ? { orderStatus: { in: active } } : opts.filter === "past" ? { orderStatus: { notIn: active } } : {}),
      ...after,
    },
    orderBy: [{ placedAt: "desc" }, { orderId: "desc" }],
    take: opts.limit + 1,
    omit: { events: true },
  });
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit);
  return { ok: true as const, page: { items, nextCursor: more ? items[items.length - 1]!.orderId : null } };
}
