// The store context's SQL for its store orders, on the inbox's transaction (ADR 0001: Kysely,
// typed by schema.prisma's tables). Timestamps are written as ISO strings (the columns hold UTC
// without a zone); a timestamp kept from an earlier event is kept by SQL (COALESCE), never read
// and written back. Every change sets updated_at: the board's lanes are ordered by it.
import { sql, type UpdateObject } from "kysely";
import type { DB } from "@bloom/db";
import type { StoreOrderStatus } from "@bloom/domain";
import type { Transaction } from "../shared/inbox";

/** What the delivery's progress needs to know of a store order: which steps it has reached. */
export type StoreOrderProgress = {
  id: string;
  storeId: string;
  status: StoreOrderStatus;
  claimed: boolean;
  arrived: boolean;
  pickedUp: boolean;
  delivered: boolean;
  returned: boolean;
  attempted: boolean;
  attempts: number;
};

/**
 * The store order of `orderId`, locked (a pickup and a delivery handled at once take turns, and
 * with the owner's actions), or null when there is none.
 */
export async function lockStoreOrderProgress(tx: Transaction, orderId: string): Promise<StoreOrderProgress | null> {
  const r = await tx.ky
    .selectFrom("store_orders")
    .select((eb) => [
      "id",
      "store_id",
      "status",
      "attempts",
      eb("claimed_at", "is not", null).as("claimed"),
      eb("arrived_at", "is not", null).as("arrived"),
      eb("picked_up_at", "is not", null).as("picked_up"),
      eb("delivered_at", "is not", null).as("delivered"),
      eb("returned_at", "is not", null).as("returned"),
      eb("attempted_at", "is not", null).as("attempted"),
    ])
    .where("order_id", "=", orderId)
    .forUpdate()
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    storeId: r.store_id,
    status: r.status,
    claimed: Boolean(r.claimed),
    arrived: Boolean(r.arrived),
    pickedUp: Boolean(r.picked_up),
    delivered: Boolean(r.delivered),
    returned: Boolean(r.returned),
    attempted: Boolean(r.attempted),
    attempts: r.attempts,
  };
}

/** The columns a step of the delivery may set on a store order. */
export type StoreOrderStep = Omit<UpdateObject<DB, "store_orders">, "id" | "order_id" | "store_id" | "updated_at">;

/** `at` for a timestamp column unless it already holds one (the first event's time is kept). */
export const keepFirst = (column: "claimed_at" | "picked_up_at", at: string) => sql<string>`COALESCE(${sql.ref(column)}, ${at}::timestamp)`;

export async function updateStoreOrder(tx: Transaction, id: string, step: StoreOrderStep): Promise<void> {
  await tx.ky
    .updateTable("store_orders")
    .set({ ...step, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .execute();
}

/** The store order of `orderId`, locked (an owner arranging it at this moment commits first, or waits). */
export async function lockStoreOrderStatus(tx: Transaction, orderId: string): Promise<{ id: string; status: StoreOrderStatus } | null> {
  const r = await tx.ky.selectFrom("store_orders").select(["id", "status"]).where("order_id", "=", orderId).forUpdate().executeTakeFirst();
  return r ?? null;
}

/** A CANCELLED store order with nothing else: a cancellation overtook OrderPlaced, and keeps it off the board. */
export async function insertCancelledTombstone(tx: Transaction, orderId: string, storeId: string): Promise<void> {
  await tx.ky
    .insertInto("store_orders")
    .values({ id: globalThis.crypto.randomUUID(), order_id: orderId, store_id: storeId, status: "CANCELLED", updated_at: new Date().toISOString() })
    .execute();
}

/** The order's stock reservations go back (store_release_stock, the migrations' function); how many units. */
export async function releaseStock(tx: Transaction, orderId: string): Promise<number> {
  const { rows } = await tx.client.query<{ n: number }>({ name: "store-release-stock", text: "SELECT store_release_stock($1::uuid) AS n", values: [orderId] });
  return rows[0]?.n ?? 0;
}

/** The order's delivery slot unit goes back (store_release_slot, the migrations' function). */
export async function releaseSlot(tx: Transaction, orderId: string): Promise<number> {
  const { rows } = await tx.client.query<{ n: number }>({ name: "store-release-slot", text: "SELECT store_release_slot($1::uuid) AS n", values: [orderId] });
  return rows[0]?.n ?? 0;
}
