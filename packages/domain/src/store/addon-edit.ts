// W4: an add-on as the owner edits it (vase, chocolates, balloon, a larger card). Shared by the
// Menu and stock form and the server. `name` is English, `nameKo` Korean (the catalog's convention).
import { z } from "zod";
import { textField } from "../shared/text";

export const ADDON_LIMITS = { priceMin: 500, priceMax: 1_000_000, stockMax: 10_000, nameMax: 60 } as const;

export const addonEditSchema = z.object({
  name: textField({ min: 1, max: ADDON_LIMITS.nameMax, messages: { tooShort: "Enter a name", tooLong: "Name is too long" } }),
  nameKo: textField({ min: 1, max: ADDON_LIMITS.nameMax, messages: { tooShort: "Enter the Korean name", tooLong: "Name is too long" } }),
  priceWon: z
    .number("Enter a price")
    .int("Price is in whole won")
    .min(ADDON_LIMITS.priceMin, `Price must be at least ₩${ADDON_LIMITS.priceMin}`)
    .max(ADDON_LIMITS.priceMax, "Price is too high"),
  stock: z.number("Enter the stock").int("Stock is a whole number").min(0, "Stock cannot be negative").max(ADDON_LIMITS.stockMax, "Stock is too high"),
  active: z.boolean(),
});
export type AddonEdit = z.infer<typeof addonEditSchema>;

/** An edit of some fields of one add-on (only what is sent changes). */
export const addonUpdateSchema = addonEditSchema.partial().extend({ addonId: z.uuid("Unknown add-on") });
