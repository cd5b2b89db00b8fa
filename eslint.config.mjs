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
