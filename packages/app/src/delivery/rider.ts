// The rider's delivery screen (F8–F10, D3), delivering and bringing back a recalled bouquet. The
// steps before (claim, at the shop, pickup) are their own use cases beside this file.
import { sqlOf, type Db, type Delivery } from "@bloom/db";
import { createEvent, decideComplete, decideReturn, isRecalled, refuse, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { deliver } from "./deliver";

const OPEN = 50; // open requests listed
const MINE = 30; // of the rider's own, per status

export type Rider = { id: string; name: string };

type DeliveryRow = {
  list: "open" | "mine";
  id: string;
  order_id: string;
  store_id: string;
  store_name: string;
  pickup_address: string;
  dropoff_address: string;
  recipient_name: string;
  recipient_phone: string;
  delivery_date: string;
  time_slot: string;
  status: Delivery["status"];
  rider_id: string | null;
  rider_name: string | null;
  claimed_at: Date | null;
  arrived_at: Date | null;
  started_at: Date | null;
  picked_up_by: Delivery["pickedUpBy"];
  completed_at: Date | null;
  returned_at: Date | null;
  rider_fee_won: number;
  store_phone: string;
  distance_km: number | null;
  items: Delivery["items"];
  attempts: number;
  attempted_at: Date | null;
  attempt_reason: string | null;
  attempt_note: string | null;
  back_at_shop_at: Date | null;
  left_with: string | null;
  proof_photo_key: string | null;
  proof_note: string | null;
  redelivery_fee_won: number;
  require_photo: boolean;
  store_name_ko: string;
  pickup_address_ko: string;
  created_at: Date;
  updated_at: Date;
};

/** The same object `db.delivery.findMany` returns: the rider's screen relies on its shape. */
function deliveryOf(r: DeliveryRow): Delivery {
  const date = (d: Date | null) => (d ? new Date(d) : null);
  return {
    id: r.id,
    orderId: r.order_id,
    storeId: r.store_id,
    storeName: r.store_name,
    pickupAddress: r.pickup_address,
    dropoffAddress: r.dropoff_address,
    recipientName: r.recipient_name,
    recipientPhone: r.recipient_phone,
    deliveryDate: r.delivery_date,
    timeSlot: r.time_slot,
    status: r.status,
    riderId: r.rider_id,
    riderName: r.rider_name,
    claimedAt: date(r.claimed_at),
    arrivedAt: date(r.arrived_at),
    startedAt: date(r.started_at),
    pickedUpBy: r.picked_up_by,
    completedAt: date(r.completed_at),
    returnedAt: date(r.returned_at),
    riderFeeWon: r.rider_fee_won,
    storePhone: r.store_phone,
    distanceKm: r.distance_km,
    items: r.items,
    attempts: r.attempts,
    attemptedAt: date(r.attempted_at),
    attemptReason: r.attempt_reason,
    attemptNote: r.attempt_note,
    backAtShopAt: date(r.back_at_shop_at),
    leftWith: r.left_with,
    proofPhotoKey: r.proof_photo_key,
    proofNote: r.proof_note,
    redeliveryFeeWon: r.redelivery_fee_won,
    requirePhoto: r.require_photo,
    storeNameKo: r.store_name_ko,
    pickupAddressKo: r.pickup_address_ko,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/**
 * The open market (oldest delivery date first) and the rider's own deliveries, in one prepared
 * statement (a round trip and no query compilation per screen load; measured by
 * `npm run bench -- --scale`). "Mine" is read per status, each newest first from the (rider,
 * status, updated_at) index: one range over all statuses would sort the rider's whole history.
 * Deliveries under way (claimed, at the shop, picked up) and recalls still to bring back to the
 * shop (the customer cancelled after the pickup) come first and are never cut off by history;
 * then, newest first, completed deliveries, returned recalls and claims withdrawn by the
 * customer's cancellation before the pickup.
 */
export async function riderScreen(db: Db, rider: Rider) {
  const mine = (status: string) => `(SELECT 'mine' AS list, * FROM delivery_deliveries
      WHERE rider_id = $1::uuid AND status = '${status}' ORDER BY updated_at DESC LIMIT ${MINE})`;
  const { rows } = await sqlOf(db).query<DeliveryRow>({
    name: "rider-screen",
    text: `SELECT list, id, order_id, store_id, store_name, pickup_address, dropoff_address, recipient_name, recipient_phone,
             delivery_date, time_slot, status, rider_id, rider_name, picked_up_by, rider_fee_won, store_phone, distance_km, items,
             attempts, attempt_reason, attempt_note, left_with, proof_photo_key, proof_note, redelivery_fee_won, require_photo,
             store_name_ko, pickup_address_ko,
             attempted_at AT TIME ZONE 'UTC' AS attempted_at, back_at_shop_at AT TIME ZONE 'UTC' AS back_at_shop_at,
             claimed_at AT TIME ZONE 'UTC' AS claimed_at, arrived_at AT TIME ZONE 'UTC' AS arrived_at,
             started_at AT TIME ZONE 'UTC' AS started_at, completed_at AT TIME ZONE 'UTC' AS completed_at,
             returned_at AT TIME ZONE 'UTC' AS returned_at, created_at AT TIME ZONE 'UTC' AS created_at,
             updated_at AT TIME ZONE 'UTC' AS updated_at
           FROM (
             (SELECT 'open' AS list, * FROM delivery_deliveries WHERE status = 'OPEN' ORDER BY delivery_date ASC, created_at ASC LIMIT ${OPEN})
             UNION ALL ${mine("CLAIMED")} UNION ALL ${mine("AT_SHOP")} UNION ALL ${mine("STARTED")} UNION ALL ${mine("ATTEMPTED")} UNION ALL ${mine("RETURNED")}
             UNION ALL ${mine("CANCELLED")} UNION ALL ${mine("COMPLETED")}
           ) d`,
    values: [rider.id],
  });
  const all = rows.map((r) => ({ list: r.list, d: deliveryOf(r) }));
  const open = all.filter((x) => x.list === "open").map((x) => x.d);
  const own = all.filter((x) => x.list === "mine").map((x) => x.d);
  // Picked up first (on the road), then failed attempts to bring back (D4), then claimed ones (on the way to the shop).
  const underWay = [
    ...own.filter((d) => d.status === "STARTED"),
    ...own.filter((d) => d.status === "ATTEMPTED"),
    ...own.filter((d) => d.status === "AT_SHOP" || d.status === "CLAIMED"),
  ];
  const toReturn = own.filter((d) => isRecalled(d) && !d.returnedAt);
  const history = own
    .filter((d) => d.status === "COMPLETED" || d.status === "RETURNED" || (d.status === "CANCELLED" && !toReturn.includes(d)))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  return { open, mine: [...underWay, ...toReturn, ...history].slice(0, Math.max(MINE, underWay.length + toReturn.length)) };
}

/** Delivered without proof (the screen's one-tap path); a shop that requires a photo refuses it (D5). */
export async function completeDelivery(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d || d.riderId !== rider.id) return refuse("NOT_FOUND", "Delivery not found");
  if (d.status === "COMPLETED") return { ok: true };
  // The recall's own words (bring it back) come from the older decider.
  const decision = decideComplete(d, rider.id);
  if (!decision.ok) return decision;
  return deliver(ctx, rider, deliveryId, { leftWith: null, note: null, photoKey: null });
}

/** The rider confirms that a recalled bouquet (cancelled after the pickup) is back at the shop. */
export async function confirmReturn(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const d = await ctx.db.delivery.findUnique({ where: { id: deliveryId } });
  if (!d) return refuse("NOT_FOUND", "Delivery not found");
  const decision = decideReturn(d, rider.id);
  if (!decision.ok) return decision;
  if (decision.alreadyReturned) return { ok: true };
  await ctx.db.$transaction(async (tx) => {
    const n = await tx.delivery.updateMany({ where: { id: deliveryId, riderId: rider.id, status: "CANCELLED", returnedAt: null }, data: { returnedAt: new Date() } });
    if (n.count === 0) return; // confirmed meanwhile (a double tap): once is enough
    await appendEvents(tx, [createEvent("DeliveryReturned", d.orderId, { deliveryId, riderId: rider.id, riderName: rider.name }, { role: "RIDER", id: rider.id })]);
  });
  ctx.log.info({ orderId: d.orderId, deliveryId, riderId: rider.id }, "recalled delivery returned to the shop");
  return { ok: true };
}
