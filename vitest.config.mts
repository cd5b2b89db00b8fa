// Two suites: `unit` (pure logic, no servers) and `integration` (*.int.test.ts, against the real
// PostgreSQL and Redis that `npm test` sets up; files run one at a time as they share the database).
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "apps/web/src") };
const exclude = ["**/node_modules/**", "**/.next/**", "playwright/**"];

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["{apps,packages,test}/**/*.test.ts"], exclude: [...exclude, "**/*.int.test.ts"] } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{apps,packages,test}/**/*.int.test.ts"],
          exclude,
          fileParallelism: false,
          // The files share one Redis and the demo customer, so the per-customer order limit (30 a
          // minute by default) would count one file's orders against the next file's. Tests of the
          // limits set their own (hardening, sign-in-throttle, public-api-server).
          env: { RATE_LIMIT_ORDERS_PER_MIN: "100000" },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
