// The delivery context's read port for notices (X3): who holds a delivery and what an open request
// offers (D6 facts), so the notification context addresses riders without reading delivery tables
// itself (C1).
import type { SqlClient } from "@bloom/db";
import type { RequestFacts } from "@bloom/domain";

export type DeliveryForNotice = RequestFacts & { open: boolean; riderId: string | null };

type Row = { storeId: string; status: string; riderId: string | null; riderFeeWon: number; distanceKm: number | null; deliveryDate: string; timeSlot: string };

export async function deliveryForNotice(c: SqlClient, deliveryId: string): Promise<DeliveryForNotice | null> {
  const { rows } = await c.query<Row>({
    name: "delivery-for-notice",
    text: `SELECT store_id::text AS "storeId", status::text AS status, rider_id::text AS "riderId", rider_fee_won AS "riderFeeWon",
                  distance_km AS "distanceKm", delivery_date AS "deliveryDate", time_slot AS "timeSlot"
           FROM delivery_deliveries WHERE id = $1::uuid`,
    values: [deliveryId],
  });
  const d = rows[0];
  if (!d) return null;
  return {
    deliveryId,
    storeId: d.storeId,
    riderFeeWon: d.riderFeeWon,
    distanceKm: d.distanceKm,
    deliveryDate: d.deliveryDate,
    timeSlot: d.timeSlot,
    // Still in the market: a request someone already claimed need not ring anyone.
    open: d.status === "OPEN" && d.riderId === null,
    riderId: d.riderId,
  };
}
