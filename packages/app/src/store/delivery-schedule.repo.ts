// The store context's SQL for when a shop delivers (D2): its schedule, its closures and the
// slots' counts, read in one round trip; and the owner's edits.
import { sqlOf, type Db } from "@bloom/db";
import { DEFAULT_WEEKLY_HOURS, type Closure, type DeliverySchedule, type SlotCounts, slotCountKey, type TimeSlot, type WeeklyHours } from "@bloom/domain";

type Queryable = { query: <R = unknown>(q: { name?: string; text: string; values?: unknown[] }) => Promise<{ rows: R[] }> };

export type StoredSchedule = { storeId: string; schedule: DeliverySchedule; counts: SlotCounts };

/** The shop's schedule with its closures ending on or after `from`, and the counts from `from` to `to`. */
export async function loadSchedule(sql: Queryable, storeId: string, from: string, to: string): Promise<StoredSchedule | null> {
  const { rows } = await sql.query<{
    weeklyHours: WeeklyHours | null;
    leadTimeMinutes: number;
    slotCutoffMinutes: number | null;
    slotCapacity: number | null;
    bookingHorizonDays: number;
    closures: Closure[];
    counts: { date: string; slot: TimeSlot; booked: number }[];
  }>({
    name: "delivery-schedule-load",
    text: `SELECT s.weekly_hours AS "weeklyHours", s.lead_time_minutes AS "leadTimeMinutes", s.slot_cutoff_minutes AS "slotCutoffMinutes",
                  s.slot_capacity AS "slotCapacity", s.booking_horizon_days AS "bookingHorizonDays",
                  COALESCE((SELECT json_agg(json_build_object('startsOn', c.starts_on, 'endsOn', c.ends_on, 'note', c.note) ORDER BY c.starts_on)
                            FROM store_closures c WHERE c.store_id = s.id AND c.ends_on >= $2), '[]') AS closures,
                  COALESCE((SELECT json_agg(json_build_object('date', n.delivery_date, 'slot', n.time_slot, 'booked', n.booked))
                            FROM store_slot_counts n WHERE n.store_id = s.id AND n.delivery_date BETWEEN $2 AND $3 AND n.booked > 0), '[]') AS counts
           FROM store_stores s WHERE s.id = $1`,
    values: [storeId, from, to],
  });
  const r = rows[0];
  if (!r) return null;
  const counts: SlotCounts = {};
  for (const c of r.counts) counts[slotCountKey(c.date, c.slot)] = c.booked;
  return {
    storeId,
    counts,
    schedule: {
      weeklyHours: r.weeklyHours ?? DEFAULT_WEEKLY_HOURS,
      closures: r.closures,
      leadTimeMinutes: r.leadTimeMinutes,
      slotCutoffMinutes: r.slotCutoffMinutes,
      slotCapacity: r.slotCapacity,
      bookingHorizonDays: r.bookingHorizonDays,
    },
  };
}

export const loadScheduleFromDb = (db: Db, storeId: string, from: string, to: string) => loadSchedule(sqlOf(db), storeId, from, to);
