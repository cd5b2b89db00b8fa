// The customer's view of shops and bouquets (F1). Read-only.
import type { Db } from "@bloom/db";
import { hourInSeoul } from "@bloom/domain";

export function isOpenNow(store: { opensAt: number; closesAt: number }, now = new Date()): boolean {
  const h = hourInSeoul(now);
  return h >= store.opensAt && h < store.closesAt;
}

export async function listStores(db: Db, filter: { area?: string; q?: string }) {
  const stores = await db.store.findMany({
    where: {
      ...(filter.area ? { area: filter.area } : {}),
      ...(filter.q
        ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { nameKo: { contains: filter.q } }] }
        : {}),
    },
    orderBy: { name: "asc" },
    include: { _count: { select: { bouquets: { where: { active: true } } } } },
  });
  return stores.map(({ _count, ...s }) => ({ ...s, bouquetCount: _count.bouquets, open: isOpenNow(s) }));
}

export async function listAreas(db: Db): Promise<string[]> {
  const rows = await db.store.findMany({ distinct: ["area"], select: { area: true }, orderBy: { area: "asc" } });
  return rows.map((r) => r.area);
}

export async function getStoreMenu(db: Db, storeId: string) {
  const store = await db.store.findUnique({
    where: { id: storeId },
    include: { bouquets: { where: { active: true }, orderBy: { priceWon: "asc" } } },
  });
  if (!store) return null;
  return { ...store, open: isOpenNow(store) };
}

export async function getBouquet(db: Db, bouquetId: string) {
  return db.bouquet.findFirst({ where: { id: bouquetId, active: true }, include: { store: true } });
}
