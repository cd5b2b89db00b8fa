// W4 demo data: sizes for some bouquets and the add-ons every demo shop sells. Fixed ids, so the
// seed is idempotent and tests can name them. Sizes are set once per shop, when its add-ons are
// first created, so an owner's later choices are left alone.
import type { Db } from "./client";
import { bouquetId, DEMO_STORES } from "./seed-data";

type A = [name: string, nameKo: string, priceWon: number, stock: number];

/** Add-ons per demo shop (by the shop's index in DEMO_STORES). */
export const DEMO_ADDONS: A[][] = [
  [
    ["Glass vase", "유리 화병", 15000, 10],
    ["Chocolate box", "초콜릿 박스", 12000, 20],
    ["Balloon", "축하 풍선", 8000, 15],
    ["Large message card", "큰 메시지 카드", 3000, 50],
  ],
  [
    ["Glass vase", "유리 화병", 14000, 8],
    ["Macaron box", "마카롱 박스", 16000, 12],
    ["Balloon", "축하 풍선", 7000, 20],
  ],
  [
    ["Crystal vase", "크리스털 화병", 45000, 4],
    ["Premium chocolates", "프리미엄 초콜릿", 28000, 10],
    ["Large message card", "큰 메시지 카드", 5000, 30],
  ],
  [
    ["Glass vase", "유리 화병", 13000, 6],
    ["Chocolate box", "초콜릿 박스", 11000, 10],
    ["Balloon", "축하 풍선", 7000, 10],
  ],
];

/** Sizes per demo shop: [bouquet index, deluxe price, premium price or null]. */
export const DEMO_TIERS: [bouquetIndex: number, deluxeWon: number, premiumWon: number | null][][] = [
  [[0, 79000, 99000], [1, 92000, null], [2, 52000, 65000]],
  [[0, 56000, 70000], [4, 45000, null]],
  [[1, 128000, 158000], [4, 99000, null]],
  [[0, 69000, 85000]],
];

/** An add-on's fixed id: store n, add-on m. */
export function addonId(storeIndex: number, addonIndex: number): string {
  return `30000000-0000-4000-8000-${String(storeIndex * 100 + addonIndex + 1).padStart(12, "0")}`;
}

export async function seedAddons(db: Db) {
  for (const [si, s] of DEMO_STORES.entries()) {
    const addons = DEMO_ADDONS[si] ?? [];
    const first = (await db.addon.count({ where: { storeId: s.id } })) === 0;
    for (const [ai, [name, nameKo, priceWon, stock]] of addons.entries()) {
      const id = addonId(si, ai);
      await db.addon.upsert({ where: { id }, update: {}, create: { id, storeId: s.id, name, nameKo, priceWon, stock, stockBaseline: stock } });
    }
    if (!first) continue;
    for (const [bi, deluxePriceWon, premiumPriceWon] of DEMO_TIERS[si] ?? []) {
      await db.bouquet.updateMany({ where: { id: bouquetId(si, bi), deluxePriceWon: null }, data: { deluxePriceWon, premiumPriceWon } });
    }
  }
}
