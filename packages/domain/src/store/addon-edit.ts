// W4: an add-on as the owner edits it (vase, chocolates, balloon, a larger card). Shared by the
// Menu and stock form and the server. `name` is English, `nameKo` Korean (the catalog's convention).
import { z } from "zod";
import { textField } from "../shared/text";

import { BOUQUET_LIMITS } from "./bouquet-edit";

// The menu's limits, so the Menu and stock screen checks and words are the bouquets' (₩1,000 to ₩10,000,000).
export const ADDON_LIMITS = { priceMin: BOUQUET_LIMITS.priceMin, priceMax: BOUQUET_LIMITS.priceMax, stockMax: BOUQUET_LIMITS.stockMax, nameMax: BOUQUET_LIMITS.nameMax } as const;

export const addonEditSchema = z.object({
  name: textField({ min: 1, max: ADDON_LIMITS.nameMax, messages: { tooShort: "Enter a name", tooLong: "Name is too long" } }),
  nameKo: textField({ min: 1, max: ADDON_LIMITS.nameMax, messages: { tooShort: "Enter the Korean name", tooLong: "Name is too long" } }),
  priceWon: z
    .number("Enter a price")
    .int("Price is in whole won")
    .min(ADDON_LIMITS.priceMin, "Price must be at least ₩1,000")
    .max(ADDON_LIMITS.priceMax, "Price is too high"),
  stock: z.number("Enter the stock").int("Stock is a whole number").min(0, "Stock cannot be negative").max(ADDON_LIMITS.stockMax, "Stock is too high"),
  active: z.boolean(),
});
export type AddonEdit = z.infer<typeof addonEditSchema>;

/** An edit of some fields of one add-on (only what is sent changes). */
export const addonUpdateSchema = addonEditSchema.partial().extend({ addonId: z.uuid("Unknown add-on") });
