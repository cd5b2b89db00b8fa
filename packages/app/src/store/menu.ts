// Menu and stock management for owners (F6; W4 sizes and add-ons).
import type { Db } from "@bloom/db";
import { refuse, tierOrderProblem, type AddonEdit, type BouquetEdit, type Result } from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";
import { setAddonStock, setStock } from "./inventory";

export async function menuFor(db: Db, owner: Owner, storeId: string) {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return null;
  return db.bouquet.findMany({ where: { storeId }, orderBy: { name: "asc" } });
}

/**
 * Updates only the fields sent, so a price edit never overwrites stock that moved meanwhile. W4:
 * the sizes must still go up in price after the edit (checked on the whole bouquet, in the same
 * transaction, before anything is kept).
 */
export async function updateBouquet(db: Db, owner: Owner, bouquetId: string, edit: Partial<BouquetEdit>): Promise<Result<object>> {
  const ids = await storeIdsOf(db, owner);
  const { stock, ...rest } = edit;
  const outcome = await db.$transaction(async (tx) => {
    const before = await tx.bouquet.findFirst({ where: { id: bouquetId, storeId: { in: ids } }, select: { priceWon: true, deluxePriceWon: true, premiumPriceWon: true } });
    if (!before) return "NOT_FOUND" as const;
    const problem = tierOrderProblem({ ...before, ...rest });
    if (problem) return problem;
    await tx.bouquet.update({ where: { id: bouquetId }, data: rest });
    // Units for sale set by the owner; the audit's baseline moves with them (M5).
    if (stock !== undefined) await setStock(tx, bouquetId, stock);
    return "OK" as const;
  });
  if (outcome === "NOT_FOUND") return refuse("NOT_FOUND", "Bouquet not found in your stores");
  if (outcome !== "OK") return refuse("VALIDATION", outcome);
  return { ok: true };
}

export async function addBouquet(db: Db, owner: Owner, storeId: string, edit: BouquetEdit): Promise<Result<{ id: string }>> {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return refuse("NOT_FOUND", "Store not found");
  const problem = tierOrderProblem(edit);
  if (problem) return refuse("VALIDATION", problem);
  const b = await db.bouquet.create({ data: { ...edit, stockBaseline: edit.stock, storeId, imageUrl: "/img/bouquet-baby-breath.svg" } });
  return { ok: true, id: b.id };
}

/** W4: a shop's add-ons as its owner manages them (retired ones too), by name. */
export async function addonsFor(db: Db, owner: Owner, storeId: string) {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return null;
  return db.addon.findMany({
    where: { storeId },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, storeId: true, name: true, nameKo: true, priceWon: true, stock: true, active: true },
  });
}

export async function addAddon(db: Db, owner: Owner, storeId: string, edit: AddonEdit): Promise<Result<{ id: string }>> {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return refuse("NOT_FOUND", "Store not found");
  const a = await db.addon.create({ data: { ...edit, stockBaseline: edit.stock, storeId }, select: { id: true } });
  return { ok: true, id: a.id };
}

/** W4: only the fields sent change; stock moves the audit's baseline with it, as a bouquet's does. */
export async function updateAddon(db: Db, owner: Owner, addonId: string, edit: Partial<AddonEdit>): Promise<Result<object>> {
  const ids = await storeIdsOf(db, owner);
  const { stock, ...rest } = edit;
  const found = await db.$transaction(async (tx) => {
    const n = await tx.addon.updateMany({ where: { id: addonId, storeId: { in: ids } }, data: rest });
    if (n.count === 0) return false;
    if (stock !== undefined) await setAddonStock(tx, addonId, stock);
    return true;
  });
  return found ? { ok: true } : refuse("NOT_FOUND", "Add-on not found in your stores");
}
