// A bouquet as the owner edits it (F6). Shared by the menu form and the server.
import { z } from "zod";
import { textField } from "../shared/text";

export const BOUQUET_LIMITS = { priceMin: 1000, priceMax: 10_000_000, stockMax: 10_000, nameMax: 80, descriptionMax: 300 } as const;

export const bouquetEditSchema = z.object({
  name: textField({ min: 1, max: BOUQUET_LIMITS.nameMax, messages: { tooShort: "Enter a name", tooLong: "Name is too long" } }),
  nameKo: textField({ min: 1, max: BOUQUET_LIMITS.nameMax, messages: { tooShort: "Enter the Korean name", tooLong: "Name is too long" } }),
  description: textField({ max: BOUQUET_LIMITS.descriptionMax, multiline: true, messages: { tooLong: "Description is too long" } }),
  /** W5: the Korean description; optional so an edit that does not send it leaves it as it was. */
  descriptionKo: textField({ max: BOUQUET_LIMITS.descriptionMax, multiline: true, messages: { tooLong: "Description is too long" } }).optional(),
  priceWon: z.number().int("Price is in whole won").min(BOUQUET_LIMITS.priceMin, "Price must be at least ₩1,000").max(BOUQUET_LIMITS.priceMax),
  stock: z.number().int("Stock is a whole number").min(0, "Stock cannot be negative").max(BOUQUET_LIMITS.stockMax),
  active: z.boolean(),
});
export type BouquetEdit = z.infer<typeof bouquetEditSchema>;
