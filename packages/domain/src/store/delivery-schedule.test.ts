import { describe, expect, it } from "vitest";
import { DEFAULT_WEEKLY_HOURS, decideSlot, type DeliverySchedule, weekdayIndex } from "./delivery-schedule";
import { addClosureSchema, deliverySettingsSchema } from "./delivery-schedule-edit";
import { availability, refuseUnbookableSlot, slotCountKey } from "./slot-availability";

// 2027-03-03 is a Wednesday. Instants are written in Seoul time (+09:00).
const at = (seoul: string) => new Date(`${seoul}:00+09:00`);
const base: DeliverySchedule = {
  weeklyHours: DEFAULT_WEEKLY_HOURS,
  closures: [],
  leadTimeMinutes: 0,
  slotCutoffMinutes: null,
  slotCapacity: null,
  bookingHorizonDays: 60,
};
const shop = (over: Partial<DeliverySchedule> = {}): DeliverySchedule => ({ ...base, ...over });

describe("[D2] delivery schedule: bookable or why not", () => {
  it("[D2] the defaults behave as before: a slot is bookable until it ends", () => {
    expect(decideSlot(base, "2027-03-03", "15-18", at("2027-03-03T17:59"), 0)).toEqual({ bookable: true });
    expect(decideSlot(base, "2027-03-03", "15-18", at("2027-03-03T18:00"), 0)).toEqual({ bookable: false, reason: "past" });
  });

  it("[D2] cutoff: the minute before the cutoff is bookable, the cutoff minute and after are too soon", () => {
    const s = shop({ slotCutoffMinutes: 60 }); // 15-18 closes at 14:00
    expect(decideSlot(s, "2027-03-03", "15-18", at("2027-03-03T13:59"), 0)).toEqual({ bookable: true });
    expect(decideSlot(s, "2027-03-03", "15-18", at("2027-03-03T14:00"), 0)).toEqual({ bookable: false, reason: "too-soon" });
    expect(decideSlot(s, "2027-03-03", "15-18", at("2027-03-03T14:01"), 0)).toEqual({ bookable: false, reason: "too-soon" });
    // The issue's case: a 3:55 pm order for the 3-6 pm slot, with a cutoff at the slot's start.
    expect(decideSlot(shop({ slotCutoffMinutes: 0 }), "2027-03-03", "15-18", at("2027-03-03T15:55"), 0)).toEqual({ bookable: false, reason: "too-soon" });
  });

  it("[D2] midnight: at 23:59 the next morning's first slot is bookable, at 00:00 Seoul its cutoff has passed", () => {
    const s = shop({ slotCutoffMinutes: 540 }); // 09-12 closes at 00:00 the same day
    expect(decideSlot(s, "2027-03-04", "09-12", at("2027-03-03T23:59"), 0)).toEqual({ bookable: true });
    expect(decideSlot(s, "2027-03-04", "09-12", at("2027-03-04T00:00"), 0)).toEqual({ bookable: false, reason: "too-soon" });
    // And the day turns at Seoul's midnight (15:00 UTC), not UTC's: a one-day horizon moves on.
    const oneDay = shop({ bookingHorizonDays: 1 });
    expect(decideSlot(oneDay, "2027-03-05", "09-12", new Date("2027-03-03T14:59:00Z"), 0)).toEqual({ bookable: false, reason: "beyond-horizon" });
    expect(decideSlot(oneDay, "2027-03-05", "09-12", new Date("2027-03-03T15:00:00Z"), 0)).toEqual({ bookable: true });
  });

  it("[D2] lead time: the slot must end at least the lead time after now", () => {
    const s = shop({ leadTimeMinutes: 120 }); // 12-15 closes at 13:00
    expect(decideSlot(s, "2027-03-03", "12-15", at("2027-03-03T12:59"), 0)).toEqual({ bookable: true });
    expect(decideSlot(s, "2027-03-03", "12-15", at("2027-03-03T13:00"), 0)).toEqual({ bookable: false, reason: "too-soon" });
    expect(decideSlot(s, "2027-03-03", "15-18", at("2027-03-03T13:00"), 0)).toEqual({ bookable: true });
    // Lead time and cutoff together: the earlier deadline wins.
    const both = shop({ leadTimeMinutes: 120, slotCutoffMinutes: 30 }); // 12-15: min(11:30, 13:00)
    expect(decideSlot(both, "2027-03-03", "12-15", at("2027-03-03T11:29"), 0)).toEqual({ bookable: true });
    expect(decideSlot(both, "2027-03-03", "12-15", at("2027-03-03T11:30"), 0)).toEqual({ bookable: false, reason: "too-soon" });
  });

  it("[D2] a closure day is closed, the days either side are not", () => {
    const s = shop({ closures: [{ startsOn: "2027-03-05", endsOn: "2027-03-06", note: "Family trip" }] });
    const now = at("2027-03-03T10:00");
    expect(decideSlot(s, "2027-03-04", "12-15", now, 0)).toEqual({ bookable: true });
    expect(decideSlot(s, "2027-03-05", "12-15", now, 0)).toEqual({ bookable: false, reason: "closed" });
    expect(decideSlot(s, "2027-03-06", "18-21", now, 0)).toEqual({ bookable: false, reason: "closed" });
    expect(decideSlot(s, "2027-03-07", "09-12", now, 0)).toEqual({ bookable: true });
  });

  it("[D2] a closed weekday, and slots outside the day's hours, are closed", () => {
    expect(weekdayIndex("2027-03-07")).toBe(6); // Sunday
    const hours = [...DEFAULT_WEEKLY_HOURS];
    hours[6] = null;
    hours[5] = { opensAt: 10, closesAt: 18 }; // Saturday: only 12-15 and 15-18 fit
    const s = shop({ weeklyHours: hours });
    const now = at("2027-03-03T10:00");
    expect(decideSlot(s, "2027-03-07", "12-15", now, 0)).toEqual({ bookable: false, reason: "closed" });
    expect(decideSlot(s, "2027-03-06", "09-12", now, 0)).toEqual({ bookable: false, reason: "closed" });
    expect(decideSlot(s, "2027-03-06", "12-15", now, 0)).toEqual({ bookable: true });
    expect(decideSlot(s, "2027-03-06", "18-21", now, 0)).toEqual({ bookable: false, reason: "closed" });
  });

  it("[D2] capacity: the last unit is bookable, a full slot is not; the last slot of a full day too", () => {
    const s = shop({ slotCapacity: 10 });
    const now = at("2027-03-03T10:00");
    expect(decideSlot(s, "2027-03-04", "18-21", now, 9)).toEqual({ bookable: true });
    expect(decideSlot(s, "2027-03-04", "18-21", now, 10)).toEqual({ bookable: false, reason: "full" });
    const counts = Object.fromEntries((["09-12", "12-15", "15-18", "18-21"] as const).map((slot) => [slotCountKey("2027-03-04", slot), 10]));
    const [day] = availability(s, "2027-03-04", 1, now, counts);
    expect(day!.slots.map((x) => x.reason)).toEqual(["full", "full", "full", "full"]);
    expect(day!.closed).toBe(false);
  });

  it("[D2] past and beyond the horizon", () => {
    const now = at("2027-03-03T10:00");
    expect(decideSlot(base, "2027-03-02", "12-15", now, 0)).toEqual({ bookable: false, reason: "past" });
    expect(decideSlot(shop({ bookingHorizonDays: 3 }), "2027-03-06", "12-15", now, 0)).toEqual({ bookable: true });
    expect(decideSlot(shop({ bookingHorizonDays: 3 }), "2027-03-07", "12-15", now, 0)).toEqual({ bookable: false, reason: "beyond-horizon" });
  });

  it("[D2] availability marks a closed day with its note; refusals carry typed codes", () => {
    const s = shop({ closures: [{ startsOn: "2027-03-05", endsOn: "2027-03-05", note: "Holiday" }], slotCapacity: 1 });
    const now = at("2027-03-03T12:00");
    const days = availability(s, "2027-03-03", 3, now, { [slotCountKey("2027-03-04", "12-15")]: 1 });
    expect(days.map((d) => [d.date, d.closed, d.closureNote])).toEqual([
      ["2027-03-03", false, null],
      ["2027-03-04", false, null],
      ["2027-03-05", true, "Holiday"],
    ]);
    expect(days[0]!.slots.map((x) => x.reason)).toEqual(["past", null, null, null]);
    expect(days[1]!.slots[1]).toEqual({ slot: "12-15", bookable: false, reason: "full" });
    expect(refuseUnbookableSlot(s, "2027-03-05", "12-15", now, 0)).toMatchObject({ code: "SLOT_CLOSED" });
    expect(refuseUnbookableSlot(s, "2027-03-04", "12-15", now, 1)).toMatchObject({ code: "SLOT_FULL" });
    expect(refuseUnbookableSlot(shop({ slotCutoffMinutes: 0 }), "2027-03-03", "09-12", at("2027-03-03T09:00"), 0)).toMatchObject({ code: "SLOT_TOO_SOON" });
    expect(refuseUnbookableSlot(s, "2027-03-04", "15-18", now, 0)).toBeNull();
  });
});

