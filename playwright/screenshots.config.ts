// `npm run screenshots`: the e2e configuration (same web + worker servers, same browser), running
// only playwright/screenshots.ts, which writes docs/screenshots/*.png.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({
  ...base,
  testMatch: "screenshots.ts",
  retries: 0,
  reporter: [["list"]],
  projects: [{ name: "screenshots", use: { ...base.use } }],
});
