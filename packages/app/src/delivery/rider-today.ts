// The rider's "today" (D6): deliveries completed since midnight in Seoul, and what they earned.
import { sqlOf, type Db } from "@bloom/db";
import { startOfSeoulDay } from "@bloom/domain";

export type RiderToday = { delivered: number; earnedWon: number };

export async function riderToday(db: Db, riderId: string, now: Date = new Date()): Promise<RiderToday> {
  const { rows } = await sqlOf(db).query<{ delivered: number; earned: number }>({
    name: "rider-today",
    // completed_at is TIMESTAMP(3) without a zone, written in UTC.
    text: `SELECT count(*)::int AS delivered, COALESCE(sum(rider_fee_won), 0)::int AS earned FROM delivery_deliveries
           WHERE rider_id = $1::uuid AND status = 'COMPLETED' AND completed_at >= ($2::timestamptz AT TIME ZONE 'UTC')`,
    values: [riderId, startOfSeoulDay(now).toISOString()],
  });
  return { delivered: rows[0]?.delivered ?? 0, earnedWon: rows[0]?.earned ?? 0 };
}
