import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Everything the app loads comes from its own origin: no CDN, font or analytics hosts. Next's
// hydration uses inline scripts and React inline styles, hence 'unsafe-inline' (nonces would make
// every page dynamic); `next dev` also needs eval for fast refresh.
const dev = process.env.NODE_ENV === "development";
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
];

const config: NextConfig = {
  // A self-contained server bundle for the container image (deploy/web.Dockerfile); traced from
  // the monorepo root so workspace packages and hoisted modules come along. `npm start` and the
  // tests still run apps/web/server.mjs over the regular .next output.
  output: "standalone",
  outputFileTracingRoot: path.join(import.meta.dirname, "../.."),
  transpilePackages: ["@bloom/domain", "@bloom/app", "@bloom/db"],
  serverExternalPackages: ["bullmq", "ioredis", "pg", "@prisma/client", "@prisma/adapter-pg", "bcryptjs", "pino", "prom-client", "web-push"],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` type-checks every package (including tests) in its own stage; the build skips it.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

// next-intl (B3, UI languages): points `next-intl/config` at the per-request locale and messages.
// The catalogs are precompiled at build time (P1): the browser formats compiled messages with
// next-intl's format-only runtime instead of shipping the ICU parser (intl-messageformat,
// 22 KiB gzip on every page).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./src/i18n/request.ts",
  experimental: { messages: { path: "./src/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(config);
