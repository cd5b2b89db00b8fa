// `npm start`: setup, production build of the web app, then the sandbox card processor (its own
// process and database, like a provider's test mode), web and worker side by side until Ctrl-C.
// If any child dies the others are stopped and we exit non-zero.
import { spawn } from "node:child_process";
import readline from "node:readline";
import { authSecret, fail, ROOT, run, sleep, step, trackingLinkSecret, vapidEnv } from "./lib/services.mjs";
import { setup } from "./setup.mjs";

const PORT = process.env.PORT || "3000";
const DEMO = ["customer@bloom.test", "owner@bloom.test", "rider@bloom.test"];

let env;
try {
  env = await setup();
  await step("build web and worker", () =>
    run("npx", ["turbo", "run", "build", "--filter=@bloom/web", "--filter=@bloom/worker"], {
      env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
    }),
  );
} catch (err) {
  fail(err.message);
}

const processorUrl = new URL(env.PROCESSOR_URL);
// A processor elsewhere (PROCESSOR_URL on another host) is used as it is; a local one is ours to run.
const runProcessor = ["127.0.0.1", "localhost", "[::1]"].includes(processorUrl.hostname);

// X2: the SMS provider; a local address is the SMS sandbox (apps/sms-sandbox), ours to run.
const smsUrl = new URL(process.env.SMS_PROVIDER_URL || "http://127.0.0.1:4020");
const runSmsSandbox = ["127.0.0.1", "localhost", "[::1]"].includes(smsUrl.hostname);

const childEnv = {
  ...process.env,
  ...env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${PORT}`,
  AUTH_SECRET: authSecret(),
  TRACKING_LINK_SECRET: trackingLinkSecret(),
  SMS_PROVIDER_URL: smsUrl.toString().replace(/\/+$/, ""),
  // X3: web push keys (env, else generated once into .bloom/vapid.json); web hands the public key to browsers.
  ...vapidEnv(),
};

// X1: a local mail catcher (maildev) receives Bloom's emails and shows them in its web page, unless
// SMTP_URL points the worker at a real server.
const mailCatcher = childEnv.SMTP_URL
  ? null
  : { smtp: process.env.MAIL_CATCHER_SMTP_PORT || "1025", web: process.env.MAIL_CATCHER_WEB_PORT || "1080" };
if (mailCatcher) childEnv.SMTP_URL = `smtp://127.0.0.1:${mailCatcher.smtp}`;
// The worker's links (emails, texts) point at the web app; APP_URL is PUBLIC_WEB_URL's deprecated name.
childEnv.PUBLIC_WEB_URL = process.env.PUBLIC_WEB_URL || process.env.APP_URL || childEnv.NEXTAUTH_URL;
delete childEnv.APP_URL;

const children = new Map();
let stopping = false;

function launch(name, args) {
  // Own process group (detached) so a stop reaches npm's `sh -c` grandchildren too.
  const child = spawn("npm", args, { cwd: ROOT, env: childEnv, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on("line", (line) => console.log(`[${name}] ${line}`));
  }
  child.on("exit", (code, signal) => {
    children.delete(name);
    if (!stopping) {
      console.error(`\n✖ ${name} exited (${signal ?? `code ${code}`}); stopping the rest`);
      stop(1);
    } else if (children.size === 0) process.exit(process.exitCode ?? 0);
  });
  children.set(name, child);
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) signalGroup(child, "SIGTERM");
  // Bounded: anything still alive after 10 s is killed.
  setTimeout(() => {
    for (const child of children.values()) signalGroup(child, "SIGKILL");
    process.exit(code || 1);
  }, 10_000).unref();
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

if (runProcessor) {
  // It listens where PROCESSOR_URL says, so web and worker find it.
  childEnv.PROCESSOR_PORT = processorUrl.port || "80";
  childEnv.PROCESSOR_HOST = processorUrl.hostname.replace(/^\[|\]$/g, "");
  launch("processor", ["run", "start", "-w", "@bloom/processor"]);
  // Web and worker call it from their first request: they start once it answers (bounded).
  const health = `${env.PROCESSOR_URL.replace(/\/+$/, "")}/health`;
  const until = Date.now() + 60_000;
  while (!stopping && !(await fetch(health, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false))) {
    if (Date.now() > until) {
      console.error(`\n✖ the card processor at ${health} did not answer 200 within 60 s`);
      stop(1);
      break;
    }
    await sleep(300);
  }
}
if (!stopping && runSmsSandbox) {
  childEnv.SMS_SANDBOX_PORT = smsUrl.port || "80";
  childEnv.SMS_SANDBOX_HOST = smsUrl.hostname.replace(/^\[|\]$/g, "");
  childEnv.SMS_SANDBOX_LEDGER ||= `${ROOT}/.bloom/sms-sandbox.jsonl`;
  launch("sms-sandbox", ["run", "start", "-w", "@bloom/sms-sandbox"]);
}
if (!stopping && mailCatcher) {
  // Emails are kept in .bloom/mail, so they survive a restart.
  launch("mail", ["exec", "--", "maildev", "--smtp", mailCatcher.smtp, "--web", mailCatcher.web, "--ip", "127.0.0.1", "--web-ip", "127.0.0.1", "--mail-directory", ".bloom/mail"]);
}
if (!stopping) {
  launch("web", ["run", "start", "-w", "@bloom/web", "--", "-p", PORT]);
  launch("worker", ["run", "start", "-w", "@bloom/worker"]);
}

// Wait for readiness (bounded), then tell the user where to go.
const ready = `http://127.0.0.1:${PORT}/api/health/ready`;
const deadline = Date.now() + 120_000;
while (!stopping) {
  const ok = await fetch(ready, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
  if (ok) {
    console.log(`
  ┌──────────────────────────────────────────────────────────
  │ Bloom is running at http://localhost:${PORT}
  │ Sandbox card processor: ${env.PROCESSOR_URL}${runProcessor ? ` (ledger: database ${new URL(env.PROCESSOR_DATABASE_URL).pathname.slice(1)})` : ""}
  │ SMS sandbox (the recipients' texts, with tracking links): ${childEnv.SMS_PROVIDER_URL}${runSmsSandbox ? "" : " (not ours: not started)"}
  │ Emails: ${mailCatcher ? `http://localhost:${mailCatcher.web} (local mail catcher)` : `sent through ${new URL(childEnv.SMTP_URL).host}`}
  │ Demo accounts (password bloom1234):
  │   ${DEMO.join("\n  │   ")}
  │ Ctrl-C to stop.
  └──────────────────────────────────────────────────────────
`);
    break;
  }
  if (Date.now() > deadline) {
    console.error(`\n✖ ${ready} did not answer 200 within 120 s`);
    stop(1);
    break;
  }
  await sleep(1000);
}
