// What the checkout shows (D2): every slot of a run of days, bookable or with its reason, and the
// refusal place-order answers with for a slot that is not bookable. Built on decideSlot, so the
// page and the payment agree on every rule.
import { addDays } from "../ordering/delivery-date";
import { TIME_SLOTS, type TimeSlot } from "../ordering/checkout";
import { refuse, type Refusal } from "../shared/errors";
import { closureOn, decideSlot, type DeliverySchedule, type SlotUnavailableReason } from "./delivery-schedule";

export type SlotAvailability = { slot: TimeSlot; bookable: boolean; reason: SlotUnavailableReason | null };
export type DayAvailability = { date: string; closed: boolean; closureNote: string | null; slots: SlotAvailability[] };
/** Orders holding each slot, keyed `${date} ${slot}`; a missing key is 0. */
export type SlotCounts = Record<string, number>;

export const slotCountKey = (date: string, slot: TimeSlot) => `${date} ${slot}`;

/** `days` days from `from`, each slot decided at `now`. */
export function availability(schedule: DeliverySchedule, from: string, days: number, now: Date, counts: SlotCounts): DayAvailability[] {
  return Array.from({ length: days }, (_, i) => {
    const date = addDays(from, i);
    const slots = TIME_SLOTS.map((slot) => {
      const d = decideSlot(schedule, date, slot, now, counts[slotCountKey(date, slot)] ?? 0);
      return { slot, bookable: d.bookable, reason: d.bookable ? null : d.reason };
    });
    const closure = closureOn(schedule.closures, date);
    // A day is closed when nothing on it is bookable for the shop's own reasons (not "past").
    const closed = slots.every((s) => s.reason === "closed");
    return { date, closed, closureNote: closure?.note ?? null, slots };
  });
}

/**
 * The refusal for an unbookable slot, or null. Past and beyond-horizon are refused earlier (the
 * checkout schema, the shop's horizon); should one reach here it answers the same VALIDATION.
 */
export function refuseUnbookableSlot(schedule: DeliverySchedule, date: string, slot: TimeSlot, now: Date, booked: number): Refusal | null {
  const d = decideSlot(schedule, date, slot, now, booked);
  if (d.bookable) return null;
  switch (d.reason) {
    case "closed":
      return refuse("SLOT_CLOSED", closureOn(schedule.closures, date) ? "The shop is closed on that day" : "The shop does not deliver on that day and time");
    case "too-soon":
      return refuse("SLOT_TOO_SOON", "This time slot is too soon for the shop to prepare the bouquet; pick a later one");
    case "full":
      return refuse("SLOT_FULL", "This time slot is fully booked; pick another one");
    case "past":
      return refuse("VALIDATION", "delivery.timeSlot: This time slot has already passed today");
    case "beyond-horizon":
      return refuse("VALIDATION", `delivery.deliveryDate: This shop takes orders up to ${schedule.bookingHorizonDays} days ahead`);
  }
}
