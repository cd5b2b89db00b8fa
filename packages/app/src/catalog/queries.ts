// The customer's view of shops and bouquets (F1). Read-only, and public: every answer is an
// explicit DTO read with an explicit select, so a new column (an owner id, a stock baseline, a
// booking rule) never reaches a visitor by accident (S6).
import type { Db } from "@bloom/db";
import { hourInSeoul } from "@bloom/domain";

export function isOpenNow(store: { opensAt: number; closesAt: number }, now = new Date()): boolean {
  const h = hourInSeoul(now);
  return h >= store.opensAt && h < store.closesAt;
}

/** A shop as the store list shows it. */
export type CatalogStore = {
  id: string;
  name: string;
  nameKo: string;
  area: string;
  address: string;
  phone: string;
  description: string;
  imageUrl: string;
  opensAt: number;
  closesAt: number;
  open: boolean;
  /** W5: the Korean address and description. */
  addressKo: string;
  descriptionKo: string;
};
export type CatalogStoreSummary = CatalogStore & { bouquetCount: number };

/** A bouquet on a shop's menu. */
export type CatalogBouquet = {
  id: string;
  storeId: string;
  name: string;
  nameKo: string;
  description: string;
  priceWon: number;
  stock: number;
  imageUrl: string;
  /** W5: the Korean description. */
  descriptionKo: string;
  /** W4: the sizes' prices (same stock as the bouquet); null = not offered. */
  deluxePriceWon: number | null;
  premiumPriceWon: number | null;
};
/** W4: an add-on the shop sells with its bouquets. */
export type CatalogAddon = { id: string; name: string; nameKo: string; priceWon: number; stock: number };
export type CatalogMenu = CatalogStore & { bouquets: CatalogBouquet[]; addons: CatalogAddon[] };
export type CatalogBouquetDetail = CatalogBouquet & { store: Pick<CatalogStore, "id" | "name" | "nameKo" | "area" | "open"> };

const storeColumns = {
  id: true,
  name: true,
  nameKo: true,
  area: true,
  address: true,
  phone: true,
  description: true,
  imageUrl: true,
  opensAt: true,
  closesAt: true,
  addressKo: true,
  descriptionKo: true,
} as const;

const bouquetColumns = {
  id: true,
  storeId: true,
  name: true,
  nameKo: true,
  description: true,
  priceWon: true,
  stock: true,
  imageUrl: true,
  descriptionKo: true,
  deluxePriceWon: true,
  premiumPriceWon: true,
} as const;

export async function listStores(db: Db, filter: { area?: string; q?: string }): Promise<CatalogStoreSummary[]> {
  const stores = await db.store.findMany({
    where: {
      ...(filter.area ? { area: filter.area } : {}),
      ...(filter.q
        ? { OR: [{ name: { contains: filter.q, mode: "insensitive" } }, { nameKo: { contains: filter.q } }] }
        : {}),
    },
    orderBy: { name: "asc" },
    select: { ...storeColumns, _count: { select: { bouquets: { where: { active: true } } } } },
  });
  return stores.map(({ _count, ...s }) => ({ ...s, open: isOpenNow(s), bouquetCount: _count.bouquets }));
}

export async function listAreas(db: Db): Promise<string[]> {
  const rows = await db.store.findMany({ distinct: ["area"], select: { area: true }, orderBy: { area: "asc" } });
  return rows.map((r) => r.area);
}

export async function getStoreMenu(db: Db, storeId: string): Promise<CatalogMenu | null> {
  const store = await db.store.findUnique({
    where: { id: storeId },
    select: {
      ...storeColumns,
      bouquets: { where: { active: true }, orderBy: { priceWon: "asc" }, select: bouquetColumns },
      addons: { where: { active: true }, orderBy: [{ priceWon: "asc" }, { id: "asc" }], select: { id: true, name: true, nameKo: true, priceWon: true, stock: true } },
    },
  });
  if (!store) return null;
  return { ...store, open: isOpenNow(store) };
}

export async function getBouquet(db: Db, bouquetId: string): Promise<CatalogBouquetDetail | null> {
  const b = await db.bouquet.findFirst({
    where: { id: bouquetId, active: true },
    select: { ...bouquetColumns, store: { select: { id: true, name: true, nameKo: true, area: true, opensAt: true, closesAt: true } } },
  });
  if (!b) return null;
  const { store, ...bouquet } = b;
  return { ...bouquet, store: { id: store.id, name: store.name, nameKo: store.nameKo, area: store.area, open: isOpenNow(store) } };
}
