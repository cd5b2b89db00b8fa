// Where the operator CLIs connect: DATABASE_URL, or the same default as the apps.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_DATABASE_URL } from "@bloom/config/defaults";

export const DATABASE_URL = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

/**
 * The secret that seals the API's private signing keys, as the web app resolves it:
 * KEY_ENCRYPTION_SECRET, else AUTH_SECRET, else the one `npm start` generated in .bloom/secret,
 * else the web app's development default.
 */
export function keyEncryptionSecret(): string {
  const file = path.resolve(import.meta.dirname, "../../../../.bloom/secret");
  const generated = fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : undefined;
  return process.env.KEY_ENCRYPTION_SECRET || process.env.AUTH_SECRET || generated || "bloom-development-secret-not-for-production";
}

/** Runs a CLI's main, reporting failures as one line and an exit code, and closes the pool. */
export function runCli(main: () => Promise<void>, close: () => Promise<void>) {
  main()
    .catch((e: unknown) => {
      console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    })
    .finally(() => close());
}
