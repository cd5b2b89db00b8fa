// What the checkout and the shop page show (D2): each of the coming days' slots, bookable or why
// not, decided by the same domain rules that place-order enforces at payment.
import type { Db } from "@bloom/db";
import { addDays, availability, type Closure, type DayAvailability, todayInSeoul, type WeeklyHours } from "@bloom/domain";
import { loadScheduleFromDb } from "../store/delivery-schedule.repo";

export const SLOT_DAYS = 14;

export type DeliverySlots = { days: DayAvailability[]; weeklyHours: WeeklyHours; closures: Closure[]; leadTimeMinutes: number; slotCutoffMinutes: number | null };

/** `days` days from `from` (today in Seoul by default); null for an unknown shop. */
export async function deliverySlots(db: Db, storeId: string, opts: { from?: string; days?: number; now?: Date } = {}): Promise<DeliverySlots | null> {
  const now = opts.now ?? new Date();
  const today = todayInSeoul(now);
  const from = opts.from && opts.from > today ? opts.from : today;
  const days = Math.min(Math.max(opts.days ?? SLOT_DAYS, 1), 62);
  const stored = await loadScheduleFromDb(db, storeId, from, addDays(from, days - 1));
  if (!stored) return null;
  const { schedule } = stored;
  return {
    days: availability(schedule, from, days, now, stored.counts),
    weeklyHours: schedule.weeklyHours,
    closures: schedule.closures,
    leadTimeMinutes: schedule.leadTimeMinutes,
    slotCutoffMinutes: schedule.slotCutoffMinutes,
  };
}
