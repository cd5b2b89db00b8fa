// End-to-end journeys in Debian's Chromium (this machine cannot download Playwright's browser).
// Starts the sandbox card processor (its own process and ledger database), then the production
// build of web and the worker, against the test database.
import { createECDH } from "node:crypto";
import { DEFAULT_DATABASE_URL } from "@bloom/config/defaults";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const WORKER_PORT = PORT + 1;
const PROCESSOR_PORT = PORT + 2;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
const PROCESSOR_URL = `http://127.0.0.1:${PROCESSOR_PORT}`;
/** X2: the SMS sandbox (apps/sms-sandbox); the journeys read the recipient's texts from it. */
const SMS_SANDBOX_PORT = PORT + 3;
export const SMS_SANDBOX_URL = `http://127.0.0.1:${SMS_SANDBOX_PORT}`;
/** X1: the mail catcher (maildev) the worker sends the emails to; the journeys read them in its web page. */
const MAIL_SMTP_PORT = PORT + 7;
export const MAIL_CATCHER_URL = `http://127.0.0.1:${PORT + 8}`;
/** The processor's ledger sits next to the app's database: `<database>_processor`. */
function processorDatabaseUrl() {
  if (process.env.PROCESSOR_DATABASE_URL) return process.env.PROCESSOR_DATABASE_URL;
  const u = new URL(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  u.pathname = `${u.pathname}_processor`;
  return u.toString();
}
/** X3: a VAPID pair for this run unless the environment has one (npm test passes .bloom/vapid.json's). */
function vapidKeys(): Record<string, string> {
  if (process.env.VAPID_PUBLIC_KEY) return {};
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const priv = Buffer.concat([Buffer.alloc(32), ecdh.getPrivateKey()]).subarray(-32);
  return { VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString("base64url"), VAPID_PRIVATE_KEY: priv.toString("base64url") };
}
const env = {
  ...vapidKeys(),
  ...(process.env as Record<string, string>),
  NODE_ENV: "production",
  NEXTAUTH_URL: BASE_URL,
  AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-e2e-secret-e2e-secret",
  WORKER_HEALTH_PORT: String(WORKER_PORT),
  PROCESSOR_URL,
  SMS_PROVIDER_URL: SMS_SANDBOX_URL,
  TRACKING_LINK_SECRET: process.env.TRACKING_LINK_SECRET ?? "e2e-tracking-link-secret-e2e-tracking-link-secret",
  QUEUE_PREFIX: "e2e",
  // Journeys sign in and order far more often than a person; the limits are tested on their own.
  RATE_LIMIT_SIGNIN_PER_MIN: "1000",
  RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: "1000",
  RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: "1000",
  RATE_LIMIT_ORDERS_PER_MIN: "1000",
  NEXT_TELEMETRY_DISABLED: "1",
  SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
  PUBLIC_WEB_URL: BASE_URL,
};

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  globalSetup: "./global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { outputFolder: "report", open: "never" }]],
  outputDir: "test-results",
  use: {
    baseURL: BASE_URL,
    // The UI picks its language from Accept-Language (B3): the journeys read English words.
    locale: "en-US",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: [
    {
      command: "npm run start -w @bloom/processor",
      cwd: "..",
      url: `${PROCESSOR_URL}/health`,
      env: { ...env, PROCESSOR_PORT: String(PROCESSOR_PORT), PROCESSOR_HOST: "127.0.0.1", PROCESSOR_DATABASE_URL: processorDatabaseUrl() },
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npm run start -w @bloom/sms-sandbox",
      cwd: "..",
      url: `${SMS_SANDBOX_URL}/health`,
      env: { ...env, SMS_SANDBOX_PORT: String(SMS_SANDBOX_PORT), SMS_SANDBOX_HOST: "127.0.0.1", SMS_SANDBOX_LEDGER: `${process.env.TMPDIR ?? "/tmp"}/bloom-e2e-sms-${PORT}.jsonl` },
      timeout: 30_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: `npm run start -w @bloom/web -- -p ${PORT} -H 127.0.0.1`,
      cwd: "..",
      url: `${BASE_URL}/api/health/ready`,
      env,
      timeout: 120_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The worker's production build (compiled JavaScript) takes about a second: made every run.
      command: "npm run build -w @bloom/worker && npm run start -w @bloom/worker",
      cwd: "..",
      url: `http://127.0.0.1:${WORKER_PORT}/health/ready`,
      env,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // X1: the local mail catcher, in memory (each run starts empty).
      command: `npx maildev --smtp ${MAIL_SMTP_PORT} --web ${PORT + 8} --ip 127.0.0.1 --web-ip 127.0.0.1`,
      cwd: "..",
      url: `${MAIL_CATCHER_URL}/api/healthz`,
      env,
      timeout: 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
