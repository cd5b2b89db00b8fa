// The store context's read port for notices (X3): a shop's names and owner, so the notification
// context can address its messages without reading store tables itself (C1). Plain SQL on the
// policy's inbox connection (a prepared statement; it runs for every order).
import type { SqlClient } from "@bloom/db";
import type { ShopFacts } from "@bloom/domain";

/** The shop as a notice names it, or null when there is no such shop. */
export async function shopForNotice(c: SqlClient, storeId: string): Promise<ShopFacts | null> {
  const { rows } = await c.query<{ name: string; nameKo: string; ownerId: string }>({
    name: "store-shop-for-notice",
    text: `SELECT name, name_ko AS "nameKo", owner_id::text AS "ownerId" FROM store_stores WHERE id = $1::uuid`,
    values: [storeId],
  });
  const s = rows[0];
  return s ? { name: s.name, nameKo: s.nameKo, ownerIds: [s.ownerId] } : null;
}
