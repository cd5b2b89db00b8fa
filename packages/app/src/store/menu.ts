// Menu and stock management for owners (F6).
import type { Db } from "@bloom/db";
import { refuse, type BouquetEdit, type Result } from "@bloom/domain";
import { storeIdsOf, type Owner } from "./board";
import { setStock } from "./inventory";

export async function menuFor(db: Db, owner: Owner, storeId: string) {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return null;
  return db.bouquet.findMany({ where: { storeId }, orderBy: { name: "asc" } });
}

/** Updates only the fields sent, so a price edit never overwrites stock that moved meanwhile. */
export async function updateBouquet(db: Db, owner: Owner, bouquetId: string, edit: Partial<BouquetEdit>): Promise<Result<object>> {
  const ids = await storeIdsOf(db, owner);
  const { stock, ...rest } = edit;
  const found = await db.$transaction(async (tx) => {
    const n = await tx.bouquet.updateMany({ where: { id: bouquetId, storeId: { in: ids } }, data: rest });
    if (n.count === 0) return false;
    // Units for sale set by the owner; the audit's baseline moves with them (M5).
    if (stock !== undefined) await setStock(tx, bouquetId, stock);
    return true;
  });
  return found ? { ok: true } : refuse("NOT_FOUND", "Bouquet not found in your stores");
}

export async function addBouquet(db: Db, owner: Owner, storeId: string, edit: BouquetEdit): Promise<Result<{ id: string }>> {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return refuse("NOT_FOUND", "Store not found");
  const b = await db.bouquet.create({ data: { ...edit, stockBaseline: edit.stock, storeId, imageUrl: "/img/bouquet-baby-breath.svg" } });
  return { ok: true, id: b.id };
}
