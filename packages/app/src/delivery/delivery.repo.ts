// The delivery aggregate's persistence (load → decide → save + append). A
// delivery is read as the decider's state, and a decided state is saved on condition that the row
// is still the state it was decided from: a rider, the florist or a cancellation that changed it
// meanwhile makes the save a no-op, and the use case decides again on what it is now.
import type { Db, Delivery, DB, Transaction, Tx } from "@bloom/db";
import type { Insertable } from "kysely";
import type { DeliveryState, DeliveryStatus } from "@bloom/domain";

/** The decider's state, with the shop it belongs to (who may confirm its pickup). */
export type StoredDelivery = DeliveryState & { storeId: string };

function stateOf(d: Delivery): StoredDelivery {
  return {
    id: d.id,
    orderId: d.orderId,
    storeId: d.storeId,
    status: d.status,
    riderId: d.riderId,
    riderName: d.riderName,
    claimedAt: d.claimedAt,
    arrivedAt: d.arrivedAt,
    startedAt: d.startedAt,
    pickedUpBy: d.pickedUpBy,
  };
}

export async function loadDelivery(db: Db, by: { id: string } | { orderId: string }): Promise<StoredDelivery | null> {
  const d = await db.delivery.findUnique({ where: "id" in by ? { id: by.id } : { orderId: by.orderId } });
  return d ? stateOf(d) : null;
}

/** Writes `after` if the row still has `before`'s status and rider; false when it changed meanwhile. */
export async function saveDelivery(tx: Tx, before: DeliveryState, after: DeliveryState): Promise<boolean> {
  const n = await tx.delivery.updateMany({
    where: { id: before.id, status: before.status, riderId: before.riderId },
    data: {
      status: after.status,
      riderId: after.riderId,
      riderName: after.riderName,
      claimedAt: after.claimedAt,
      arrivedAt: after.arrivedAt,
      startedAt: after.startedAt,
      pickedUpBy: after.pickedUpBy,
    },
  });
  return n.count === 1;
}

// ── On the one transaction type (ADR 0001), for the policies: delivery-request, delivery-cancellation.

/** The delivery of an order, as a cancellation sees it; null when there is none (nor a tombstone). */
export async function deliveryOfOrder(tx: Transaction, orderId: string): Promise<{ id: string; status: DeliveryStatus; riderId: string | null } | null> {
  const d = await tx.ky.selectFrom("delivery_deliveries").select(["id", "status", "rider_id"]).where("order_id", "=", orderId).executeTakeFirst();
  return d ? { id: d.id, status: d.status, riderId: d.rider_id } : null;
}

/** A new delivery (an open request, or a CANCELLED tombstone); returns its id. */
export async function insertDelivery(tx: Transaction, row: Omit<Insertable<DB["delivery_deliveries"]>, "id" | "updated_at">): Promise<string> {
  const id = globalThis.crypto.randomUUID();
  await tx.ky.insertInto("delivery_deliveries").values({ ...row, id, updated_at: new Date().toISOString() }).execute();
  return id;
}

/** Moves the delivery to `to` if it is still in `from`; false when it changed meanwhile. */
export async function moveDeliveryStatus(tx: Transaction, id: string, from: DeliveryStatus, to: DeliveryStatus): Promise<boolean> {
  const r = await tx.ky
    .updateTable("delivery_deliveries")
    .set({ status: to, updated_at: new Date().toISOString() })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
