// The store owner's order board (F4, F6): an owner sees and acts on their own stores only.
import type { Db } from "@bloom/db";
import {
  createEvent,
  isOverStock,
  decideStoreOrder,
  refuse,
  type Result,
  type StoreOrderCommand,
  type StoreOrderStatus,
} from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { linesOf, releaseStock, reserveStock } from "./stock";

export type Owner = { id: string; role: string };

/** Store ids this user may manage: their own (an admin: all). */
export async function storeIdsOf(db: Db, owner: Owner): Promise<string[]> {
  const stores = await db.store.findMany({
    where: owner.role === "ADMIN" ? {} : { ownerId: owner.id },
    select: { id: true },
  });
  return stores.map((s) => s.id);
}

export async function myStores(db: Db, owner: Owner) {
  return db.store.findMany({
    where: owner.role === "ADMIN" ? {} : { ownerId: owner.id },
    orderBy: { name: "asc" },
    select: { id: true, name: true, nameKo: true, area: true, address: true },
  });
}

const BOARD_WINDOW_MS = 1000 * 60 * 60 * 24 * 14;

export async function boardFor(db: Db, owner: Owner, storeId: string | undefined, limit = 100) {
  const ids = await storeIdsOf(db, owner);
  const where = storeId ? (ids.includes(storeId) ? [storeId] : []) : ids;
  const orders = await db.storeOrder.findMany({
    where: {
      storeId: { in: where },
      // Finished orders drop off the board after two weeks; open ones always stay.
      OR: [{ status: { in: ["NEW", "ACCEPTED"] } }, { updatedAt: { gte: new Date(Date.now() - BOARD_WINDOW_MS) } }],
      NOT: { recipientName: "" },
    },
    orderBy: [{ createdAt: "desc" }],
    take: limit,
  });
  const unread = await db.storeNotification.count({ where: { storeId: { in: where }, readAt: null } });
  // Over-stock is judged against today's stock, as stock moves with every acceptance (F6).
  const bouquetIds = [...new Set(orders.flatMap((o) => linesOf(o.lines).map((l) => l.bouquetId)))];
  const stock = new Map(
    (await db.bouquet.findMany({ where: { id: { in: bouquetIds } }, select: { id: true, stock: true } })).map((b) => [b.id, b.stock]),
  );
  return {
    orders: orders.map((o) => ({ ...o, overStock: o.status === "NEW" ? isOverStock(linesOf(o.lines), stock) : o.overStock })),
    unread,
  };
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
  const decision = decideStoreOrder(so.status, cmd);
  if (!decision.ok) return decision;
  const actor = { role: "OWNER" as const, id: owner.id };
  const store = await ctx.db.store.findUniqueOrThrow({ where: { id: so.storeId } });

  const done = await ctx.db.$transaction(async (tx) => {
    // Conditional on the status we decided from: a concurrent change (e.g. a cancellation) wins.
    const n = await tx.storeOrder.updateMany({
      where: { id: so.id, status: so.status },
      data: { status: decision.next, ...(cmd.kind === "reject" ? { rejectReason: cmd.detail?.trim() || cmd.reason } : {}) },
    });
    if (n.count === 0) return false;
    if (cmd.kind === "accept") {
      await reserveStock(tx, so.lines);
      await appendEvents(tx, [createEvent("StoreOrderAccepted", orderId, { storeId: so.storeId, overStock: so.overStock }, actor)]);
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
          },
          actor,
        ),
      ]);
    } else {
      if (so.status === "ACCEPTED") await releaseStock(tx, so.lines);
      await appendEvents(tx, [
        createEvent("StoreOrderRejected", orderId, { storeId: so.storeId, reason: cmd.reason, detail: cmd.detail?.trim() || null }, actor),
      ]);
    }
    return true;
  });
  if (!done) return refuse("INVALID_TRANSITION", "This order changed meanwhile; the board has been refreshed");
  ctx.log.info({ orderId, storeId: so.storeId, action: cmd.kind }, "store order updated");
  return { ok: true, status: decision.next };
}
