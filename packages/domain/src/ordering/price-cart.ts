// Prices a cart from the catalog's current data: the client's prices are never trusted.
import { refuse, type Result } from "../shared/errors";
import { mergeCartLines } from "./cart-lines";

export type CatalogBouquet = {
  id: string;
  storeId: string;
  name: string;
  priceWon: number;
  stock: number;
  active: boolean;
};

export type PricedLine = { bouquetId: string; name: string; unitPriceWon: number; quantity: number };

export function priceCart(
  storeId: string,
  items: { bouquetId: string; quantity: number }[],
  catalog: CatalogBouquet[],
): Result<{ lines: PricedLine[]; totalWon: number }> {
  const byId = new Map(catalog.map((b) => [b.id, b]));
  const lines: PricedLine[] = [];
  for (const { bouquetId, quantity } of mergeCartLines(items)) {
    const b = byId.get(bouquetId);
    if (!b || !b.active) return refuse("BOUQUET_UNAVAILABLE", "A bouquet in your cart is no longer available");
    if (b.storeId !== storeId) return refuse("MIXED_STORES", "An order holds bouquets from one store only");
    if (quantity > b.stock) {
      return refuse(
        "OUT_OF_STOCK",
        b.stock === 0 ? `${b.name} is sold out` : `Only ${b.stock} of ${b.name} left`,
      );
    }
    lines.push({ bouquetId, name: b.name, unitPriceWon: b.priceWon, quantity });
  }
  const totalWon = lines.reduce((sum, l) => sum + l.unitPriceWon * l.quantity, 0);
  return { ok: true, lines, totalWon };
}
