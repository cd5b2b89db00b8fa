// `npm run ops:rolling`: a rolling restart under load on one machine, with real parts (C6, C7).
// Two web processes (the production build, apps/web/server.mjs) behind Debian's nginx, two
// workers; a load of signed-in customers places orders through tRPC for OPS_DURATION_SEC (60 s)
// while every process is restarted one at a time: a web process is taken out of nginx through its
// readiness endpoint (it turns 503 on SIGTERM and drains), restarted, and put back once ready; a
// worker finishes its running jobs, exits and is restarted. Afterwards every placed order must be
// on its store's board. The last line is `availability: <percent>% (<ok> ok / <total> total)`.
//
// Its own database (bloom_ops), Redis db (2), queue prefix and loopback ports (OPS_PORT, default
// 3200 for nginx, +1/+2 web, +11/+12 worker health, +20 the sandbox card processor with its own
// ledger database bloom_ops_processor), so it never disturbs dev data or tests. The processor is
// not restarted: it stands for the provider, which is not part of the rollout.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  DEFAULT_REDIS_URL,
  authSecret,
  trackingLinkSecret,
  defaultDatabaseUrl,
  ensureDatabase,
  ensureNginx,
  ensureNodeModules,
  ensurePostgres,
  ensureRedis,
  fail,
  migrateAndSeed,
  pgClient,
  ROOT,
  run,
  sleep,
  step,
} from "../lib/services.mjs";
import { percentile, placeOrders, signUpAndSignIn } from "./load.mjs";
import { Balancer } from "./nginx.mjs";

const PORT = Number(process.env.OPS_PORT ?? 3200);
const DURATION_MS = Number(process.env.OPS_DURATION_SEC ?? 60) * 1000;
const CUSTOMERS = Number(process.env.OPS_CUSTOMERS ?? 12);
const MAX_REQUESTS = Number(process.env.OPS_MAX_REQUESTS ?? 200_000);
const OUT = path.join(ROOT, ".bloom", "ops", new Date().toISOString().replace(/[:.]/g, "-"));
const t0 = Date.now();
const log = (msg) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${msg}`);

// ── environment ───────────────────────────────────────────────────────────────────────────────
const dbUrl = new URL(process.env.DATABASE_URL || defaultDatabaseUrl("bloom"));
dbUrl.pathname = "/bloom_ops";
const redisUrl = new URL(process.env.REDIS_URL || DEFAULT_REDIS_URL);
redisUrl.pathname = "/2";
const base = `http://127.0.0.1:${PORT}`;
const processorDbUrl = new URL(dbUrl);
processorDbUrl.pathname = `${dbUrl.pathname}_processor`;
const PROCESSOR = { name: "processor", port: PORT + 20 };
const processorUrl = `http://127.0.0.1:${PROCESSOR.port}`;
const env = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: dbUrl.toString(),
  REDIS_URL: redisUrl.toString(),
  QUEUE_PREFIX: "bloom-ops",
  AUTH_SECRET: authSecret(),
  TRACKING_LINK_SECRET: trackingLinkSecret(),
  NEXTAUTH_URL: base,
  // The load is many orders a minute per customer by design; the limits have their own tests.
  RATE_LIMIT_SIGNIN_PER_MIN: "100000",
  RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: "100000",
  RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: "100000",
  RATE_LIMIT_ORDERS_PER_MIN: "100000",
  PROCESSOR_URL: processorUrl,
  // The sandbox processor shares these two cores with everything else, and a restarting
  // process (Next's start, the worker's TypeScript load) takes most of them for seconds: the 2 s
  // production timeout would then measure CPU contention here, not the processor nor restarts.
  PAYMENT_TIMEOUT_MS: process.env.PAYMENT_TIMEOUT_MS ?? "10000",
  SHUTDOWN_GRACE_MS: "20000",
  LOG_LEVEL: "info",
};
const WEBS = [
  { name: "web-1", port: PORT + 1 },
  { name: "web-2", port: PORT + 2 },
];
const WORKERS = [
  { name: "worker-1", port: PORT + 11 },
  { name: "worker-2", port: PORT + 12 },
];

// ── processes ─────────────────────────────────────────────────────────────────────────────────
const procs = new Map(); // name → { child, exited, generation }

