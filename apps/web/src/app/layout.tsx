// The root layout: global styles, client providers, the site header and the main landmark.
// Pages render inside <main id="main">, so they must not render a <main> of their own.
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Providers } from "~/components/providers";
import { SiteHeader } from "~/components/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bloom — flowers from local florists", template: "%s · Bloom" },
  description: "Order bouquets from local flower shops in Korea, delivered the same day.",
};

export const viewport: Viewport = {
  themeColor: "#b8325a",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <Providers>
          <SiteHeader />
          <main id="main" className="site-main container" tabIndex={-1}>
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
