// The system under test: its own database (bloom_bench), its own Redis port and queue prefix, the
// production web build and worker processes on their own ports, and the sandbox card processor
// (its own process and ledger database, bloom_bench_processor), started and stopped by the bench.
import { execFileSync, execSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import {
  authSecret,
  trackingLinkSecret,
  defaultDatabaseUrl,
  ensureDatabase,
  ensureNodeModules,
  ensurePostgres,
  ensureRedis,
  ROOT,
  run,
  sleep,
  step,
} from "../../scripts/lib/services.mjs";

export const LOG_DIR = path.join(ROOT, "bench", "results", "logs.tmp");

export function benchConfig() {
  const db = new URL(process.env.DATABASE_URL || defaultDatabaseUrl("bloom"));
  db.pathname = "/bloom_bench";
  const databaseUrl = process.env.BENCH_DATABASE_URL || db.toString();
  const processorDb = new URL(databaseUrl);
  processorDb.pathname = `${processorDb.pathname}_processor`;
  const processorPort = Number(process.env.BENCH_PROCESSOR_PORT || 3193);
  return {
    databaseUrl,
    processorDatabaseUrl: processorDb.toString(),
    processorPort,
    processorUrl: `http://127.0.0.1:${processorPort}`,
    // A Redis of its own (started on this port when nothing answers there): queues, rate-limit
    // counters and live-update traffic of the bench never mix with a developer's or the tests'.
    redisUrl: process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6391",
    webPort: Number(process.env.BENCH_WEB_PORT || 3190),
    workerPorts: [3191, 3192].map((p, i) => Number(process.env[`BENCH_WORKER${i + 1}_PORT`] || p)),
    queuePrefix: "bench",
  };
}

/**
 * The code under test. By default a clean export of the commit being measured (git archive HEAD,
 * node_modules hard-linked), built there: the figures then belong to exactly the commit recorded
 * with them, and neither uncommitted work nor a build started by someone else in the shared tree
 * can change or break what is measured. `--working-tree` measures the working tree in place.
 */
export function codeUnderTest({ workingTree = false } = {}) {
  // BENCH_COMMIT=<rev> measures another commit with this harness (a before/after in one sitting).
  const commit = git("rev-parse", workingTree ? "HEAD" : process.env.BENCH_COMMIT || "HEAD");
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  if (workingTree) return { dir: ROOT, commit, dirty, snapshot: false };
  const parent = path.join(os.tmpdir(), "bloom-bench");
  const dir = path.join(parent, commit.slice(0, 12));
  if (!fs.existsSync(path.join(dir, ".complete"))) {
    fs.rmSync(parent, { recursive: true, force: true }); // one snapshot at a time: bounded disk
    fs.mkdirSync(dir, { recursive: true });
    sh(`git -C ${q(ROOT)} archive ${commit} | tar -x -C ${q(dir)}`);
    // Hard links: seconds, no extra disk. Workspace links (@bloom/*) are relative, so they point
    // into the snapshot. The generated Prisma client is copied for real, since generate rewrites it.
    for (const nm of nodeModulesDirs()) sh(`cp -al ${q(path.join(ROOT, nm))} ${q(path.join(dir, nm))}`);
    for (const gen of ["node_modules/.prisma", "node_modules/@prisma/client"]) {
      if (!fs.existsSync(path.join(ROOT, gen))) continue;
      fs.rmSync(path.join(dir, gen), { recursive: true, force: true });
      sh(`cp -r ${q(path.join(ROOT, gen))} ${q(path.join(dir, gen))}`);
    }
    fs.writeFileSync(path.join(dir, ".complete"), commit);
  }
  return { dir, commit, dirty, snapshot: true };
}

const q = (s) => `'${s.replaceAll("'", "'\\''")}'`;
const sh = (cmd) => execSync(cmd, { stdio: ["ignore", "ignore", "inherit"], shell: "/bin/sh" });
const git = (...args) => execFileSync("git", ["-C", ROOT, ...args], { encoding: "utf8" }).trim();

function nodeModulesDirs() {
  const out = ["node_modules"];
  for (const group of ["apps", "packages", "playwright"]) {
    const base = path.join(ROOT, group);
    if (!fs.existsSync(base)) continue;
    if (fs.existsSync(path.join(base, "node_modules"))) out.push(`${group}/node_modules`);
    for (const d of fs.readdirSync(base)) if (fs.existsSync(path.join(base, d, "node_modules"))) out.push(`${group}/${d}/node_modules`);
  }
  return out;
}

/** Services, the bench database (migrated, demo-seeded), and the production build of the code. */
export async function prepare(cfg, code, { build = true } = {}) {
  await ensureNodeModules(ROOT);
  const env = { ...process.env, DATABASE_URL: cfg.databaseUrl, REDIS_URL: cfg.redisUrl };
  await step("PostgreSQL", () => ensurePostgres(cfg.databaseUrl));
  const redisWasUp = await redisCommand(cfg.redisUrl, "PING").then((r) => r.includes("PONG"), () => false);
  await step("Redis (bench)", () => ensureRedis(cfg.redisUrl));
  await step("database bloom_bench", () => ensureDatabase(cfg.databaseUrl));
  await step("database bloom_bench_processor (card processor)", () => ensureDatabase(cfg.processorDatabaseUrl));
  const db = path.join(code.dir, "packages/db");
  await step("migrate + generate + seed", async () => {
    // `migrate deploy` lingers ~10 s after its work, so it runs only when `status` finds one pending.
    const status = spawnSync("npx", ["prisma", "migrate", "status"], { env, cwd: db, encoding: "utf8" });
    if (status.status !== 0) await run("npx", ["prisma", "migrate", "deploy"], { env, cwd: db });
    await run("npx", ["prisma", "generate"], { env, cwd: db });
    await run("npm", ["run", "seed", "-w", "@bloom/db"], { env, cwd: code.dir });
  });
  if (build) {
    await step("build web (production)", () =>
      run("npm", ["run", "build", "-w", "@bloom/web"], {
        env: { ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
        cwd: code.dir,
      }),
    );
  }
  // The worker runs compiled JavaScript (npm start = node dist/main.js); an older commit runs it
  // through tsx and has no build script.
  const workerPkg = JSON.parse(fs.readFileSync(path.join(code.dir, "apps/worker/package.json"), "utf8"));
  if (build && workerPkg.scripts?.build) await step("build worker", () => run("npm", ["run", "build", "-w", "@bloom/worker"], { env, cwd: code.dir }));
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
  return { startedRedis: !redisWasUp };
}

/** Environment of the web process. Limits are raised so the bench measures the system, not them. */
export function webEnv(cfg, over = {}) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: cfg.databaseUrl,
    REDIS_URL: cfg.redisUrl,
    PORT: String(cfg.webPort),
    NEXTAUTH_URL: `http://127.0.0.1:${cfg.webPort}`,
    AUTH_SECRET: authSecret(),
    // X2: production refuses to start without it (web and worker sign the same links).
    TRACKING_LINK_SECRET: trackingLinkSecret(),
    SANDBOX_CONTROL: "on",
    PROCESSOR_URL: cfg.processorUrl,
    RATE_LIMIT_SIGNIN_PER_MIN: "1000000",
    RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: "1000000",
    RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: "1000000",
    RATE_LIMIT_ORDERS_PER_MIN: "1000000",
    // One server process per core (node:cluster in apps/web/server.mjs), as a single host runs it.
    WEB_CONCURRENCY: String(webProcesses()),
    ...over,
  };
}