function launch(name, cmd, args, extraEnv, cwd = ROOT) {
  const generation = (procs.get(name)?.generation ?? 0) + 1;
  const file = path.join(OUT, `${name}.${generation}.log`);
  const out = fs.openSync(file, "a");
  const child = spawn(cmd, args, { cwd, env: { ...env, ...extraEnv }, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const exited = new Promise((r) => child.on("exit", (code, signal) => r(code ?? signal)));
  procs.set(name, { child, exited, generation });
  return procs.get(name);
}

const startWeb = (w) =>
  launch(w.name, process.execPath, ["server.mjs", "-p", String(w.port), "-H", "127.0.0.1"], { TRUST_PROXY: "1", SHUTDOWN_DRAIN_MS: "1500" }, path.join(ROOT, "apps/web"));
// A processor with some latency, so restarts really do land on requests in flight.
const startProcessor = () =>
  launch(PROCESSOR.name, process.execPath, ["--import", "tsx", "apps/processor/src/main.ts"], {
    PROCESSOR_PORT: String(PROCESSOR.port),
    PROCESSOR_HOST: "127.0.0.1",
    PROCESSOR_DATABASE_URL: processorDbUrl.toString(),
    PAYMENT_SANDBOX_LATENCY_MS: process.env.PAYMENT_SANDBOX_LATENCY_MS ?? "20-80",
  });
const startWorker = (w) =>
  launch(w.name, process.execPath, ["apps/worker/dist/main.js"], {
    WORKER_ID: w.name,
    WORKER_HEALTH_PORT: String(w.port),
    WORKER_HEALTH_HOST: "127.0.0.1",
  });

async function waitReady(url, what, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(1000) }).then((r) => r.status === 200, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${what} was not ready within ${ms / 1000} s (logs in ${OUT})`);
}
const webReady = (w) => waitReady(`http://127.0.0.1:${w.port}/api/health/ready`, w.name);
const workerReady = (w) => waitReady(`http://127.0.0.1:${w.port}/health/ready`, w.name);

async function until(check, ms, what) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer().once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

let balancer;
async function stopAll() {
  balancer?.unwatch(); // processes stopping now is the end of the run, not a change to route around
  await Promise.all(
    [...procs.values()].map(async (p) => {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
      await Promise.race([p.exited, sleep(25_000)]);
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
    }),
  );
  await balancer?.stop();
}
let interrupted = false;
process.on("SIGINT", () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  console.error("\ninterrupted: stopping every process");
  void stopAll().then(() => process.exit(130));
});

// ── the rolling restart ───────────────────────────────────────────────────────────────────────
const restarts = [];

async function restartWeb(w) {
  const old = procs.get(w.name);
  const t = Date.now();
  log(`${w.name}: SIGTERM (readiness turns 503, drains)`);
  old.child.kill("SIGTERM");
  await until(() => !balancer.isUp(w.name), 10_000, `${w.name} to leave nginx`);
  const code = await old.exited;
  log(`${w.name}: exited (${code}) after ${Date.now() - t} ms; starting again`);
  startWeb(w);
  await webReady(w);
  await until(() => balancer.isUp(w.name), 10_000, `${w.name} back in nginx`);
  log(`${w.name}: ready and back in nginx after ${Date.now() - t} ms`);
  restarts.push({ name: w.name, exit: code, ms: Date.now() - t });
}

async function restartWorker(w) {
  const old = procs.get(w.name);
  const t = Date.now();
  log(`${w.name}: SIGTERM (finishes running jobs)`);
  old.child.kill("SIGTERM");
  const code = await old.exited;
  log(`${w.name}: exited (${code}) after ${Date.now() - t} ms; starting again`);
  startWorker(w);
  await workerReady(w);
  log(`${w.name}: ready after ${Date.now() - t} ms`);
  restarts.push({ name: w.name, exit: code, ms: Date.now() - t });
}

async function rollEverything(loadEndsAt) {
  await sleep(5000); // the load runs on a steady system first
  let round = 0;
  // One round restarts all four processes; another starts only if it can finish under load.
  while (round === 0 || Date.now() + 40_000 < loadEndsAt) {
    round++;
    for (const w of WEBS) {
      await restartWeb(w);
      await sleep(2000);
    }
    for (const w of WORKERS) {
      await restartWorker(w);
      await sleep(2000);
    }
  }
}

// ── main ──────────────────────────────────────────────────────────────────────────────────────
let stats;
let boardCheck;
try {
  fs.mkdirSync(OUT, { recursive: true });
  await ensureNodeModules(ROOT);
  const nginx = await ensureNginx();
  await step("PostgreSQL", () => ensurePostgres(env.DATABASE_URL));
  await step("Redis", () => ensureRedis(env.REDIS_URL));
  await step("database bloom_ops", () => ensureDatabase(env.DATABASE_URL));
  await step("database bloom_ops_processor (card processor)", () => ensureDatabase(processorDbUrl.toString()));
  await migrateAndSeed({ DATABASE_URL: env.DATABASE_URL, REDIS_URL: env.REDIS_URL });
  await step("build web and worker", () => run("npx", ["turbo", "run", "build", "--filter=@bloom/web", "--filter=@bloom/worker"], { env: { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" } }));

  for (const port of [PORT, ...WEBS.map((w) => w.port), ...WORKERS.map((w) => w.port), PROCESSOR.port]) {
    if (!(await portFree(port))) fail(`port ${port} is in use; set OPS_PORT to a free range (it uses +0..+20)`);
  }

  // What the customers order: in-stock bouquets of the demo shops.
  const pg = pgClient({ connectionString: env.DATABASE_URL });
  await pg.connect();
  const { rows: menu } = await pg.query(
    "SELECT b.id, b.store_id FROM store_bouquets b WHERE b.active AND b.stock >= 1 ORDER BY b.store_id, b.id",
  );
  if (menu.length === 0) fail("the bloom_ops catalog has no bouquet in stock (seed failed?)");
  const deliveryDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date(Date.now() + 86_400_000));
  const order = (i) => {
    const b = menu[i % menu.length];
    return {
      storeId: b.store_id,
      items: [{ bouquetId: b.id, quantity: 1 }],
      delivery: { recipientName: "Load Test", recipientPhone: "010-9876-5432", address: "88 Eulji-ro, Jung-gu, Seoul", deliveryDate, timeSlot: "12-15", giftMessage: "" },
      card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
    };
  };

  await step("start the card processor, 2 web + 2 workers", async () => {
    startProcessor();
    await waitReady(`${processorUrl}/health`, PROCESSOR.name);
    WEBS.forEach(startWeb);
    WORKERS.forEach(startWorker);
    await Promise.all([...WEBS.map(webReady), ...WORKERS.map(workerReady)]);
  });
  balancer = new Balancer({ bin: nginx, prefix: path.join(OUT, "nginx"), port: PORT, backends: WEBS, log });
  await step(`nginx on 127.0.0.1:${PORT}`, async () => {
    await balancer.start();
    balancer.watch();
    await until(() => WEBS.every((w) => balancer.isUp(w.name)), 10_000, "both web processes in nginx");
    await waitReady(`${base}/api/health/live`, "nginx");
  });

  const cookies = await step(`sign up and sign in ${CUSTOMERS} customers through nginx`, () => {
    const run = `${Date.now().toString(36)}`;
    return Promise.all(Array.from({ length: CUSTOMERS }, (_, i) => signUpAndSignIn(base, `ops-${run}-${i}@bloom.test`, "peony-lantern-harbour-42")));
  });

  log(`load: ${CUSTOMERS} customers placing orders for ${DURATION_MS / 1000} s; every process restarted one at a time`);
  const loadEndsAt = Date.now() + DURATION_MS;
  const load = placeOrders({
    base,
    cookies,
    durationMs: DURATION_MS,
    maxRequests: MAX_REQUESTS,
    order,
    onProgress: (s) => log(`load: ${s.ok} ok / ${s.total} total`),
  });
  const roll = rollEverything(loadEndsAt);
  stats = await load;
  await roll;
  log(`load done: ${stats.total} requests, p50 ${percentile(stats.latencies, 50).toFixed(0)} ms, p99 ${percentile(stats.latencies, 99).toFixed(0)} ms`);

  // Every placed order must reach its store's board (through the outbox, the queue and a worker).
  const ids = stats.orderIds;
  const deadline = Date.now() + 120_000;
  let onBoard = 0;
  while (Date.now() < deadline) {
    ({ rows: [{ n: onBoard }] } = await pg.query("SELECT count(*)::int AS n FROM store_orders WHERE order_id = ANY($1::uuid[]) AND recipient_name <> ''", [ids]));
    if (onBoard === ids.length) break;
    await sleep(500);
  }
  const { rows: [{ n: stored }] } = await pg.query("SELECT count(*)::int AS n FROM ordering_orders WHERE id = ANY($1::uuid[])", [ids]);
  await pg.end();
  boardCheck = { placed: ids.length, stored, onBoard };
} catch (err) {
  console.error(`\n✖ ${err.message}`);
  process.exitCode = 1;
} finally {
  await stopAll();
}

if (stats) {
  const traffic = balancer?.traffic() ?? { requests: 0, byUpstream: {}, retried: 0 };
  const lines = [
    `restarts: ${restarts.map((r) => `${r.name} (exit ${r.exit}, back in ${(r.ms / 1000).toFixed(1)} s)`).join(", ")}`,
    `nginx: ${traffic.requests} requests, by process ${JSON.stringify(traffic.byUpstream)}, ${traffic.retried} retried on the other process, ${balancer?.reloads ?? 0} reloads`,
    `failures: ${Object.keys(stats.failures).length ? JSON.stringify(stats.failures) : "none"}`,
    `latency: p50 ${percentile(stats.latencies, 50).toFixed(0)} ms, p95 ${percentile(stats.latencies, 95).toFixed(0)} ms, p99 ${percentile(stats.latencies, 99).toFixed(0)} ms, max ${Math.max(0, ...stats.latencies).toFixed(0)} ms`,
    boardCheck
      ? `store boards: ${boardCheck.onBoard} of ${boardCheck.placed} placed orders on their board (${boardCheck.stored} stored)`
      : "store boards: not checked (the run failed)",
    `logs: ${path.relative(ROOT, OUT)}`,
  ];
  const pct = stats.total ? (100 * stats.ok) / stats.total : 0;
  const summary = `availability: ${pct.toFixed(2)}% (${stats.ok} ok / ${stats.total} total)`;
  fs.writeFileSync(path.join(OUT, "result.txt"), [...lines, summary].join("\n") + "\n");
  console.log(`\n${lines.join("\n")}`);
  if (!boardCheck || boardCheck.onBoard !== boardCheck.placed || stats.ok !== stats.total) process.exitCode = 1;
  console.log(summary);
} else {
  console.log("availability: 0.00% (0 ok / 0 total)");
}
