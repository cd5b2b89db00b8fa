// The ordering context's SQL for the "order-status" policy (F13, B2), on the inbox's transaction
// (ADR 0001: Kysely, typed by schema.prisma's tables). Timestamps are written as ISO strings
// (the columns hold UTC without a zone).
import type { Transaction } from "@bloom/db";
import type { OrderStatus } from "@bloom/domain";

export type OrderToFollow = { status: OrderStatus; customerId: string; storeId: string };

/**
 * The order's status, locked: two events of one order handled at once (the queue runs several
 * jobs) take turns, each deciding from the status the other left.
 */
export async function lockOrderToFollow(tx: Transaction, orderId: string): Promise<OrderToFollow | null> {
  const row = await tx.ky
    .selectFrom("ordering_orders")
    .select(["status", "customer_id", "store_id"])
    .where("id", "=", orderId)
    .forUpdate()
    .executeTakeFirst();
  return row ? { status: row.status, customerId: row.customer_id, storeId: row.store_id } : null;
}

export async function markOrderRefunded(tx: Transaction, orderId: string): Promise<void> {
  await tx.ky.updateTable("ordering_orders").set({ refunded: true, updated_at: new Date().toISOString() }).where("id", "=", orderId).execute();
}

export type StatusMove = {
  orderId: string;
  from: OrderStatus;
  to: OrderStatus;
  /** Kept as the order's status reason, and on its history row. */
  note: string | null;
  /** D4: a new slot, and the redelivery fee added to the order's (recorded, not charged). */
  reschedule?: { deliveryDate: string; timeSlot: string; feeWon: number };
  at: Date;
};

/** Moves the order from `from` to `to` if it is still in `from`, with a history row; false if it had moved. */
export async function moveOrderStatus(tx: Transaction, m: StatusMove): Promise<boolean> {
  const r = await tx.ky
    .updateTable("ordering_orders")
    .set((eb) => ({
      status: m.to,
      updated_at: new Date().toISOString(),
      ...(m.note ? { status_reason: m.note } : {}),
      ...(m.reschedule
        ? { delivery_date: m.reschedule.deliveryDate, time_slot: m.reschedule.timeSlot, redelivery_fee_won: eb("redelivery_fee_won", "+", m.reschedule.feeWon) }
        : {}),
    }))
    .where("id", "=", m.orderId)
    .where("status", "=", m.from)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) return false;
  await tx.ky
    .insertInto("ordering_order_history")
    .values({ id: globalThis.crypto.randomUUID(), order_id: m.orderId, status: m.to, note: m.note, at: m.at.toISOString() })
    .execute();
  return true;
}
