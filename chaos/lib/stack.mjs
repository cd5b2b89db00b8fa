// The chaos suite's own stack, on loopback only: databases bloom_chaos and bloom_chaos_processor
// on the local PostgreSQL (dropped and recreated each run, then migrated and seeded like
// scripts/setup.mjs does), a redis-server of its own on a spare port with its files in a temp dir
// (AOF on, as production), the sandbox processor, two web processes (apps/web/server.mjs over the
// `next build`) and two workers (apps/worker/src/main.ts via tsx). Every process runs in its own
// process group, so a SIGKILL hits it whole, and everything is torn down on exit, failure or Ctrl-C.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  authSecret,
  defaultDatabaseUrl,
  ensureDatabase,
  ensureNodeModules,
  ensurePostgres,
  migrateAndSeed,
  pgClient,
  ROOT,
  run,
  sleep,
  step,
} from "../../scripts/lib/services.mjs";
import { processorEnv, redisCommand, stop, webEnv, workerEnv } from "../../bench/lib/stack.mjs";

export const LOG_DIR = path.join(ROOT, "chaos", "results", "logs");
export const QUEUE_PREFIX = "chaos";
/** Short settings, so the suite settles in seconds: reconciler grace and outbox redrive T. */
export const RECONCILE_GRACE_MS = 5000;
export const REDRIVE_AFTER_MS = 5000;

const withDb = (url, name) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A port nothing listens on right now (the kernel picks it; loopback only). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function chaosConfig() {
  const base = process.env.DATABASE_URL || defaultDatabaseUrl("bloom");
  const [redisPort, processorPort, web1, web2, worker1, worker2] = await distinctPorts(6);
  return {
    databaseUrl: withDb(base, "bloom_chaos"),
    processorDatabaseUrl: withDb(base, "bloom_chaos_processor"),
    redisPort,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    processorPort,
    processorUrl: `http://127.0.0.1:${processorPort}`,
    webPorts: [web1, web2],
    workerPorts: [worker1, worker2],
    queuePrefix: QUEUE_PREFIX,
  };
}

async function distinctPorts(n) {
  const out = new Set();
  while (out.size < n) out.add(await freePort());
  return [...out];
}

// ── databases ─────────────────────────────────────────────────────────────────────────────────

async function dropDatabase(url) {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const client = pgClient({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: "postgres",
  });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replaceAll('"', '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Fresh databases every run, so the audit at the end covers exactly this run. */
export async function prepareDatabases(cfg) {
  await ensureNodeModules(ROOT);
  await step("PostgreSQL", () => ensurePostgres(cfg.databaseUrl));
  await step("databases bloom_chaos, bloom_chaos_processor (recreated)", async () => {
    await dropDatabase(cfg.databaseUrl);
    await dropDatabase(cfg.processorDatabaseUrl);
    await ensureDatabase(cfg.databaseUrl);
    await ensureDatabase(cfg.processorDatabaseUrl);
  });
  await migrateAndSeed({ DATABASE_URL: cfg.databaseUrl, REDIS_URL: cfg.redisUrl, PROCESSOR_DATABASE_URL: cfg.processorDatabaseUrl });
}

/** The production build the web processes run (turbo replays it from cache when nothing changed). */
export function buildWeb() {
  return step("build web (npx turbo run build --filter=@bloom/web)", () =>
    run("npx", ["turbo", "run", "build", "--filter=@bloom/web", "--output-logs=errors-only"], {
      env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
    }),
  );
}

/**
 * A copy of apps/web's run-time files (server.mjs, config, public, and the `.next` build without its
 * cache and standalone bundle: ~30 MB) in chaos/.web-snapshot, taken right after the build: the web
 * processes, restarts included, run exactly that build even when another `next build` or a turbo
 * cache replay rewrites apps/web/.next during the run. Removed at teardown. Not src/ (the build has
 * it), so no second copy of the sources sits in the tree for linters to find.
 */
// Two levels below the root, like apps/web: the build's relative links (.next/node_modules/* →
// ../../../../node_modules/*) then resolve to the same packages.
export const RUN_DIR = path.join(ROOT, "chaos", ".web-snapshot");
export async function snapshotWeb() {
  const web = path.join(ROOT, "apps/web");
  const dir = RUN_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, ".next"), { recursive: true });
  for (const f of ["BUILD_ID", "routes-manifest.json", "prerender-manifest.json", "server"]) {
    if (!fs.existsSync(path.join(web, ".next", f))) throw new Error(`the web build in apps/web/.next is incomplete (no ${f}); is another build running? Run again.`);
  }
  const top = ["server.mjs", "next.config.ts", "package.json", "public", "node_modules"].filter((f) => fs.existsSync(path.join(web, f)));
  await run("cp", ["-r", ...top.map((f) => path.join(web, f)), dir]);
  const next = fs.readdirSync(path.join(web, ".next")).filter((f) => !["cache", "standalone", "trace", "trace-build"].includes(f));
  await run("cp", ["-r", ...next.map((f) => path.join(web, ".next", f)), path.join(dir, ".next")]);
  return dir;
}

