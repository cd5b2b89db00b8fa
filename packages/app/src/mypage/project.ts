// Policy "mypage-projection" (N4, F14): MyPage rows are written only from events, never by
// reading other contexts' tables. The row keeps the order's events and is their fold.
import type { Db, Tx } from "@bloom/db";
import { parseEvent, projectMyPage, type DomainEvent, type MyPageView } from "@bloom/domain";

function columns(v: MyPageView, events: DomainEvent[]) {
  return {
    customerId: v.customerId,
    storeName: v.storeName,
    itemsSummary: v.itemsSummary,
    totalWon: v.totalWon,
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
  };
}

export async function projectEvent(tx: Tx, e: DomainEvent): Promise<MyPageView> {
  // Create-then-lock, so two workers projecting events of one order serialize on its row.
  await tx.$executeRaw`INSERT INTO mypage_orders (order_id, store_name, items_summary, total_won, order_status, delivery_status, payment_status, delivery_date, time_slot, timeline, events, updated_at)
    VALUES (${e.orderId}::uuid, '', '', 0, 'PLACED', 'NONE', 'PAID', '', '', '[]', '[]', now()) ON CONFLICT (order_id) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ events: unknown[] }[]>`SELECT events FROM mypage_orders WHERE order_id = ${e.orderId}::uuid FOR UPDATE`;
  const events = [...(row?.events ?? []).map((x) => parseEvent(x)), e];
  const view = projectMyPage(e.orderId, events);
  await tx.myPageOrder.update({ where: { orderId: e.orderId }, data: columns(view, events) });
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
  const active = ["PLACED", "ACCEPTED", "DECORATED", "DELIVERING"];
  const rows = await db.myPageOrder.findMany({
    where: {
      customerId,
      ...(opts.filter === "active" ? { orderStatus: { in: active } } : opts.filter === "past" ? { orderStatus: { notIn: active } } : {}),
    },
    orderBy: [{ placedAt: "desc" }, { orderId: "desc" }],
    take: opts.limit + 1,
    ...(opts.cursor ? { cursor: { orderId: opts.cursor }, skip: 1 } : {}),
    omit: { events: true },
  });
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit);
  return { items, nextCursor: more ? items[items.length - 1]!.orderId : null };
}
