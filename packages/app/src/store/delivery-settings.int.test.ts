// The owner's edits of when the shop delivers (D2): only the shop's own owner, only valid values.
import { addClosure, deliverySettingsFor, deliverySlots, removeClosure, saveDeliverySettings } from "@bloom/app";
import { closeDbs, DEMO_SCHEDULES } from "@bloom/db";
import { DEFAULT_WEEKLY_HOURS, addDays, todayInSeoul } from "@bloom/domain";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { testContext } from "../../../../test/support/app";
import { OWNER, OWNER2, STORE } from "../../../../test/support/fixtures";

const { db } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const stranger = { id: OWNER2.id, role: "OWNER" };
const valid = { weeklyHours: DEFAULT_WEEKLY_HOURS, leadTimeMinutes: 120, slotCutoffMinutes: 60, slotCapacity: 12 };

afterEach(async () => {
  await db.storeClosure.deleteMany({ where: { storeId: STORE.id } });
  const { closures: _closures, ...seeded } = DEMO_SCHEDULES[STORE.id]!;
  await db.store.update({ where: { id: STORE.id }, data: seeded });
});
afterAll(() => closeDbs());

describe("[D2] owner's delivery settings", () => {
  it("[D2] the owner saves hours and rules; the checkout's slots follow", async () => {
    const hours = [...DEFAULT_WEEKLY_HOURS];
    const day = addDays(todayInSeoul(), 2);
    const idx = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    hours[idx] = null;
    expect(await saveDeliverySettings(db, owner, STORE.id, { ...valid, weeklyHours: hours })).toEqual({ ok: true });
    expect((await deliverySettingsFor(db, owner, STORE.id))?.settings).toEqual({ ...valid, weeklyHours: hours });
    const slots = await deliverySlots(db, STORE.id, { from: day, days: 1 });
    expect(slots?.days[0]).toMatchObject({ date: day, closed: true });
  });

  it("[D2] refusals: invalid values name the field; another owner's shop is not found; nothing changes", async () => {
    expect(await saveDeliverySettings(db, owner, STORE.id, { ...valid, slotCapacity: 0 })).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/^slotCapacity: /) });
    expect(await saveDeliverySettings(db, owner, STORE.id, { ...valid, weeklyHours: DEFAULT_WEEKLY_HOURS.map(() => ({ opensAt: 20, closesAt: 10 })) })).toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(/^weeklyHours\.0\.closesAt: /),
    });
    expect(await saveDeliverySettings(db, stranger, STORE.id, valid)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await deliverySettingsFor(db, stranger, STORE.id)).toBeNull();
    const yesterday = addDays(todayInSeoul(), -1);
    expect(await addClosure(db, owner, STORE.id, { startsOn: yesterday, endsOn: yesterday })).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/^endsOn: /) });
    expect(await addClosure(db, stranger, STORE.id, { startsOn: addDays(todayInSeoul(), 5), endsOn: addDays(todayInSeoul(), 5) })).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.storeClosure.count({ where: { storeId: STORE.id } })).toBe(0);
    expect((await db.store.findUniqueOrThrow({ where: { id: STORE.id } })).slotCapacity).toBe(DEMO_SCHEDULES[STORE.id]!.slotCapacity);
  });

  it("[D2] a closure closes its days for the checkout and is removed by its owner only", async () => {
    const from = addDays(todayInSeoul(), 3);
    const added = await addClosure(db, owner, STORE.id, { startsOn: from, endsOn: addDays(from, 1), note: "Family trip" });
    if (!added.ok) throw new Error(added.message);
    const slots = await deliverySlots(db, STORE.id, { from, days: 3 });
    expect(slots?.days.map((d) => [d.closed, d.closureNote])).toEqual([[true, "Family trip"], [true, "Family trip"], [false, null]]);
    expect(await removeClosure(db, stranger, added.id)).toMatchObject({ code: "NOT_FOUND" });
    expect(await removeClosure(db, owner, added.id)).toEqual({ ok: true });
    expect(await db.storeClosure.count({ where: { storeId: STORE.id } })).toBe(0);
  });
});