// ── processes ─────────────────────────────────────────────────────────────────────────────────

const procs = new Set();
let redisDir = null;

/** Spawns `cmd` in its own process group, appending its output to chaos/results/logs/<name>.log. */
function launch(name, cmd, args, { env, cwd = ROOT }) {
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const file = path.join(LOG_DIR, `${name}.log`);
  fs.appendFileSync(file, `\n=== chaos: ${new Date().toISOString()} start ${cmd} ${args.join(" ")}\n`);
  const log = fs.openSync(file, "a");
  const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const proc = { name, child, pid: child.pid, exited: false, exitCode: null, signal: null, logFile: file, expectedExit: false };
  child.on("exit", (code, signal) => {
    proc.exited = true;
    proc.exitCode = code;
    proc.signal = signal;
    procs.delete(proc);
  });
  child.on("error", (err) => {
    proc.exited = true;
    proc.error = err.message;
    procs.delete(proc);
  });
  procs.add(proc);
  return proc;
}

async function waitFor(what, check, proc, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (proc?.exited) throw new Error(`${proc.name} exited during start-up (code ${proc.exitCode}, signal ${proc.signal}); see ${path.relative(ROOT, proc.logFile)}`);
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what} was not ready within ${ms / 1000} s${proc ? `; see ${path.relative(ROOT, proc.logFile)}` : ""}`);
}

const httpOk = (url) => fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200);

/** SIGKILL to the whole process group: a crash, nothing gets to clean up. Resolves once gone. */
export async function kill(proc) {
  if (!proc || proc.exited) return;
  proc.expectedExit = true;
  try {
    process.kill(-proc.pid, "SIGKILL");
  } catch {
    // already gone
  }
  const deadline = Date.now() + 10_000;
  while (!proc.exited && Date.now() < deadline) await sleep(20);
}

/** SIGTERM (graceful), SIGKILL after the grace period — bench/lib/stack.mjs's stop(). */
export async function terminate(proc, graceMs = 15_000) {
  if (!proc) return;
  proc.expectedExit = true;
  await stop(proc, graceMs);
}

// Redis: AOF on, fsync every second, never evict — as deploy/compose.yaml and `npm start` run it.
export function redisFiles() {
  return redisDir;
}

export async function startRedis(cfg) {
  redisDir ??= fs.mkdtempSync(path.join(os.tmpdir(), "bloom-chaos-redis-"));
  const proc = launch("redis", "redis-server", [
    "--port", String(cfg.redisPort), "--bind", "127.0.0.1", "--dir", redisDir, "--save", "",
    "--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction",
  ], { env: process.env, cwd: redisDir });
  await waitFor("redis", async () => (await redisCommand(cfg.redisUrl, "PING")).includes("PONG"), proc, 20_000);
  return proc;
}

/** Deletes Redis's AOF/RDB files (only while it is not running): it then starts empty. */
export function wipeRedisFiles() {
  if (!redisDir) return [];
  const removed = fs.readdirSync(redisDir);
  for (const f of removed) fs.rmSync(path.join(redisDir, f), { recursive: true, force: true });
  return removed;
}

export async function startProcessor(cfg) {
  // The bench's processor settings (bench/lib/stack.mjs), with a little latency as a real processor
  // has (crashes then hit charges in flight) and a line per charge, refund and void as evidence. Not
  // the bench's startProcessor: it resets the ledger, and scenario 4 restarts on the same ledger.
  const env = processorEnv(cfg, {
    PAYMENT_SANDBOX_LATENCY_MS: process.env.CHAOS_PAYMENT_LATENCY_MS || "20-80",
    PAYMENT_SANDBOX_REFUND_LATENCY_MS: "20-80",
    SHUTDOWN_GRACE_MS: "5000",
    LOG_LEVEL: "info",
  });
  const proc = launch("processor", process.execPath, ["--import", "tsx", path.join(ROOT, "apps/processor/src/main.ts")], { env });
  await waitFor("processor", () => httpOk(`${cfg.processorUrl}/health`), proc, 60_000);
  return proc;
}

export async function startWeb(cfg, i) {
  const port = cfg.webPorts[i];
  const env = webEnv(
    { databaseUrl: cfg.databaseUrl, redisUrl: cfg.redisUrl, webPort: port, processorUrl: cfg.processorUrl },
    {
      AUTH_SECRET: authSecret(),
      // Two separate web processes on two ports (one process each), not node:cluster.
      WEB_CONCURRENCY: "1",
      PROCESSOR_URL: cfg.processorUrl,
      QUEUE_PREFIX: cfg.queuePrefix,
      RATE_LIMIT_SIGNIN_PER_MIN: "1000000",
      RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: "1000000",
      RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: "1000000",
      RATE_LIMIT_ORDERS_PER_MIN: "1000000",
      SHUTDOWN_GRACE_MS: "10000",
      LOG_LEVEL: "info",
    },
  );
  const dir = cfg.webDir ?? path.join(ROOT, "apps/web");
  const proc = launch(`web${i + 1}`, process.execPath, [path.join(dir, "server.mjs"), "-p", String(port), "-H", "127.0.0.1"], { env, cwd: dir });
  await waitFor(`web${i + 1}`, () => httpOk(`http://127.0.0.1:${port}/api/health/ready`), proc, 120_000);
  return proc;
}

