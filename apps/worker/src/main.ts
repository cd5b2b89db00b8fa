// The worker process: consumes domain jobs, relays the outbox, serves /health/live and
// /health/ready and Prometheus /metrics on its own port, and shuts down gracefully on SIGTERM (C6).
import { createServer } from "node:http";
import { createLogger } from "@bloom/app";
import { closeDbs, getDb, onDbConnectionError } from "@bloom/db";
import { env } from "./env";
import { hardenCollectors, workerMetrics } from "./metrics";
import { registerPaymentMetrics } from "./payments";
import { messageProviders } from "./providers";
import { startWorker } from "./runtime";

const log = createLogger({ level: env.LOG_LEVEL, base: { service: "worker", worker: env.WORKER_ID } });
// application_name names this process in pg_stat_activity (and lets an operator, or the E3 test,
// terminate exactly its connections).
const db = getDb(env.DATABASE_URL, env.DB_POOL_SIZE, { applicationName: `bloom-worker ${env.WORKER_ID}` });
// A connection lost while idle (PostgreSQL restarted, pg_terminate_backend) is dropped and replaced
// by the pool; a job whose transaction it cut fails and is retried (E3). Logged, never fatal.
onDbConnectionError((err, where) => log.warn({ err: err.message, where }, "PostgreSQL connection lost"));
let shuttingDown = false;

const runtime = await startWorker({
  db,
  redisUrl: env.REDIS_URL,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  lockMs: env.WORKER_LOCK_MS,
  relayIntervalMs: env.RELAY_INTERVAL_MS,
  relayBatch: env.RELAY_BATCH,
  redriveAfterMs: env.OUTBOX_REDRIVE_AFTER_MS,
  redriveWindowMs: env.OUTBOX_REDRIVE_WINDOW_MS,
  processorUrl: env.PROCESSOR_URL,
  payments: {
    reconcileGraceMs: env.PAYMENT_RECONCILE_GRACE_MS,
    reconcileIntervalMs: env.PAYMENT_RECONCILE_INTERVAL_MS,
    refundMaxBackoffMs: env.REFUND_MAX_BACKOFF_MS,
    refundAlertAfter: env.REFUND_ALERT_AFTER,
  },
  webhooks: {
    allowLocal: env.WEBHOOK_ALLOW_LOCAL,
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    concurrency: env.WEBHOOK_CONCURRENCY,
    ...(env.KEY_ENCRYPTION_SECRET || env.AUTH_SECRET ? { sealSecret: env.KEY_ENCRYPTION_SECRET ?? env.AUTH_SECRET } : {}),
    ...(env.WEBHOOK_RETRY_SCHEDULE_MS ? { retryScheduleMs: env.WEBHOOK_RETRY_SCHEDULE_MS } : {}),
  },
  messages: { providers: messageProviders(env, db, log), maxBackoffMs: env.MESSAGE_MAX_BACKOFF_MS },
  arrangementSweepMs: env.ARRANGEMENT_SWEEP_MS,
  log,
});
if (env.NODE_ENV === "production" && !env.KEY_ENCRYPTION_SECRET && !env.AUTH_SECRET) {
  log.warn("neither KEY_ENCRYPTION_SECRET nor AUTH_SECRET is set: webhook secrets sealed by web with its secret will not open here (set the same as web's)");
}
const registry = workerMetrics(runtime, db, env.WORKER_ID);
registerPaymentMetrics(registry, runtime.payments, db, env.REFUND_ALERT_AFTER);
// After the last metric: a collector whose source is down keeps its last value (E2, E3).
hardenCollectors(registry);

async function readiness() {
  const checks: Record<string, string> = {};
  try {
    await db.$queryRaw`SELECT 1`;
    checks.database = "ok";
  } catch (e) {
    checks.database = `down: ${(e as Error).message}`;
  }
  try {
    await runtime.connection.ping();
    checks.redis = "ok";
  } catch (e) {
    checks.redis = `down: ${(e as Error).message}`;
  }
  checks.shutdown = shuttingDown ? "draining" : "no";
  return { ready: checks.database === "ok" && checks.redis === "ok" && !shuttingDown, checks, stats: runtime.stats };
}

const server = createServer((req, res) => {
  const send = (status: number, body: object) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  if (req.url === "/health/live") return send(200, { status: "ok" });
  if (req.url === "/health/ready") {
    void readiness().then((r) => send(r.ready ? 200 : 503, r));
    return;
  }
  if (req.url === "/metrics") {
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": registry.contentType });
        res.end(text);
      },
      (err: Error) => send(500, { error: err.message }),
    );
    return;
  }
  send(404, { error: "not found" });
});
server.listen(env.WORKER_HEALTH_PORT, env.WORKER_HEALTH_HOST, () => {
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : env.WORKER_HEALTH_PORT;
  log.info({ worker: env.WORKER_ID, healthPort: port, concurrency: env.WORKER_CONCURRENCY }, "worker ready");
});

async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  log.info({ signal }, "worker shutting down: finishing running jobs");
  const force = setTimeout(() => {
    log.error({ graceMs: env.SHUTDOWN_GRACE_MS }, "grace period over; exiting with jobs handed back");
    process.exit(1);
  }, env.SHUTDOWN_GRACE_MS);
  force.unref();
  await runtime.stop();
  await closeDbs();
  server.close();
  log.info({}, "worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
