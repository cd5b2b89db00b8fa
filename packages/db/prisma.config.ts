// Prisma CLI configuration. The CLI runs through the pg driver adapter ("js" engine) so that
// nothing downloads a native schema-engine binary: this machine and CI are offline.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./src/migration-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: migrationAdapter,
});
