// The sandbox card processor as its own process, with its own PostgreSQL database — like a real
// provider's test mode, it is not part of Bloom: web or worker dying cannot hide a charge, and
// its state (ledger, test-mode settings) is the same for every client. Graceful on SIGTERM.
import { createServer } from "node:http";
import pg from "pg";
import { pino, stdTimeFunctions } from "pino";
import { loadEnv } from "./env";
import { Ledger } from "./ledger";
import { createProcessor } from "./server";

const env = loadEnv();
// Straight to process.stdout (not pino's default sonic-boom destination, whose flush at exit
// retries forever once stdout is a closed pipe): a processor whose log reader went away must
// still stop on SIGTERM. Lines it can no longer write are dropped.
process.stdout.on("error", () => {});
const log = pino(
  {
    level: env.LOG_LEVEL,
    base: { pid: process.pid, service: "processor" },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  process.stdout,
);

const pool = new pg.Pool({ connectionString: env.PROCESSOR_DATABASE_URL, max: env.PROCESSOR_DB_POOL_SIZE, connectionTimeoutMillis: 5000 });
// An idle client losing its connection (PostgreSQL restarted) must not crash the process.
pool.on("error", (err) => log.warn({ err: err.message }, "ledger connection lost"));
const ledger = new Ledger(pool);

/** Its database is its own: created when missing (a sandbox needs no one else to prepare it). */
async function ensureDatabase(url: string) {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await probe.connect();
    return;
  } catch (e) {
    if ((e as { code?: string }).code !== "3D000") throw e; // 3D000: database does not exist
  } finally {
    await probe.end().catch(() => {});
  }
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    log.info({ database: name }, "created the ledger database");
  } catch (e) {
    if ((e as { code?: string }).code !== "42P04") throw e; // created meanwhile by another start
  } finally {
    await client.end();
  }
}

try {
  await ensureDatabase(env.PROCESSOR_DATABASE_URL);
  await ledger.migrate();
  const interrupted = await ledger.clearInterrupted();
  if (interrupted.length) log.warn({ keys: interrupted }, "charges interrupted by an earlier stop were never completed: their keys are free again");
} catch (e) {
  log.error({ err: (e as Error).message, database: new URL(env.PROCESSOR_DATABASE_URL).pathname.slice(1) }, "processor cannot open its ledger database");
  process.exit(1);
}

const processor = createProcessor({
  ledger,
  log,
  defaults: { latencyMs: env.PAYMENT_SANDBOX_LATENCY_MS, failureRate: env.PAYMENT_SANDBOX_FAILURE_RATE, refundLatencyMs: env.PAYMENT_SANDBOX_REFUND_LATENCY_MS },
});

let shuttingDown = false;
const server = createServer((req, res) => void processor.handle(req, res, shuttingDown));
server.keepAliveTimeout = 65_000;

server.on("error", (err) => {
  log.error({ err: err.message, port: env.PROCESSOR_PORT }, "processor cannot listen");
  process.exit(1);
});
server.listen(env.PROCESSOR_PORT, env.PROCESSOR_HOST, () => {
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : env.PROCESSOR_PORT;
  log.info({ port, host: env.PROCESSOR_HOST, sandbox: processor.state() }, "processor ready");
});

/** Logs (best effort: stdout may be gone, e.g. a closed pipe) and exits, whatever happens. */
function exit(code: number, msg: string, obj: object = {}) {
  try {
    if (code === 0) log.info(obj, msg);
    else log.error(obj, msg);
  } catch {
    // nothing more to say
  }
  process.exit(code);
}

function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  try {
    log.info({ signal }, "processor shutting down: finishing requests in flight");
  } catch {
    // stdout gone: shut down all the same
  }
  const force = setTimeout(() => exit(1, "grace period over; exiting with requests in flight", { graceMs: env.SHUTDOWN_GRACE_MS }), env.SHUTDOWN_GRACE_MS);
  force.unref();
  server.close(() => {
    // Requests are done; the ledger's connections get a moment to close, not forever.
    void Promise.race([pool.end(), new Promise((r) => setTimeout(r, 2000).unref())]).finally(() => exit(0, "processor stopped"));
  });
  server.closeIdleConnections();
}
if (env.PROCESSOR_EXIT_WITH_PARENT === "1") {
  process.stdin.on("close", () => shutdown("parent gone (stdin closed)"));
  process.stdin.on("end", () => shutdown("parent gone (stdin closed)"));
  process.stdin.resume();
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
