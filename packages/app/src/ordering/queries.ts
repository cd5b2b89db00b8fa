// The customer's reads of their own orders (F13). Another customer's order reads as not found.
import type { Db } from "@bloom/db";

export async function getOrderForCustomer(db: Db, customerId: string, orderId: string) {
  const order = await db.order.findFirst({
    where: { id: orderId, customerId },
    include: { lines: true, history: { orderBy: { at: "asc" } } },
  });
  if (!order) return null;
  const { idempotencyKey: _key, ...rest } = order;
  return rest;
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderForCustomer>>>;

export async function listOrdersForCustomer(db: Db, customerId: string, opts: { cursor?: string; limit: number }) {
  const rows = await db.order.findMany({
    where: { customerId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    include: { lines: true },
  });
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit).map(({ idempotencyKey: _k, ...o }) => o);
  return { items, nextCursor: more ? items[items.length - 1]!.id : null };
}
