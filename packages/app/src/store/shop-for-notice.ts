// The store context's read port for notices (X3): a shop's names and owner, so the notification
// context can address its messages without reading store tables itself (C1).
import type { Tx } from "@bloom/db";
import type { ShopFacts } from "@bloom/domain";

/** The shop as a notice names it, or null when there is no such shop. */
export async function shopForNotice(tx: Tx, storeId: string): Promise<ShopFacts | null> {
  const rows = await tx.$queryRaw<{ name: string; nameKo: string; ownerId: string }[]>`
    SELECT name, name_ko AS "nameKo", owner_id::text AS "ownerId" FROM store_stores WHERE id = ${storeId}::uuid`;
  const s = rows[0];
  return s ? { name: s.name, nameKo: s.nameKo, ownerIds: [s.ownerId] } : null;
}
