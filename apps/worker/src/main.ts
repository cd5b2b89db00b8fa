// The worker process: consumes domain jobs, relays the outbox, serves /health/live and
// /health/ready and Prometheus /metrics on its own port, and shuts down gracefully on SIGTERM (C6).
import { createServer } from "node:http";
import { createLogger } from "@bloom/app";
import { closeDbs, getDb } from "@bloom/db";
import { env } from "./env";
import { workerMetrics } from "./metrics";
import { startWorker } from "./runtime";

const log = createLogger({ level: env.LOG_LEVEL, base: { service: "worker", worker: env.WORKER_ID } });
const db = getDb(env.DATABASE_URL, env.DB_POOL_SIZE);
let shuttingDown = false;

const runtime = await startWorker({
  db,
  redisUrl: env.REDIS_URL,
  prefix: env.QUEUE_PREFIX,
  concurrency: env.WORKER_CONCURRENCY,
  lockMs: env.WORKER_LOCK_MS,
  relayIntervalMs: env.RELAY_INTERVAL_MS,
  relayBatch: env.RELAY_BATCH,
  paymentLatency: env.paymentLatency,
  log,
});
const registry = workerMetrics(runtime, db, env.WORKER_ID);

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
