// Prices a cart from the catalog's current data: the client's prices are never trusted.
import { refuse, type Result } from "../shared/errors";
import { mergeAddonLines, mergeCartLines, type AddonLine, type CartLine } from "./cart-lines";
import { tierPrice, type BouquetTier } from "./size-tiers";

export type CatalogBouquet = {
  id: string;
  storeId: string;
  name: string;
  priceWon: number;
  stock: number;
  active: boolean;
  /** W4: the sizes' prices; null or absent = not offered. */
  deluxePriceWon?: number | null;
  premiumPriceWon?: number | null;
};

/** `tier` absent = standard. */
export type PricedLine = { bouquetId: string; name: string; unitPriceWon: number; quantity: number; tier?: BouquetTier };

export function priceCart(
  storeId: string,
  items: CartLine[],
  catalog: CatalogBouquet[],
): Result<{ lines: PricedLine[]; totalWon: number }> {
  const byId = new Map(catalog.map((b) => [b.id, b]));
  const merged = mergeCartLines(items);
  // Sizes share the bouquet's stock: a standard and a deluxe of it take from the same units.
  const units = new Map<string, number>();
  for (const l of merged) units.set(l.bouquetId, (units.get(l.bouquetId) ?? 0) + l.quantity);
  const lines: PricedLine[] = [];
  for (const { bouquetId, quantity, tier } of merged) {
    const b = byId.get(bouquetId);
    if (!b || !b.active) return refuse("BOUQUET_UNAVAILABLE", "A bouquet in your cart is no longer available");
    if (b.storeId !== storeId) return refuse("MIXED_STORES", "An order holds bouquets from one store only");
    const unitPriceWon = tierPrice(b, tier);
    if (unitPriceWon === null) return refuse("BOUQUET_UNAVAILABLE", `${b.name} is no longer offered in this size`);
    const wanted = units.get(bouquetId) ?? quantity;
    if (wanted > b.stock) {
      return refuse(
        "OUT_OF_STOCK",
        b.stock === 0 ? `${b.name} is sold out` : `Only ${b.stock} of ${b.name} left`,
      );
    }
    lines.push({ bouquetId, name: b.name, unitPriceWon, quantity, ...(tier && { tier }) });
  }
  const totalWon = lines.reduce((sum, l) => sum + l.unitPriceWon * l.quantity, 0);
  return { ok: true, lines, totalWon };
}

/** W4: an add-on as the catalog holds it. */
export type CatalogAddon = { id: string; storeId: string; name: string; nameKo: string; priceWon: number; stock: number; active: boolean };
export type PricedAddon = { addonId: string; name: string; nameKo: string; unitPriceWon: number; quantity: number };

/** W4: prices the cart's add-ons from the shop's current add-ons, refusing any unknown, inactive, other shop's or short one. */
export function priceAddons(storeId: string, items: AddonLine[], catalog: CatalogAddon[]): Result<{ addons: PricedAddon[]; totalWon: number }> {
  const byId = new Map(catalog.map((a) => [a.id, a]));
  const addons: PricedAddon[] = [];
  for (const { addonId, quantity } of mergeAddonLines(items)) {
    const a = byId.get(addonId);
    if (!a || !a.active || a.storeId !== storeId) return refuse("ADDON_UNAVAILABLE", "An add-on in your cart is no longer available");
    if (quantity > a.stock) return refuse("OUT_OF_STOCK", a.stock === 0 ? `${a.name} is sold out` : `Only ${a.stock} of ${a.name} left`);
    addons.push({ addonId, name: a.name, nameKo: a.nameKo, unitPriceWon: a.priceWon, quantity });
  }
  return { ok: true, addons, totalWon: addons.reduce((sum, a) => sum + a.unitPriceWon * a.quantity, 0) };
}
