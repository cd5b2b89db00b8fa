// When a shop delivers (D2): whether a date and slot can be booked now, or why not. Pure: the
// schedule, "now" and the slot's current count are passed in, so the rules are tested at their
// boundaries without a clock or a database. Everything is in the shops' time zone, Asia/Seoul.
//
// The model, per shop:
// - weekly hours: per ISO weekday (Monday first) whole hours opensAt-closesAt, or null = closed.
//   A slot is offered on a day only when it lies inside that day's hours.
// - closures: date ranges (holidays, time off), every day in them closed.
// - lead time: the minutes a bouquet needs from the order to the door. A slot is too soon once
//   now + lead time is after the slot's end (default 0: bookable until it ends, as before).
// - cutoff: a slot stops taking orders N minutes before it starts (0 = once it has begun);
//   null = no cutoff. It is measured from each slot's own start, so it applies per slot, and it
//   only ever bites on the day itself or the evening before.
// - capacity: orders per date and slot; null = unlimited. The count is reserved atomically at
//   payment (store_reserve_slot); this module only reads it to show and pre-check.
// The booking deadline of a slot is the earlier of (start - cutoff) and (end - lead time); at the
// deadline itself the slot is closed.
import { checkDeliveryDate } from "../ordering/delivery-date";
import { TIME_SLOTS, type TimeSlot } from "../ordering/checkout";

export type DayHours = { opensAt: number; closesAt: number } | null;
/** Seven entries, Monday first; null = closed on that weekday. */
export type WeeklyHours = DayHours[];
export type Closure = { startsOn: string; endsOn: string; note: string | null };

export type DeliverySchedule = {
  weeklyHours: WeeklyHours;
  closures: Closure[];
  leadTimeMinutes: number;
  slotCutoffMinutes: number | null;
  slotCapacity: number | null;
  bookingHorizonDays: number;
};

export const DEFAULT_WEEKLY_HOURS: WeeklyHours = Array.from({ length: 7 }, () => ({ opensAt: 9, closesAt: 21 }));

export const SLOT_UNAVAILABLE_REASONS = ["closed", "too-soon", "full", "past", "beyond-horizon"] as const;
export type SlotUnavailableReason = (typeof SLOT_UNAVAILABLE_REASONS)[number];
export type SlotDecision = { bookable: true } | { bookable: false; reason: SlotUnavailableReason };

const SEOUL_PARTS = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Seoul",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** Minutes since 1970-01-01 00:00 on the Seoul wall clock: instants and slot times compared alike. */
function seoulWallMinutes(now: Date): number {
  const p = Object.fromEntries(SEOUL_PARTS.formatToParts(now).map((x) => [x.type, x.value]));
  // Some engines print midnight as hour 24.
  const hour = Number(p.hour) % 24;
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), hour, Number(p.minute)) / 60_000;
}

const wallMinutesOf = (date: string, hour: number) => Date.parse(`${date}T00:00:00Z`) / 60_000 + hour * 60;

/** ISO weekday index (0 = Monday ... 6 = Sunday) of a calendar date. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const slotHours = (slot: TimeSlot) => ({ start: Number(slot.slice(0, 2)), end: Number(slot.slice(3)) });

/** The closure covering `date`, if any. */
export const closureOn = (closures: Closure[], date: string) => closures.find((c) => c.startsOn <= date && date <= c.endsOn) ?? null;

/** Whether the shop is shut all day: a closed weekday or a dated closure. */
export function closedOn(schedule: Pick<DeliverySchedule, "weeklyHours" | "closures">, date: string): boolean {
  return !schedule.weeklyHours[weekdayIndex(date)] || closureOn(schedule.closures, date) !== null;
}

/** The slots a day's hours hold (the slot lies inside opensAt-closesAt). */
export function slotsWithinHours(hours: DayHours): TimeSlot[] {
  if (!hours) return [];
  return TIME_SLOTS.filter((s) => slotHours(s).start >= hours.opensAt && slotHours(s).end <= hours.closesAt);
}

/** The instant (Seoul wall minutes) at which the slot stops taking orders. */
function deadline(schedule: DeliverySchedule, date: string, slot: TimeSlot): number {
  const { start, end } = slotHours(slot);
  const byLead = wallMinutesOf(date, end) - schedule.leadTimeMinutes;
  const byCutoff = schedule.slotCutoffMinutes === null ? Infinity : wallMinutesOf(date, start) - schedule.slotCutoffMinutes;
  return Math.min(byLead, byCutoff);
}

/**
 * Bookable, or the first reason it is not, checked in this order: past or beyond the horizon
 * (the date itself), closed (weekday, closure or outside the day's hours), too soon (deadline
 * reached), full (`booked` orders already hold the slot).
 */
export function decideSlot(schedule: DeliverySchedule, date: string, slot: TimeSlot, now: Date, booked: number): SlotDecision {
  const today = new Date(seoulWallMinutes(now) * 60_000).toISOString().slice(0, 10);
  const day = checkDeliveryDate(date, today, schedule.bookingHorizonDays);
  if (day === "past" || day === "notADate") return { bookable: false, reason: "past" };
  if (day === "beyondHorizon") return { bookable: false, reason: "beyond-horizon" };
  const nowMin = seoulWallMinutes(now);
  if (wallMinutesOf(date, slotHours(slot).end) <= nowMin) return { bookable: false, reason: "past" };
  if (closureOn(schedule.closures, date) || !slotsWithinHours(schedule.weeklyHours[weekdayIndex(date)] ?? null).includes(slot)) {
    return { bookable: false, reason: "closed" };
  }
  if (nowMin >= deadline(schedule, date, slot)) return { bookable: false, reason: "too-soon" };
  if (schedule.slotCapacity !== null && booked >= schedule.slotCapacity) return { bookable: false, reason: "full" };
  return { bookable: true };
}
