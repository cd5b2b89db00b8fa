// The SMS sandbox (X2) as its own process with its own ledger, like a provider's test mode (and
// like apps/processor for cards): web or worker dying cannot hide a message, and killing it is a
// real provider outage for the fault tests. Bloom reaches it only over HTTP (SMS_PROVIDER_URL).
import { createServer } from "node:http";
import { loadEnv } from "./env";
import { SmsLedger } from "./ledger";
import { createSmsSandbox } from "./server";

const env = loadEnv();
process.stdout.on("error", () => {});
const log = (msg: string, extra: Record<string, unknown> = {}) => {
  try {
    process.stdout.write(`${JSON.stringify({ level: "info", time: new Date().toISOString(), service: "sms-sandbox", msg, ...extra })}\n`);
  } catch {
    // stdout gone: nothing more to say
  }
};

const ledger = new SmsLedger(env.SMS_SANDBOX_LEDGER);
const server = createServer((req, res) => void createSmsSandbox(ledger)(req, res));
server.on("error", (err) => {
  console.error(`SMS sandbox cannot listen on ${env.SMS_SANDBOX_HOST}:${env.SMS_SANDBOX_PORT}: ${err.message}`);
  process.exit(1);
});
server.listen(env.SMS_SANDBOX_PORT, env.SMS_SANDBOX_HOST, () => {
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : env.SMS_SANDBOX_PORT;
  log("sms sandbox ready", { port, host: env.SMS_SANDBOX_HOST, ledger: env.SMS_SANDBOX_LEDGER, messages: ledger.size });
});

let stopping = false;
function shutdown(reason: string) {
  if (stopping) return;
  stopping = true;
  log("sms sandbox stopping", { reason });
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
  server.closeAllConnections?.();
}
if (env.SMS_SANDBOX_EXIT_WITH_PARENT === "1") {
  process.stdin.on("close", () => shutdown("parent gone (stdin closed)"));
  process.stdin.on("end", () => shutdown("parent gone (stdin closed)"));
  process.stdin.resume();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
