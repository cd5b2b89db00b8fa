"use client";
// Names that exist in both languages in the catalog (stores, bouquets, areas): Korean UI shows
// `nameKo`, English UI shows `name`. Order snapshots keep the name as it was ordered.
import { localized } from "@bloom/domain";
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";

export function useLocalizedName(): (x: { name: string; nameKo?: string | null }) => string {
  const locale = useLocale();
  return useCallback((x) => localized(locale, x.name, x.nameKo), [locale]);
}

/** W5: any catalog text kept in both languages (`xxx` English, `xxxKo` Korean), in the UI's language. */
export function useLocalized(): (en: string, ko: string | null | undefined) => string {
  const locale = useLocale();
  return useCallback((en: string, ko: string | null | undefined) => localized(locale, en, ko), [locale]);
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
