// The customer's reads of their own orders (F13). Another customer's order reads as not found.
import type { Db, Order, OrderAddon, OrderLine } from "@bloom/db";
import type { Result } from "@bloom/domain";
import { invalidCursor } from "../shared/cursor";

export async function getOrderForCustomer(db: Db, customerId: string, orderId: string) {
  const order = await db.order.findFirst({
    where: { id: orderId, customerId },
    include: { lines: true, history: { orderBy: { at: "asc" } }, addons: true },
  });
  if (!order) return null;
  const { idempotencyKey: _key, ...rest } = order;
  return rest;
}
export type OrderDetail = NonNullable<Awaited<ReturnType<typeof getOrderForCustomer>>>;

/** An order as the customer's order list shows it: no payment, card or internal line ids (S6). */
export type OrderListItem = Pick<
  Order,
  "id" | "storeId" | "storeName" | "status" | "statusReason" | "totalWon" | "refunded" | "recipientName" | "deliveryDate" | "timeSlot" | "createdAt" | "updatedAt" | "storeNameKo"
> & { lines: Pick<OrderLine, "bouquetId" | "name" | "unitPriceWon" | "quantity" | "nameKo" | "tier">[]; addons: Pick<OrderAddon, "addonId" | "name" | "nameKo" | "unitPriceWon" | "quantity">[] };
const listColumns = {
  id: true,
  storeId: true,
  storeName: true,
  status: true,
  statusReason: true,
  totalWon: true,
  refunded: true,
  recipientName: true,
  deliveryDate: true,
  timeSlot: true,
  createdAt: true,
  updatedAt: true,
  storeNameKo: true,
  lines: { select: { bouquetId: true, name: true, unitPriceWon: true, quantity: true, nameKo: true, tier: true } },
  // W4: the add-ons bought with the order.
  addons: { select: { addonId: true, name: true, nameKo: true, unitPriceWon: true, quantity: true } },
} as const;

/**
 * The customer's orders, newest first, a page at a time. The cursor is checked against the
 * caller (S6): another customer's order id is refused exactly like an id that does not exist, so
 * a cursor tells nothing about orders that are not the caller's. (Prisma's own `cursor` read the
 * cursor row without the customer filter: a foreign id gave the page of the caller's orders older
 * than it, an unknown id an empty page.)
 */
export async function listOrdersForCustomer(
  db: Db,
  customerId: string,
  opts: { cursor?: string; limit: number },
): Promise<Result<{ page: { items: OrderListItem[]; nextCursor: string | null } }>> {
  let after = {};
  if (opts.cursor) {
    const at = await db.order.findFirst({ where: { id: opts.cursor, customerId }, select: { id: true, createdAt: true } });
    if (!at) return invalidCursor();
    after = { OR: [{ createdAt: { lt: at.createdAt } }, { createdAt: at.createdAt, id: { lt: at.id } }] };
  }
  const rows = await db.order.findMany({
    where: { customerId, ...after },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    select: listColumns,
  });
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit);
  return { ok: true, page: { items, nextCursor: more ? items[items.length - 1]!.id : null } };
}

/**
 * X2: what the recipient's tracking page may know of an order — who it is for, from which shop,
 * when, its status and whether the sender chose anonymous. No price, card or lines are selected.
 */
export async function getOrderForRecipient(db: Db, orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    select: { id: true, customerId: true, storeId: true, storeName: true, status: true, recipientName: true, recipientPhone: true, deliveryDate: true, timeSlot: true, sendAnonymously: true, storeNameKo: true },
  });
}
