// Checkout's limits and Korea's calendar, with no zod: screens that only show slots, quantities or
// today's date import these without shipping the schemas to the browser (P1).
export const TIME_SLOTS = ["09-12", "12-15", "15-18", "18-21"] as const;
export type TimeSlot = (typeof TIME_SLOTS)[number];
export const GIFT_MESSAGE_MAX = 150;
export const NOTE_MAX = 200;
export const MAX_QUANTITY = 20;
export const MAX_LINES = 20;
export const RECIPIENT_NAME_MAX = 40;
export const ADDRESS_MAX = 200;

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and the
// checkout schema asks for the date on every order (it was ~5 % of the web's CPU under load).
const SEOUL_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" });
const SEOUL_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Seoul", hour: "2-digit", hour12: false });

/** Today's date in Korea (our shops' time zone), as YYYY-MM-DD. */
export function todayInSeoul(now: Date = new Date()): string {
  return SEOUL_DATE.format(now);
}

/** The hour (0-23) now in Korea. */
export function hourInSeoul(now: Date = new Date()): number {
  return Number(SEOUL_HOUR.format(now).slice(0, 2));
}

/** A slot can still be booked when it has not ended yet. */
export function slotStillOpen(date: string, slot: TimeSlot, now: Date = new Date()): boolean {
  const today = todayInSeoul(now);
  if (date > today) return true;
  if (date < today) return false;
  const end = Number(slot.slice(3));
  return hourInSeoul(now) < end;
}
