"use client";
// W4: a bouquet's size in the UI language. Standard is not named on a line (every line without a
// size is standard); deluxe and premium are.
import { useTranslations } from "next-intl";
import { useCallback } from "react";

export type SizeTier = "STANDARD" | "DELUXE" | "PREMIUM";

/** The size's word ("Deluxe", "디럭스"), or null for standard / no size. */
export function useSizeName(): (tier: string | null | undefined) => string | null {
  const t = useTranslations("sizes");
  return useCallback((tier) => (tier === "DELUXE" ? t("DELUXE") : tier === "PREMIUM" ? t("PREMIUM") : null), [t]);
}

/** "Red Rose Classic · Deluxe": a line's name with its size when it has one. */
export function withSize(name: string, size: string | null): string {
  return size ? `${name} · ${size}` : name;
}
