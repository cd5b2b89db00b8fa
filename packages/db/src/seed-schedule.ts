// The demo shops' delivery schedules (D2): realistic, and kept clear of what the test suite books
// (test/support/fixtures.ts orders Seoul Forest for tomorrow at any slot, and up to its 60-day
// horizon; Playwright's checkout takes tomorrow's first slot at Seoul Forest and Hongdae). So only
// Gangnam closes a weekday and a holiday, and no capacity is small enough for the suite to fill.
// Applied only while a shop still has the migration's defaults: an owner's own settings stay.
import type { Db } from "./client";

const open = (opensAt: number, closesAt: number) => ({ opensAt, closesAt });
const week = (h: { opensAt: number; closesAt: number } | null) => Array.from({ length: 7 }, () => h);

type DemoSchedule = {
  weeklyHours: ({ opensAt: number; closesAt: number } | null)[];
  leadTimeMinutes: number;
  slotCutoffMinutes: number | null;
  slotCapacity: number | null;
  closures: { startsOn: string; endsOn: string; note: string }[];
};

export const DEMO_SCHEDULES: Record<string, DemoSchedule> = {
  // Seoul Forest: two hours to make a bouquet, same-day slots close an hour before they start.
  "10000000-0000-4000-8000-000000000001": { weeklyHours: week(open(9, 21)), leadTimeMinutes: 120, slotCutoffMinutes: 60, slotCapacity: null, closures: [] },
  "10000000-0000-4000-8000-000000000002": { weeklyHours: week(open(9, 21)), leadTimeMinutes: 90, slotCutoffMinutes: 30, slotCapacity: 40, closures: [] },
  // Gangnam: an office florist — shut on Sundays, short Saturdays, closed over Seollal.
  "10000000-0000-4000-8000-000000000003": {
    weeklyHours: [open(9, 21), open(9, 21), open(9, 21), open(9, 21), open(9, 21), open(9, 18), null],
    leadTimeMinutes: 180,
    slotCutoffMinutes: 120,
    slotCapacity: 8,
    closures: [{ startsOn: "2027-02-06", endsOn: "2027-02-09", note: "Seollal holidays" }],
  },
  "10000000-0000-4000-8000-000000000004": { weeklyHours: week(open(9, 21)), leadTimeMinutes: 120, slotCutoffMinutes: null, slotCapacity: 50, closures: [] },
};

export async function seedSchedules(db: Db) {
  for (const [storeId, s] of Object.entries(DEMO_SCHEDULES)) {
    const { closures, ...settings } = s;
    // Still the migration's defaults (nothing an owner would leave exactly so): take the demo's.
    const untouched = await db.store.updateMany({
      where: { id: storeId, leadTimeMinutes: 0, slotCutoffMinutes: null, slotCapacity: null },
      data: settings,
    });
    if (untouched.count && !(await db.storeClosure.count({ where: { storeId } }))) {
      await db.storeClosure.createMany({ data: closures.map((c) => ({ storeId, ...c })) });
    }
  }
}
