"use client";
// Names that exist in both languages in the catalog (stores, bouquets, areas): Korean UI shows
// `nameKo`, English UI shows `name`. Order snapshots keep the name as it was ordered.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";

export function useLocalizedName(): (x: { name: string; nameKo?: string | null }) => string {
  const locale = useLocale();
  return useCallback((x) => (locale === "ko" && x.nameKo ? x.nameKo : x.name), [locale]);
}

/** A store's area ("Seongdong") in the viewer's language, or as stored when we have no word for it. */
export function useAreaName(): (area: string) => string {
  const t = useTranslations("areas");
  return useCallback(
    (area: string) => {
      type Key = Parameters<typeof t>[0];
      return t.has(area as Key) ? t(area as Key) : area;
    },
    [t],
  );
}
