"use client";
// The visible language switch (B3): Korean ⇄ English. The choice is kept in the NEXT_LOCALE cookie
// for a year and the page re-renders on the server in the new language, keeping its state.
import { Languages } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "~/i18n/config";
import { cn } from "~/lib/cn";

const NAME: Record<Locale, string> = { ko: "한국어", en: "English" };

export function LocaleSwitcher({ className }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("language");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const other: Locale = locale === "ko" ? "en" : "ko";

  return (
    <button
      type="button"
      data-testid="locale-switcher"
      data-locale={locale}
      aria-busy={pending || undefined}
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${other}; path=/; max-age=31536000; samesite=lax`;
        startTransition(() => router.refresh());
      }}
      className={cn(
        // Below 400 px (the narrowest phones) only the icon shows; the language's name stays its accessible name.
        "inline-flex min-h-10 min-w-10 items-center justify-center gap-1.5 rounded-full border border-line px-3 text-sm font-semibold text-ink hover:bg-surface-2 disabled:opacity-60 max-[400px]:px-0",
        className,
      )}
    >
      <Languages aria-hidden="true" className="size-4 text-muted" />
      <span className="sr-only">{t("switchTo")} </span>
      <span lang={other} className="max-[400px]:sr-only">
        {NAME[other]}
      </span>
    </button>
  );
}
