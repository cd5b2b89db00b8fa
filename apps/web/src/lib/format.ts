// Display formatting shared by the customer screens: time slots, dates and times in Korea's zone.
import type { TimeSlot } from "@bloom/domain";

const SEOUL = "Asia/Seoul";

/** "09-12" → "09:00–12:00". */
export function formatSlot(slot: TimeSlot | string): string {
  const [from, to] = slot.split("-");
  return from && to ? `${from}:00–${to}:00` : slot;
}

/** An opening hour (0–24) as "09:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** A delivery date "2026-11-27" → "Fri, 27 Nov 2026". Read as a calendar day, not an instant. */
export function formatDeliveryDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
  }).format(d);
}

/** An instant in Korean time: "27 Nov, 14:05". */
export function formatDateTime(at: Date | string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: SEOUL,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(at));
}

/** Machine-readable form for <time dateTime>. */
export function isoDateTime(at: Date | string): string {
  return new Date(at).toISOString();
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
