// W2: the orders a printed ticket shows — named by id, or "all of a day" (the work still at the
// shop for that day, in slot order; for today, the overdue work of earlier days first). Same authorisation as the board: an owner prints their own
// shops' orders only (an admin: any shop's); an order of another shop is "not found".
import type { Db } from "@bloom/db";
import { bySlot, printableForDay, refuse, ticketDays, todayInSeoul, type TicketQuery } from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";

export type TicketShop = { id: string; name: string; nameKo: string; phone: string };

export async function ticketsFor(db: Db, owner: Owner, query: TicketQuery, today: string = todayInSeoul()) {
  if (owner.role !== "OWNER" && owner.role !== "ADMIN") return refuse("FORBIDDEN", "Only the shop's owner can print its tickets");
  const ids = await storeIdsOf(db, owner);
  let orders;
  if (query.orders) {
    const found = await db.storeOrder.findMany({ where: { orderId: { in: query.orders }, storeId: { in: ids } } });
    // A tombstone (a cancellation that overtook the order) has nothing to print.
    const byId = new Map(found.filter((o) => o.recipientName !== "").map((o) => [o.orderId, o]));
    if (byId.size !== query.orders.length) return refuse("NOT_FOUND", "Order not found on your board");
    orders = query.orders.map((id) => byId.get(id)!);
  } else {
    if (query.store && !ids.includes(query.store)) return refuse("NOT_FOUND", "Shop not found on your board");
    const days = ticketDays(query.date!, today);
    const found = await db.storeOrder.findMany({
      where: {
        storeId: { in: query.store ? [query.store] : ids },
        // Delivery days are YYYY-MM-DD text: earlier days sort first.
        deliveryDate: "upTo" in days ? { lte: days.upTo } : days.equals,
        ...(query.slot ? { timeSlot: query.slot } : {}),
        status: { in: ["NEW", "ACCEPTED", "DECORATED"] },
      },
    });
    // bySlot sorts by day first: overdue orders come before today's.
    orders = found.filter(printableForDay).sort((a, b) => bySlot(a, b) || (a.id < b.id ? -1 : 1));
  }
  const shops = await db.store.findMany({
    where: { id: { in: [...new Set(orders.map((o) => o.storeId))] } },
    select: { id: true, name: true, nameKo: true, phone: true },
  });
  const shopOf = new Map(shops.map((s) => [s.id, s]));
  return { ok: true as const, orders: orders.map((o) => ({ ...o, shop: shopOf.get(o.storeId)! })) };
}
