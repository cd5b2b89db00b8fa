// Delivery dates (S4): a real calendar date, not before today and not past the booking horizon.
// Pure: "today" is passed in (a YYYY-MM-DD in the shops' time zone, see todayInSeoul), so the rules
// are tested at their boundaries without a clock. Dates are compared as days, never as instants.
import { refuse, type Refusal } from "../shared/errors";

/** What a shop takes orders ahead for when it has not said (store_stores.booking_horizon_days). */
export const DEFAULT_BOOKING_HORIZON_DAYS = 60;
/** No shop books further ahead than this: the shared schema refuses anything later up front. */
export const BOOKING_HORIZON_MAX_DAYS = 365;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a real calendar date, or null (2027-02-30, 2027-13-45, 2027-02-29). */
function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls an impossible date over (Feb 30 → Mar 2): a real one reads back unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** True for a YYYY-MM-DD that exists on the calendar. */
export const isCalendarDate = (date: string) => dayNumber(date) !== null;

/** `date` plus `days` (may be negative), as YYYY-MM-DD. `date` must be a calendar date. */
export function addDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (n === null) throw new RangeError(`not a calendar date: ${date}`);
  return new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The last day a shop with this horizon can be booked for: today + horizonDays (inclusive). */
export const lastBookableDate = (today: string, horizonDays: number) => addDays(today, horizonDays);

export type DeliveryDateCheck = "ok" | "notADate" | "past" | "beyondHorizon";

/** Whether `date` can be booked on `today` within `horizonDays` (today itself is day 0). */
export function checkDeliveryDate(date: string, today: string, horizonDays: number): DeliveryDateCheck {
  const day = dayNumber(date);
  const now = dayNumber(today);
  if (day === null || now === null) return "notADate";
  if (day < now) return "past";
  if (day - now > horizonDays) return "beyondHorizon";
  return "ok";
}

/**
 * The shop's own horizon, checked by placeOrder once the shop is known and before anything is
 * claimed, reserved or charged. Worded "path: message" like the use cases' other VALIDATION
 * refusals, so each adapter names the field.
 */
export function refuseBeyondHorizon(date: string, today: string, horizonDays: number): Refusal | null {
  const check = checkDeliveryDate(date, today, horizonDays);
  if (check === "ok") return null;
  if (check === "beyondHorizon") {
    return refuse("VALIDATION", `delivery.deliveryDate: This shop takes orders up to ${horizonDays} days ahead (until ${lastBookableDate(today, horizonDays)})`);
  }
  return refuse("VALIDATION", check === "past" ? "delivery.deliveryDate: Delivery date must be today or later" : "delivery.deliveryDate: Pick a delivery date");
}
