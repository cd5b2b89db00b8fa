// The owner's edits of when the shop delivers (D2): one zod schema each, used by the store screen
// in the browser and by the procedure on the server.
import { z } from "zod";
import { isCalendarDate } from "../ordering/delivery-date";
import { textField } from "../shared/text";

export const CLOSURE_NOTE_MAX = 80;
/** Longest lead time an owner can set: a week. */
export const LEAD_TIME_MAX_MINUTES = 10_080;
/** Longest cutoff: a day before the slot starts. */
export const SLOT_CUTOFF_MAX_MINUTES = 1_440;
export const SLOT_CAPACITY_MAX = 1_000;

const hour = z.number().int("Whole hours only").min(0, "Hours run from 0 to 24").max(24, "Hours run from 0 to 24");

export const dayHoursSchema = z
  .object({ opensAt: hour, closesAt: hour })
  .refine((h) => h.closesAt > h.opensAt, { message: "Closing must be after opening", path: ["closesAt"] })
  .nullable();

export const weeklyHoursSchema = z.array(dayHoursSchema).length(7, "Give the hours of all seven days");

export const deliverySettingsSchema = z.object({
  weeklyHours: weeklyHoursSchema,
  leadTimeMinutes: z.number().int("Whole minutes only").min(0, "Lead time cannot be negative").max(LEAD_TIME_MAX_MINUTES, "Lead time is at most a week"),
  /** null: a slot takes orders until it ends. */
  slotCutoffMinutes: z.number().int("Whole minutes only").min(0, "Cutoff cannot be negative").max(SLOT_CUTOFF_MAX_MINUTES, "Cutoff is at most a day").nullable(),
  /** null: no limit. */
  slotCapacity: z.number().int("Whole orders only").min(1, "Capacity is at least 1 order (close the day instead)").max(SLOT_CAPACITY_MAX, `At most ${SLOT_CAPACITY_MAX} orders a slot`).nullable(),
});
export type DeliverySettings = z.infer<typeof deliverySettingsSchema>;

const dateField = z
  .string("Pick a date")
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Pick a date", abort: true })
  .refine(isCalendarDate, "This date does not exist");

export const addClosureSchema = z
  .object({
    startsOn: dateField,
    endsOn: dateField,
    note: textField({ max: CLOSURE_NOTE_MAX, messages: { tooLong: `A note is limited to ${CLOSURE_NOTE_MAX} characters` } }).optional(),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: "The last day cannot be before the first", path: ["endsOn"] });
export type AddClosureInput = z.infer<typeof addClosureSchema>;
