// Menu and stock management for owners (F6).
import type { Db } from "@bloom/db";
import { refuse, type Result } from "@bloom/domain";
import { z } from "zod";
import { storeIdsOf, type Owner } from "./board";

export const bouquetEditSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(80),
  nameKo: z.string().trim().min(1, "Enter the Korean name").max(80),
  description: z.string().trim().max(300, "Description is too long"),
  priceWon: z.number().int("Price is in whole won").min(1000, "Price must be at least ₩1,000").max(10_000_000),
  stock: z.number().int("Stock is a whole number").min(0, "Stock cannot be negative").max(10_000),
  active: z.boolean(),
});
export type BouquetEdit = z.infer<typeof bouquetEditSchema>;

export async function menuFor(db: Db, owner: Owner, storeId: string) {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return null;
  return db.bouquet.findMany({ where: { storeId }, orderBy: { name: "asc" } });
}

export async function updateBouquet(db: Db, owner: Owner, bouquetId: string, edit: BouquetEdit): Promise<Result<object>> {
  const ids = await storeIdsOf(db, owner);
  const n = await db.bouquet.updateMany({ where: { id: bouquetId, storeId: { in: ids } }, data: edit });
  return n.count ? { ok: true } : refuse("NOT_FOUND", "Bouquet not found in your stores");
}

export async function addBouquet(db: Db, owner: Owner, storeId: string, edit: BouquetEdit): Promise<Result<{ id: string }>> {
  const ids = await storeIdsOf(db, owner);
  if (!ids.includes(storeId)) return refuse("NOT_FOUND", "Store not found");
  const b = await db.bouquet.create({ data: { ...edit, storeId, imageUrl: "/img/bouquet-baby-breath.svg" } });
  return { ok: true, id: b.id };
}
