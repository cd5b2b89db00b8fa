// The owner's screen for when the shop delivers (D2): hours per weekday, lead time, cutoff and
// capacity, and dated closures. Only the shop's own owner (or an admin) may read or change them.
import type { Db } from "@bloom/db";
import { addClosureSchema, deliverySettingsSchema, refuse, todayInSeoul, type Result } from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";
import { loadScheduleFromDb } from "./delivery-schedule.repo";

const firstIssue = (e: { issues: { path: PropertyKey[]; message: string }[] }) => {
  const i = e.issues[0];
  return refuse("VALIDATION", `${i?.path.map(String).join(".") || "input"}: ${i?.message ?? "invalid"}`);
};

async function owns(db: Db, owner: Owner, storeId: string) {
  return (await storeIdsOf(db, owner)).includes(storeId);
}

/** The settings and the closures from today on, with their ids for removal. */
export async function deliverySettingsFor(db: Db, owner: Owner, storeId: string) {
  if (!(await owns(db, owner, storeId))) return null;
  const today = todayInSeoul();
  const stored = await loadScheduleFromDb(db, storeId, today, today);
  if (!stored) return null;
  const closures = await db.storeClosure.findMany({ where: { storeId, endsOn: { gte: today } }, orderBy: { startsOn: "asc" } });
  const { weeklyHours, leadTimeMinutes, slotCutoffMinutes, slotCapacity } = stored.schedule;
  return {
    settings: { weeklyHours, leadTimeMinutes, slotCutoffMinutes, slotCapacity },
    closures: closures.map((c) => ({ id: c.id, startsOn: c.startsOn, endsOn: c.endsOn, note: c.note })),
  };
}

export async function saveDeliverySettings(db: Db, owner: Owner, storeId: string, raw: unknown): Promise<Result<object>> {
  const parsed = deliverySettingsSchema.safeParse(raw);
  if (!parsed.success) return firstIssue(parsed.error);
  if (!(await owns(db, owner, storeId))) return refuse("NOT_FOUND", "Store not found");
  await db.store.update({ where: { id: storeId }, data: parsed.data });
  return { ok: true };
}

export async function addClosure(db: Db, owner: Owner, storeId: string, raw: unknown): Promise<Result<{ id: string }>> {
  const parsed = addClosureSchema.safeParse(raw);
  if (!parsed.success) return firstIssue(parsed.error);
  if (parsed.data.endsOn < todayInSeoul()) return refuse("VALIDATION", "endsOn: A closure must end today or later");
  if (!(await owns(db, owner, storeId))) return refuse("NOT_FOUND", "Store not found");
  // Orders already booked into the closure stand: the owner sees them on the board and decides.
  const c = await db.storeClosure.create({ data: { storeId, startsOn: parsed.data.startsOn, endsOn: parsed.data.endsOn, note: parsed.data.note || null } });
  return { ok: true, id: c.id };
}

export async function removeClosure(db: Db, owner: Owner, closureId: string): Promise<Result<object>> {
  const ids = await storeIdsOf(db, owner);
  const n = await db.storeClosure.deleteMany({ where: { id: closureId, storeId: { in: ids } } });
  return n.count ? { ok: true } : refuse("NOT_FOUND", "Closure not found");
}
