// One lint config for the monorepo. The domain stays pure: it may not import frameworks.
import js from "@eslint/js";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/.next/**", "**/.next-*/**", "**/dist/**", "**/next-env.d.ts", "playwright/test-results/**", "playwright/report/**", "bench/results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  // X3: the service worker runs in the browser's service worker scope (self, clients, registration).
  { files: ["apps/web/public/sw.js"], languageOptions: { globals: { ...globals.serviceworker } } },
  // Configuration is read in one env module per process, validated there.
  {
    files: ["apps/*/src/**/*.{ts,tsx}", "packages/*/src/**/*.ts"],
    ignores: [
      "**/*.test.{ts,tsx}",
      "**/test/**",
      "**/src/env.ts",
      // The operator CLIs' env module (DATABASE_URL and the key secret, as the apps resolve them).
      "packages/app/src/cli/database-url.ts",
      // Command-line entry points of packages/db (seed, migrate), run outside any app.
      "packages/db/src/seed.ts",
      "packages/db/src/migration-adapter.ts",
      // Offender left for the data-access refactor: the pool's application_name (PGAPPNAME).
      "packages/db/src/client.ts",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration in the process's env module (src/env.ts), validated there, and pass it in." },
      ],
    },
  },
  // @bloom/db (Prisma, pg) only from the composition roots and the repositories
  // (*.repo.ts). The files listed after them are today's offenders, left for the data-access
  // refactor that moves their SQL into one repository per context: do not add to these lists.
  {
    files: ["apps/*/src/**/*.{ts,tsx}", "packages/app/src/**/*.ts"],
    ignores: [
      "**/*.test.{ts,tsx}",
      "**/test/**",
      "**/*.repo.ts",
      // Composition roots: they open the pool and hand it to the use cases.
      "apps/web/src/server/services.ts",
      "apps/worker/src/main.ts",
      "apps/worker/src/runtime.ts",
      "apps/worker/src/rebuild-mypage.ts",
      "packages/app/src/cli/**",
      // Offenders that run SQL outside a repository (sqlOf, sqlTransaction, listen, dedicatedConnection).
      "apps/worker/src/redrive.ts",
      "apps/worker/src/relay.ts",
      "packages/app/src/delivery/reschedule.ts",
      "packages/app/src/delivery/rider-today.ts",
      "packages/app/src/delivery/rider.ts",
      "packages/app/src/identity/sessions.ts",
      "packages/app/src/notification/dispatch.ts",
      "packages/app/src/notification/email/smtp-email-provider.ts",
      "packages/app/src/notification/preferences.ts",
      "packages/app/src/notification/push/subscriptions.ts",
      "packages/app/src/ordering/delivery-fee.ts",
      "packages/app/src/ordering/place-order.ts",
      "packages/app/src/payment/reconcile.ts",
      "packages/app/src/payment/refund.ts",
      "packages/app/src/shared/inbox.ts",
      "packages/app/src/store/board.ts",
      "packages/app/src/store/inventory.ts",
      "packages/app/src/store/sales.ts",
      // Offenders that take Prisma's client (type Db/Tx) as a parameter and use its model API.
      "apps/worker/src/messages.ts",
      "apps/worker/src/metrics.ts",
      "apps/worker/src/payments.ts",
      "apps/worker/src/providers.ts",
      "apps/worker/src/webhooks.ts",
      "packages/app/src/catalog/queries.ts",
      "packages/app/src/delivery/delivery-for-notice.ts",
      "packages/app/src/delivery/progress.ts",
      "packages/app/src/delivery/proof-access.ts",
      "packages/app/src/identity/accounts.ts",
      "packages/app/src/identity/api-clients.ts",
      "packages/app/src/identity/display-name.ts",
      "packages/app/src/identity/signing-keys.ts",
      "packages/app/src/mypage/delivery-step.ts",
      "packages/app/src/mypage/project.ts",
      "packages/app/src/notification/messages.ts",
      "packages/app/src/notification/push/staff-push.ts",
      "packages/app/src/notification/push/web-push-provider.ts",
      "packages/app/src/notification/sender-email.ts",
      "packages/app/src/notification/tracking.ts",
      "packages/app/src/ordering/delivery-slots.ts",
      "packages/app/src/ordering/order-fate.ts",
      "packages/app/src/ordering/queries.ts",
      "packages/app/src/policies.ts",
      "packages/app/src/shared/context.ts",
      "packages/app/src/shared/outbox.ts",
      "packages/app/src/store/delivery-photo-setting.ts",
      "packages/app/src/store/delivery-settings.ts",
      "packages/app/src/store/delivery-zones.ts",
      "packages/app/src/store/menu.ts",
      "packages/app/src/store/on-order-placed.ts",
      "packages/app/src/store/shop-for-notice.ts",
      "packages/app/src/store/slot-capacity.ts",
      "packages/app/src/store/stock.ts",
      "packages/app/src/store/tickets.ts",
      "packages/app/src/webhooks/deliveries.ts",
      "packages/app/src/webhooks/endpoints.ts",
      "packages/app/src/webhooks/plan.ts",
      "packages/app/src/webhooks/send.ts",
      // Written in the same round as this rule, on the same idiom (W1 photo approval, W5 shop profile, W4 sizes and add-ons): the same refactor moves them.
      "apps/worker/src/arrangements.ts",
      "packages/app/src/store/arrangement-approve.ts",
      "packages/app/src/store/arrangement-state.ts",
      "packages/app/src/store/arrangement-view.ts",
      "packages/app/src/store/decoration-completed.ts",
      "packages/app/src/store/store-profile.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "@bloom/db", message: "Reach the database through a repository (*.repo.ts) or a composition root; use cases get what they need passed in." }],
          patterns: [{ group: ["@bloom/db/*"], message: "Reach the database through a repository (*.repo.ts) or a composition root." }],
        },
      ],
    },
  },
  {
    files: ["packages/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react/*", "react-dom", "@prisma/*", "prisma", "bullmq", "ioredis", "next-auth", "next-auth/*", "@trpc/*", "@bloom/db", "@bloom/app", "pg", "cockatiel"],
              message: "packages/domain is pure TypeScript: no frameworks, databases or queues.",
            },
          ],
        },
      ],
    },
  },
);
