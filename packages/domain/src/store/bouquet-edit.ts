// A bouquet as the owner edits it (F6). Shared by the menu form and the server.
import { z } from "zod";
import { textField } from "../shared/text";

export const BOUQUET_LIMITS = { priceMin: 1000, priceMax: 10_000_000, stockMax: 10_000, nameMax: 80, descriptionMax: 300 } as const;

const price = z.number().int("Price is in whole won").min(BOUQUET_LIMITS.priceMin, "Price must be at least ₩1,000").max(BOUQUET_LIMITS.priceMax);

export const bouquetEditSchema = z.object({
  name: textField({ min: 1, max: BOUQUET_LIMITS.nameMax, messages: { tooShort: "Enter a name", tooLong: "Name is too long" } }),
  nameKo: textField({ min: 1, max: BOUQUET_LIMITS.nameMax, messages: { tooShort: "Enter the Korean name", tooLong: "Name is too long" } }),
  description: textField({ max: BOUQUET_LIMITS.descriptionMax, multiline: true, messages: { tooLong: "Description is too long" } }),
  /** W5: the Korean description; optional so an edit that does not send it leaves it as it was. */
  descriptionKo: textField({ max: BOUQUET_LIMITS.descriptionMax, multiline: true, messages: { tooLong: "Description is too long" } }).optional(),
  priceWon: price,
  stock: z.number().int("Stock is a whole number").min(0, "Stock cannot be negative").max(BOUQUET_LIMITS.stockMax),
  active: z.boolean(),
  /** W4: the deluxe and premium sizes' prices (same stock); null = not offered. */
  deluxePriceWon: price.nullable().optional(),
  premiumPriceWon: price.nullable().optional(),
});
export type BouquetEdit = z.infer<typeof bouquetEditSchema>;

/**
 * W4: the sizes go up in price: deluxe above standard, premium above both. Checked on the whole
 * bouquet after an edit (a price edit alone may break the order of the sizes already set).
 */
export function tierOrderProblem(b: { priceWon: number; deluxePriceWon?: number | null; premiumPriceWon?: number | null }): string | null {
  if (b.deluxePriceWon != null && b.deluxePriceWon <= b.priceWon) return "The deluxe price must be above the standard price";
  const below = Math.max(b.priceWon, b.deluxePriceWon ?? 0);
  if (b.premiumPriceWon != null && b.premiumPriceWon <= below) return "The premium price must be above the standard and deluxe prices";
  return null;
}
