// The root layout: global styles (the device's own fonts, globals.css), the viewer's language (B3), toasts, the
// site header and the main landmark. Pages render inside <main id="main">, so they must not
// render a <main> of their own. tRPC + TanStack Query are provided by the layouts of the screens
// that use them (WithTRPC), not here (P1).
import type { Metadata, Viewport } from "next";
import { getLocale, getMessages, getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { IntlProvider } from "~/components/intl-provider";
import { SiteHeader } from "~/components/site-header";
import { ToastProvider } from "~/components/ui/toast";
import type { Locale } from "~/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("title"), template: t("titleTemplate", { page: "%s" }) },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  themeColor: "#b0284f",
  width: "device-width",
  initialScale: 1,
  viewportFit: "cover",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const [messages, timeZone, t] = await Promise.all([getMessages(), getTimeZone(), getTranslations("common")]);
  return (
    <html lang={locale}>
      <body>
        <a
          href="#main"
          className="fixed top-2 left-2 z-[100] -translate-y-24 rounded-xl bg-ink px-4 py-2 font-semibold text-white no-underline focus:translate-y-0 focus:text-white"
        >
          {t("skipToContent")}
        </a>
        <IntlProvider locale={locale} timeZone={timeZone} messages={messages}>
          <ToastProvider>
            <SiteHeader />
            <main id="main" tabIndex={-1} className="container-page pt-5 pb-16 sm:pt-7">
              {children}
            </main>
          </ToastProvider>
        </IntlProvider>
      </body>
    </html>
  );
}