export const webProcesses = () => Number(process.env.BENCH_WEB_CONCURRENCY || os.cpus().length);

export function workerEnv(cfg, i, over = {}) {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: cfg.databaseUrl,
    REDIS_URL: cfg.redisUrl,
    QUEUE_PREFIX: cfg.queuePrefix,
    WORKER_HEALTH_PORT: String(cfg.workerPorts[i]),
    WORKER_HEALTH_HOST: "127.0.0.1",
    WORKER_ID: `bench-worker-${i + 1}`,
    PROCESSOR_URL: cfg.processorUrl,
    TRACKING_LINK_SECRET: trackingLinkSecret(),
    ...over,
  };
}

const children = new Set();

/** Spawns `npm run start -w <pkg>` in its own process group, logging to bench/results/logs.tmp. */
function launch(name, pkg, args, env, cwd) {
  const log = fs.openSync(path.join(LOG_DIR, `${name}.log`), "a");
  const child = spawn("npm", ["run", "start", "-w", pkg, ...(args.length ? ["--", ...args] : [])], {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  const proc = { name, child, exited: false };
  child.on("exit", () => {
    proc.exited = true;
    children.delete(proc);
  });
  children.add(proc);
  return proc;
}

/** Refuses a port that something already listens on: we would measure that process, not ours. */
async function ensureFree(port) {
  const inUse = await new Promise((resolve) => {
    const sock = net.connect({ host: "127.0.0.1", port });
    sock.once("connect", () => (sock.destroy(), resolve(true)));
    sock.once("error", () => resolve(false));
  });
  if (inUse) throw new Error(`port ${port} is already in use (an earlier bench still running?); set BENCH_WEB_PORT / BENCH_WORKER1_PORT / BENCH_WORKER2_PORT / BENCH_PROCESSOR_PORT`);
}

async function waitHttp(url, proc, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (proc.exited) throw new Error(`${proc.name} exited during start-up (see bench/results/logs.tmp/${proc.name}.log)`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.status === 200, () => false);
    if (ok) return;
    await sleep(300);
  }
  throw new Error(`${url} did not answer 200 within ${ms / 1000} s`);
}

/** The sandbox card processor: instant by default; scenarios set its latency and outages at run time. */
export function processorEnv(cfg, over = {}) {
  return {
    ...process.env,
    NODE_ENV: "production",
    PROCESSOR_PORT: String(cfg.processorPort),
    PROCESSOR_HOST: "127.0.0.1",
    PROCESSOR_DATABASE_URL: cfg.processorDatabaseUrl,
    PAYMENT_SANDBOX_LATENCY_MS: "0",
    PAYMENT_SANDBOX_FAILURE_RATE: "0",
    // One line per charge is the processor's audit trail, but at thousands a second it is CPU
    // the machine under test needs: warnings only (fault injection, errors).
    LOG_LEVEL: "warn",
    ...over,
  };
}

export async function startProcessor(cfg, code, over = {}) {
  await ensureFree(cfg.processorPort);
  const proc = launch("processor", "@bloom/processor", [], processorEnv(cfg, over), code.dir);
  await waitHttp(`${cfg.processorUrl}/health`, proc, 60_000);
  // A clean ledger per run: the orphan and unpaid counts compare it with this run's payments.
  const reset = await fetch(`${cfg.processorUrl}/v1/sandbox/reset`, { method: "POST" });
  if (!reset.ok) throw new Error(`processor reset: HTTP ${reset.status}`);
  return proc;
}

export async function startWeb(cfg, code, over = {}) {
  await ensureFree(cfg.webPort);
  const proc = launch("web", "@bloom/web", ["-p", String(cfg.webPort), "-H", "127.0.0.1"], webEnv(cfg, over), code.dir);
  await waitHttp(`http://127.0.0.1:${cfg.webPort}/api/health/ready`, proc, 120_000);
  return proc;
}

export async function startWorker(cfg, code, i, over = {}) {
  await ensureFree(cfg.workerPorts[i]);
  const proc = launch(`worker${i + 1}`, "@bloom/worker", [], workerEnv(cfg, i, over), code.dir);
  await waitHttp(`http://127.0.0.1:${cfg.workerPorts[i]}/health/ready`, proc, 120_000);
  return proc;
}

/** SIGTERM to the process group, then SIGKILL after `graceMs`; resolves when it has exited. */
export async function stop(proc, graceMs = 15_000) {
  if (!proc || proc.exited) return;
  const signal = (s) => {
    try {
      process.kill(-proc.child.pid, s);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (!proc.exited && Date.now() < deadline) await sleep(100);
  if (!proc.exited) signal("SIGKILL");
  while (!proc.exited) await sleep(50);
}

export async function stopAll() {
  await Promise.all([...children].map((p) => stop(p)));
}

/** Every pid in a process's tree (npm → sh → node …), for CPU accounting. */
export function treePids(rootPid) {
  const parent = new Map();
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited while we looked
    }
  }
  const out = [rootPid];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

/** One Redis command over a raw socket (no client library needed); resolves with the reply text. */
export function redisCommand(url, ...words) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: u.hostname || "127.0.0.1", port: Number(u.port || 6379), timeout: 2000 });
    let reply = "";
    sock.once("connect", () => sock.write(`*${words.length}\r\n${words.map((w) => `$${Buffer.byteLength(w)}\r\n${w}\r\n`).join("")}`));
    sock.on("data", (d) => {
      reply += d;
      if (reply.endsWith("\r\n")) sock.end();
    });
    sock.once("end", () => resolve(reply));
    sock.once("close", () => resolve(reply));
    sock.once("timeout", () => (sock.destroy(), reject(new Error("redis timeout"))));
    sock.once("error", reject);
  });
}
