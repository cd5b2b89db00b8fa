// Client-side checks for the menu forms, with the limits of bouquetEditSchema (@bloom/domain),
// which the server validates again.
import { BOUQUET_LIMITS, formatWon } from "@bloom/domain";
import { TRPCClientError } from "@trpc/client";

export const PRICE_MIN = BOUQUET_LIMITS.priceMin;
export const PRICE_MAX = BOUQUET_LIMITS.priceMax;
export const STOCK_MAX = BOUQUET_LIMITS.stockMax;
export const NAME_MAX = BOUQUET_LIMITS.nameMax;
export const DESCRIPTION_MAX = BOUQUET_LIMITS.descriptionMax;

export type BouquetField = "name" | "nameKo" | "description" | "priceWon" | "stock";
export type BouquetErrors = Partial<Record<BouquetField, string>>;

/** "25,000", "₩25000" and " 25000 " all read as 25000; anything else is NaN. */
export function parseWhole(text: string): number {
  const cleaned = text.replace(/[₩,\s]/g, "");
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export function checkPrice(text: string): string | undefined {
  const n = parseWhole(text);
  if (text.trim() === "") return "Enter a price";
  if (!Number.isInteger(n)) return "Price is in whole won";
  if (n < PRICE_MIN) return `Price must be at least ${formatWon(PRICE_MIN)}`;
  if (n > PRICE_MAX) return `Price must be at most ${formatWon(PRICE_MAX)}`;
  return undefined;
}

export function checkStock(text: string): string | undefined {
  const n = parseWhole(text);
  if (text.trim() === "") return "Enter the stock";
  if (!Number.isInteger(n)) return "Stock is a whole number";
  if (n < 0) return "Stock cannot be negative";
  if (n > STOCK_MAX) return `Stock must be at most ${STOCK_MAX.toLocaleString("en-US")}`;
  return undefined;
}

export function checkNames(name: string, nameKo: string, description: string): BouquetErrors {
  const e: BouquetErrors = {};
  if (!name.trim()) e.name = "Enter a name";
  else if (name.trim().length > NAME_MAX) e.name = `Keep the name under ${NAME_MAX} characters`;
  if (!nameKo.trim()) e.nameKo = "Enter the Korean name";
  else if (nameKo.trim().length > NAME_MAX) e.nameKo = `Keep the name under ${NAME_MAX} characters`;
  if (description.trim().length > DESCRIPTION_MAX) e.description = "Description is too long";
  return e;
}

/** The server's per-field messages (zod input errors), when the refusal carries them. */
export function serverFieldErrors(error: unknown): BouquetErrors {
  if (!(error instanceof TRPCClientError)) return {};
  const fe = (error.data as { fieldErrors?: Record<string, string[] | undefined> | null } | undefined)?.fieldErrors;
  if (!fe) return {};
  const out: BouquetErrors = {};
  for (const key of ["name", "nameKo", "description", "priceWon", "stock"] as const) {
    const first = fe[key]?.[0];
    if (first) out[key] = first;
  }
  return out;
}
