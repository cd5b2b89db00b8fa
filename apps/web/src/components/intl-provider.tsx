"use client";
// next-intl's client side: the request's locale, time zone and messages, with the same missing-key
// behaviour as the server (the key is shown and reported with "[i18n]" so tests catch it).
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "~/i18n/config";
import { messageFallback } from "~/i18n/fallback";

export function IntlProvider({ locale, timeZone, messages, children }: { locale: Locale; timeZone: string; messages: AbstractIntlMessages; children: ReactNode }) {
  return (
    <NextIntlClientProvider
      locale={locale}
      timeZone={timeZone}
      messages={messages}
      onError={(error) => console.error(`[i18n] ${error.message}`)}
      getMessageFallback={messageFallback}
    >
      {children}
    </NextIntlClientProvider>
  );
}