export async function startWorker(cfg, i) {
  const env = workerEnv({ databaseUrl: cfg.databaseUrl, redisUrl: cfg.redisUrl, queuePrefix: cfg.queuePrefix, workerPorts: cfg.workerPorts, processorUrl: cfg.processorUrl }, i, {
    WORKER_ID: `chaos-worker-${i + 1}`,
    PROCESSOR_URL: cfg.processorUrl,
    PAYMENT_RECONCILE_GRACE_MS: String(RECONCILE_GRACE_MS),
    OUTBOX_REDRIVE_AFTER_MS: String(REDRIVE_AFTER_MS),
    SHUTDOWN_GRACE_MS: "10000",
    LOG_LEVEL: "info",
  });
  const proc = launch(`worker${i + 1}`, process.execPath, ["--import", "tsx", "src/main.ts"], { env, cwd: path.join(ROOT, "apps/worker") });
  await waitFor(`worker${i + 1}`, () => httpOk(`http://127.0.0.1:${cfg.workerPorts[i]}/health/ready`), proc, 120_000);
  return proc;
}

/** Every process of the stack, newest first; redis last so workers do not spin on it. */
export async function teardown() {
  const all = [...procs];
  const redis = all.filter((p) => p.name === "redis");
  await Promise.all(all.filter((p) => p.name !== "redis").map((p) => terminate(p, 8000)));
  await Promise.all(redis.map((p) => kill(p)));
  if (redisDir) fs.rmSync(redisDir, { recursive: true, force: true });
  redisDir = null;
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
}

/** Last resort on process exit (synchronous): SIGKILL whatever is still running, remove temp dirs. */
export function killAllNow() {
  for (const p of procs) {
    try {
      process.kill(-p.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
  if (redisDir) fs.rmSync(redisDir, { recursive: true, force: true });
  fs.rmSync(RUN_DIR, { recursive: true, force: true });
}

/** Processes that died without being told to (a crash the suite did not cause). */
export function unexpectedExits(list) {
  return list.filter((p) => p.exited && !p.expectedExit).map((p) => `${p.name} (pid ${p.pid}) exited: code ${p.exitCode}, signal ${p.signal}`);
}
