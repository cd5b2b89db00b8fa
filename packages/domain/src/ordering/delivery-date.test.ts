import { describe, expect, it } from "vitest";
import { addDays, checkDeliveryDate, isCalendarDate, lastBookableDate, refuseBeyondHorizon } from "./delivery-date";
import { deliveryDetailsSchema, todayInSeoul } from "./checkout";

describe("[S4] delivery dates", () => {
  it("[S4] only real calendar dates: 2027-02-30, 2027-13-45 and 2027-02-29 are refused, leap day 2028-02-29 is fine", () => {
    for (const bad of ["2027-02-30", "2027-13-45", "2027-02-29", "2027-04-31", "2027-00-10", "2027-01-00", "2100-02-29", "27-01-01", "2027-1-1", "2027-01-01T00:00"]) {
      expect(isCalendarDate(bad), bad).toBe(false);
      expect(checkDeliveryDate(bad, "2027-01-01", 400), bad).toBe("notADate");
    }
    for (const good of ["2028-02-29", "2000-02-29", "2027-12-31", "2027-01-01"]) expect(isCalendarDate(good), good).toBe(true);
    expect(checkDeliveryDate("2028-02-29", "2028-01-15", 60)).toBe("ok");
  });

  it("[S4] the horizon is inclusive: today + horizon is the last day in, the day after is the first out", () => {
    const today = "2027-12-20";
    expect(lastBookableDate(today, 60)).toBe("2028-02-18");
    expect(checkDeliveryDate(today, today, 60)).toBe("ok");
    expect(checkDeliveryDate("2028-02-18", today, 60)).toBe("ok");
    expect(checkDeliveryDate("2028-02-19", today, 60)).toBe("beyondHorizon");
    expect(checkDeliveryDate("2027-12-19", today, 60)).toBe("past");
    // Across the leap day: 2028-01-01 + 59 is 2028-02-29, + 60 is 2028-03-01.
    expect(checkDeliveryDate("2028-02-29", "2028-01-01", 59)).toBe("ok");
    expect(checkDeliveryDate("2028-03-01", "2028-01-01", 59)).toBe("beyondHorizon");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2027-02-28", 1)).toBe("2027-03-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    // A same-day-only shop.
    expect(checkDeliveryDate("2027-12-21", today, 0)).toBe("beyondHorizon");
  });

  it("[S4] a shop's horizon refusal names the field and the last bookable day", () => {
    expect(refuseBeyondHorizon("2028-02-18", "2027-12-20", 60)).toBeNull();
    expect(refuseBeyondHorizon("2028-02-19", "2027-12-20", 60)).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "delivery.deliveryDate: This shop takes orders up to 60 days ahead (until 2028-02-18)",
    });
    expect(refuseBeyondHorizon("2027-02-30", "2027-01-01", 60)?.message).toMatch(/^delivery\.deliveryDate: /);
  });

  it("[S4] the shared schema refuses impossible dates, the past and anything past 365 days, on deliveryDate", () => {
    const today = todayInSeoul();
    const details = { recipientName: "Soyeon", recipientPhone: "010-1234-5678", address: "88 Eulji-ro, Seoul", timeSlot: "18-21" };
    const first = (deliveryDate: string) => deliveryDetailsSchema.safeParse({ ...details, deliveryDate }).error?.issues[0];
    expect(first(addDays(today, 365))).toBeUndefined();
    expect(first(addDays(today, 366))).toMatchObject({ path: ["deliveryDate"], code: "too_big" });
    expect(first("2099-12-31")).toMatchObject({ path: ["deliveryDate"], code: "too_big" });
    expect(first("2027-02-30")).toMatchObject({ path: ["deliveryDate"], code: "invalid_format" });
    expect(first("2027-13-45")).toMatchObject({ path: ["deliveryDate"], code: "invalid_format" });
    expect(first(addDays(today, -1))).toMatchObject({ path: ["deliveryDate"], message: "Delivery date must be today or later" });
    expect(first("tomorrow")).toMatchObject({ path: ["deliveryDate"], message: "Pick a delivery date" });
    // One issue per bad date: the slot is not judged against a date that cannot be booked.
    expect(deliveryDetailsSchema.safeParse({ ...details, deliveryDate: "2027-02-30" }).error?.issues).toHaveLength(1);
  });
});