describe("[D2] owner's schedule edits: shared schemas refuse", () => {
  const settings = { weeklyHours: DEFAULT_WEEKLY_HOURS, leadTimeMinutes: 120, slotCutoffMinutes: 60, slotCapacity: 10 };
  const issue = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues[0];

  it("[D2] accepts a week with closed days, no cutoff and unlimited capacity", () => {
    const hours = [...DEFAULT_WEEKLY_HOURS];
    hours[0] = null;
    expect(deliverySettingsSchema.safeParse({ ...settings, weeklyHours: hours, slotCutoffMinutes: null, slotCapacity: null }).success).toBe(true);
  });

  it("[D2] refuses closing before opening, hours past 24, six days, negative or fractional numbers, capacity 0", () => {
    const bad = (over: object) => issue(deliverySettingsSchema.safeParse({ ...settings, ...over }));
    const hours = [...DEFAULT_WEEKLY_HOURS];
    hours[2] = { opensAt: 18, closesAt: 9 };
    expect(bad({ weeklyHours: hours })).toMatchObject({ path: ["weeklyHours", 2, "closesAt"], message: "Closing must be after opening" });
    hours[2] = { opensAt: 9, closesAt: 25 };
    expect(bad({ weeklyHours: hours })?.path).toEqual(["weeklyHours", 2, "closesAt"]);
    expect(bad({ weeklyHours: DEFAULT_WEEKLY_HOURS.slice(0, 6) })?.path).toEqual(["weeklyHours"]);
    expect(bad({ leadTimeMinutes: -1 })?.path).toEqual(["leadTimeMinutes"]);
    expect(bad({ slotCutoffMinutes: 1.5 })?.path).toEqual(["slotCutoffMinutes"]);
    expect(bad({ slotCapacity: 0 })?.path).toEqual(["slotCapacity"]);
  });

  it("[D2] a closure needs real dates in order, and a short note", () => {
    expect(addClosureSchema.safeParse({ startsOn: "2027-02-06", endsOn: "2027-02-08", note: "Seollal" }).success).toBe(true);
    expect(issue(addClosureSchema.safeParse({ startsOn: "2027-02-08", endsOn: "2027-02-06" }))?.path).toEqual(["endsOn"]);
    expect(issue(addClosureSchema.safeParse({ startsOn: "2027-02-30", endsOn: "2027-03-01" }))?.path).toEqual(["startsOn"]);
    expect(issue(addClosureSchema.safeParse({ startsOn: "2027-02-06", endsOn: "2027-02-06", note: "x".repeat(81) }))?.path).toEqual(["note"]);
  });
});
