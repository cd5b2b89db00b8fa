// The owner's delivery zones (D1): read and replace a shop's zones, own shops only.
import type { Db } from "@bloom/db";
import { type City, cityNear, deliveryZonesSchema, refuse, saveDeliveryZonesSchema, type DeliveryZone, type Result } from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";

/** `city`: where the shop is, from its coordinates (null: not placed yet, so radius zones cannot apply). */
export type ShopZones = { storeId: string; city: City | null; zones: DeliveryZone[] };

export async function zonesFor(db: Db, owner: Owner, storeId: string): Promise<ShopZones | null> {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return null;
  const s = await db.store.findUnique({ where: { id: storeId }, select: { lat: true, lng: true, deliveryZones: true } });
  if (!s) return null;
  const city = s.lat !== null && s.lng !== null ? cityNear({ lat: s.lat, lng: s.lng }) : null;
  return { storeId, city, zones: deliveryZonesSchema.parse(s.deliveryZones) };
}

/** Replaces the shop's zones as a whole: the screen edits the list and saves it at once. */
export async function saveZones(db: Db, owner: Owner, rawInput: unknown): Promise<Result<object>> {
  const parsed = saveDeliveryZonesSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse("VALIDATION", `${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}`);
  }
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(parsed.data.storeId)) return refuse("NOT_FOUND", "Store not found");
  await db.store.update({ where: { id: parsed.data.storeId }, data: { deliveryZones: parsed.data.zones } });
  return { ok: true };
}
