// W5: the catalog keeps each text in English (`xxx`) and Korean (`xxxKo`). One rule picks the one
// a reader sees: Korean readers get the Korean text when there is one, everyone else (and every
// reader of a row written before the Korean text existed, where it is empty) gets the English.
export type CatalogLocale = "ko" | "en";

export function localized(locale: string | null | undefined, en: string, ko: string | null | undefined): string {
  return locale === "ko" && ko ? ko : en;
}

/** A `{ name, nameKo }` pair in the reader's language. */
export function localizedName(locale: string | null | undefined, x: { name: string; nameKo?: string | null }): string {
  return localized(locale, x.name, x.nameKo);
}
