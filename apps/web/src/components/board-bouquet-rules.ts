// Client-side checks for the menu forms, with the limits of bouquetEditSchema (@bloom/domain),
// which the server validates again. They say what is wrong (field + kind); the words come from
// `validation.bouquet.<field>.<kind>` in the messages (useBouquetErrorText).
import { BOUQUET_LIMITS, textLength, tierOrderProblem } from "@bloom/domain";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { readError } from "~/lib/trpc-error";
import { useFormat } from "~/lib/format";

export const PRICE_MIN = BOUQUET_LIMITS.priceMin;
export const PRICE_MAX = BOUQUET_LIMITS.priceMax;
export const STOCK_MAX = BOUQUET_LIMITS.stockMax;
export const NAME_MAX = BOUQUET_LIMITS.nameMax;
export const DESCRIPTION_MAX = BOUQUET_LIMITS.descriptionMax;

export type BouquetField = "name" | "nameKo" | "description" | "priceWon" | "stock" | "descriptionKo" | "deluxePriceWon" | "premiumPriceWon";
export type BouquetIssue = "required" | "whole" | "min" | "max" | "negative" | "tooLong" | "invalid" | "order";
export type BouquetErrors = Partial<Record<BouquetField, BouquetIssue>>;

/** "25,000", "₩25000" and " 25000 " all read as 25000; anything else is NaN. */
export function parseWhole(text: string): number {
  const cleaned = text.replace(/[₩,\s]/g, "");
  return /^-?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

export function checkPrice(text: string): BouquetIssue | undefined {
  const n = parseWhole(text);
  if (text.trim() === "") return "required";
  if (!Number.isInteger(n)) return "whole";
  if (n < PRICE_MIN) return "min";
  if (n > PRICE_MAX) return "max";
  return undefined;
}

export function checkStock(text: string): BouquetIssue | undefined {
  const n = parseWhole(text);
  if (text.trim() === "") return "required";
  if (!Number.isInteger(n)) return "whole";
  if (n < 0) return "negative";
  if (n > STOCK_MAX) return "max";
  return undefined;
}

/**
 * W4: the sizes' prices: empty = not offered; otherwise a price like the standard one, and the
 * sizes go up (the domain's rule, checked again by the server).
 */
export function checkTierPrices(standard: string, deluxe: string, premium: string): BouquetErrors {
  const e: BouquetErrors = {};
  if (deluxe.trim() !== "") e.deluxePriceWon = checkPrice(deluxe);
  if (premium.trim() !== "") e.premiumPriceWon = checkPrice(premium);
  if (e.deluxePriceWon || e.premiumPriceWon || checkPrice(standard)) return e;
  const of = (text: string) => (text.trim() === "" ? null : parseWhole(text));
  const priceWon = parseWhole(standard);
  const deluxePriceWon = of(deluxe);
  const premiumPriceWon = of(premium);
  if (tierOrderProblem({ priceWon, deluxePriceWon })) e.deluxePriceWon = "order";
  else if (tierOrderProblem({ priceWon, deluxePriceWon, premiumPriceWon })) e.premiumPriceWon = "order";
  return e;
}

export function checkNames(name: string, nameKo: string, description: string, descriptionKo = ""): BouquetErrors {
  const e: BouquetErrors = {};
  // Lengths as the server counts them (graphemes after NFC and trimming).
  if (!name.trim()) e.name = "required";
  else if (textLength(name) > NAME_MAX) e.name = "tooLong";
  if (!nameKo.trim()) e.nameKo = "required";
  else if (textLength(nameKo) > NAME_MAX) e.nameKo = "tooLong";
  if (textLength(description) > DESCRIPTION_MAX) e.description = "tooLong";
  if (textLength(descriptionKo) > DESCRIPTION_MAX) e.descriptionKo = "tooLong";
  return e;
}

/** The fields the server's input validation refused (zod), when the refusal carries them. */
export function serverFieldErrors(error: unknown): BouquetErrors {
  const fe = readError(error).fieldErrors;
  if (!fe) return {};
  const out: BouquetErrors = {};
  for (const key of ["name", "nameKo", "description", "priceWon", "stock", "descriptionKo", "deluxePriceWon", "premiumPriceWon"] as const) {
    if (fe[key]?.length) out[key] = "invalid";
  }
  return out;
}

/** The words for a field's issue, with the limits filled in. */
export function useBouquetErrorText(): (field: BouquetField, issue: BouquetIssue | undefined) => string | undefined {
  const t = useTranslations("validation.bouquet");
  const f = useFormat();
  return useCallback(
    (field, issue) => {
      if (!issue) return undefined;
      const values = { min: f.won(PRICE_MIN), max: field === "priceWon" || field === "deluxePriceWon" || field === "premiumPriceWon" ? f.won(PRICE_MAX) : f.number(field === "stock" ? STOCK_MAX : NAME_MAX), limit: field === "description" || field === "descriptionKo" ? DESCRIPTION_MAX : NAME_MAX };
      type Key = Parameters<typeof t>[0];
      const key = `${field}.${issue}`;
      return t.has(key as Key) ? t(key as Key, values) : t("invalid");
    },
    [t, f],
  );
}
