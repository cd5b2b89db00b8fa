// Place-order's pre-check of the chosen slot (D2): closed, too soon or already full is refused
// before any key is claimed, stock reserved or card charged. "Full" here is only a fast answer;
// the slot's unit is taken atomically by reserveSlot, which is what makes capacity hold.
import { refuseUnbookableSlot, slotCountKey, type Refusal, type TimeSlot } from "@bloom/domain";
import { loadSchedule } from "../store/delivery-schedule.repo";

type Queryable = Parameters<typeof loadSchedule>[0];

export async function refuseUnbookableSlotAt(sql: Queryable, storeId: string, date: string, slot: TimeSlot, now: Date): Promise<Refusal | null> {
  const stored = await loadSchedule(sql, storeId, date, date);
  if (!stored) return null;
  return refuseUnbookableSlot(stored.schedule, date, slot, now, stored.counts[slotCountKey(date, slot)] ?? 0);
}
