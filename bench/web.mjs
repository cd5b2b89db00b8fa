// `npm run bench:web` (P1): page weight of every role page against a bare Next.js page.
// Builds a bare Next.js App Router page from the same node_modules and the production app (a clean
// export of HEAD, as `npm run bench` does), starts the card processor, web and worker on the web
// bench's own database (bloom_bench_web) and Redis, seeds a shop board with 300 orders, a
// customer's orders and a rider's requests through the API, signs in each role, and runs
// Lighthouse 12 (mobile, simulated throttling) in Debian's Chromium on each page and the bare page
// in the same run. Prints score, JS bytes, main-thread ms, LCP, TBT and CLS per page with their
// ratio to the bare page, and the JS of each route from the build's manifests against
// bench/web-budget.json; writes bench/results/web.json and web-report.md.
//
//   npm run bench:web                     one Lighthouse run per page
//   npm run bench:web -- --runs 3         three runs per page, the median of each figure
//   npm run bench:web -- --working-tree   measure the working tree in place (builds apps/web/.next
//                                          under flock /tmp/bloom-web.lock) instead of a clean HEAD
//   npm run bench:web -- --skip-build     reuse the snapshot's build when there is one
//   npm run bench:web -- --budget-only    only the JS per route from the build, against the budget
//   npm run bench:web -- --locale en      the English UI (default: Korean, the shops' language)
//   npm run bench:web -- --pages board,bare   only these pages (keys: see PAGES below)
process.env.TZ = "UTC";
process.env.NEXT_TELEMETRY_DISABLED = "1";

import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { ROOT, run, step } from "../scripts/lib/services.mjs";
import { loadAverage, waitForQuiet } from "./lib/cpu.mjs";
import { connect } from "./lib/db.mjs";
import { benchConfig, codeUnderTest, LOG_DIR, prepare, redisCommand, startProcessor, startWeb, startWorker, stopAll } from "./lib/stack.mjs";
import { round } from "./lib/stats.mjs";
import { bareEnv, buildBare, nextBin } from "./web/bare.mjs";
import { checkChromium, CHROME_PATH, killChromes, runLighthouse } from "./web/lighthouse.mjs";
import { medianOf, terminalTable, withRatios, writeWebResults } from "./web/report.mjs";
import { BUDGET_ROUTES, budgetReport, checkBudget, readBudget, routeBytes } from "./web/route-bytes.mjs";
import { resetOrders, seedPages } from "./web/seed.mjs";

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return fallback;
  return argv[i].includes("=") ? argv[i].split("=").slice(1).join("=") : argv[i + 1];
};
const RUNS = Number(option("--runs", 1));
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs takes a whole number ≥ 1");
const LOCALE = option("--locale", "ko");
const ACCEPT_LANGUAGE = { ko: "ko-KR,ko;q=0.9", en: "en-US,en;q=0.9" }[LOCALE];
if (!ACCEPT_LANGUAGE) throw new Error("--locale takes ko or en");
const RESULTS = path.join(ROOT, "bench", "results");
const LHR_DIR = path.join(RESULTS, "lighthouse.tmp");
const BUDGET_FILE = path.join(ROOT, "bench", "web-budget.json");
const WEB_LOCK = "/tmp/bloom-web.lock";
const log = (m) => console.log(`  · ${m}`);

// The pages, in the order of the issue; `route` is the build's route (its JS budget), `role` the
// signed-in account (bare: none).
const PAGES = [
  { key: "stores", label: "/stores", route: "/stores", role: "customer", path: () => "/stores" },
  { key: "store", label: "/stores/[id]", route: "/stores/[storeId]", role: "customer", path: (s) => `/stores/${s.storeId}` },
  { key: "checkout", label: "/checkout", route: "/checkout", role: "customer", path: () => "/checkout", cart: true },
  { key: "order", label: "/orders/[id]", route: "/orders/[orderId]", role: "customer", path: (s) => `/orders/${s.orderId}` },
  { key: "mypage", label: "/mypage", route: "/mypage", role: "customer", path: () => "/mypage" },
  // W3: the board opens on today; "all days" shows the seeded 300 (they are for later days).
  { key: "board", label: "/board (300 orders)", route: "/board", role: "owner", path: (s) => `/board?store=${s.storeId}&day=all` },
  { key: "deliveries", label: "/deliveries", route: "/deliveries", role: "rider", path: () => "/deliveries" },
  { key: "bare", label: "bare Next.js page", route: "/", role: null, path: () => "/", bare: true },
];
const only = option("--pages", null)?.split(",").map((s) => s.trim());
const pages = only ? PAGES.filter((p) => only.includes(p.key) || p.bare) : PAGES;

/**
 * The web bench's own database, Redis and ports (beside `npm run bench`'s, which may run at the
 * same time): each run empties its order tables, which must never touch another bench's data.
 */
function webBenchConfig() {
  const cfg = benchConfig();
  const db = new URL(cfg.databaseUrl);
  db.pathname = "/bloom_bench_web";
  const databaseUrl = process.env.BENCH_WEB_DATABASE_URL || db.toString();
  const processorDb = new URL(databaseUrl);
  processorDb.pathname = `${processorDb.pathname}_processor`;
  const port = (name, p) => Number(process.env[name] || p);
  const processorPort = port("BENCH_WEB_PROCESSOR_PORT", 3293);
  return {
    ...cfg,
    databaseUrl,
    processorDatabaseUrl: processorDb.toString(),
    processorPort,
    processorUrl: `http://127.0.0.1:${processorPort}`,
    redisUrl: process.env.BENCH_WEB_REDIS_URL || "redis://127.0.0.1:6392",
    webPort: port("BENCH_WEB_WEB_PORT", 3290),
    workerPorts: [port("BENCH_WEB_WORKER_PORT", 3291)],
    barePort: port("BENCH_WEB_BARE_PORT", 3294),
    queuePrefix: "benchweb",
  };
}

// ── the bare page's server (not one of stack.mjs's processes) ────────────────────────────────────
let bareServer = null;
async function startBare(dir, nodeModules, port) {
  const logFile = fs.openSync(path.join(LOG_DIR, "bare.log"), "a");
  const child = spawn(process.execPath, [nextBin(nodeModules), "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: dir, env: bareEnv(), detached: true, stdio: ["ignore", logFile, logFile] });
  fs.closeSync(logFile);
  bareServer = { child, exited: false };
  child.on("exit", () => (bareServer.exited = true));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (bareServer.exited) throw new Error("the bare page's server exited at start (see bench/results/logs.tmp/bare.log)");
    const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
    if (ok) return `http://127.0.0.1:${port}`;
    await new Promise((r) => setTimeout(r, 300));
  }
  const tail = fs.readFileSync(path.join(LOG_DIR, "bare.log"), "utf8").split("\n").slice(-15).join("\n");
  throw new Error(`the bare page did not answer on port ${port} within 60 s (bench/results/logs.tmp/bare.log):\n${tail}`);
}
async function stopBare() {
  if (!bareServer || bareServer.exited) return;
  try {
    process.kill(-bareServer.child.pid, "SIGTERM");
  } catch {
    // gone
  }
  for (let i = 0; i < 50 && !bareServer.exited; i++) await new Promise((r) => setTimeout(r, 100));
  if (!bareServer.exited) {
    try {
      process.kill(-bareServer.child.pid, "SIGKILL");
    } catch {
      // gone
    }
  }
}

let services;
let db;
let cleaning = null;
async function cleanup() {
  cleaning ??= (async () => {
    await killChromes();
    await stopBare();
    await stopAll();
    await db?.end().catch(() => {});
    if (services?.startedRedis) await redisCommand(cfg.redisUrl, "SHUTDOWN", "NOSAVE").catch(() => {});
  })();
  return cleaning;
}
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping the bench's processes`);
    cleanup().finally(() => process.exit(130));
  });
}

/** The production build: in the snapshot as prepare() does; in the working tree under the shared lock. */
async function buildApp(code, cfg) {
  const env = { ...process.env, DATABASE_URL: cfg.databaseUrl, REDIS_URL: cfg.redisUrl, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (code.snapshot) return run("npm", ["run", "build", "-w", "@bloom/web"], { env, cwd: code.dir });
  return run("flock", [WEB_LOCK, "npm", "run", "build", "-w", "@bloom/web"], { env, cwd: code.dir });
}

function budgetOf(nextDir) {
  const measured = Object.fromEntries(BUDGET_ROUTES.map((r) => [r, routeBytes(nextDir, r)]));
  const check = checkBudget(Object.fromEntries(Object.entries(measured).map(([r, m]) => [r, m.gzip])), readBudget(BUDGET_FILE));
  return { measured, check };
}

/** What a reader of the table should know about this run. */
function notesOf(list, seed) {
  const notes = [];
  const errored = [...new Set(list.flatMap((p) => p.erroredAudits))];
  if (errored.length) {
    notes.push(
      `Lighthouse could not compute ${errored.join(", ")} in this Chromium (its trace engine predates it); ` +
        "the figures in the table (score, network requests, main-thread breakdown, LCP, TBT, CLS) do not depend on them.",
    );
  }
  const warnings = [...new Set(list.flatMap((p) => p.warnings))];
  if (warnings.length) notes.push(`Lighthouse warnings: ${warnings.join("; ")}`);
  notes.push(
    `The board's data: ${seed.counts.boardOrders} orders in the shop (NEW, ACCEPTED, DECORATED) and ${seed.counts.openDeliveries} open delivery requests; ` +
      "the page shows what store.board returns for them on every day (New and Accepted whole, Ready, a page of Done), the rider's screen what delivery.screen returns.",
  );
  notes.push("Each page is loaded signed in as its role (customer, owner, rider) in a fresh Chromium profile; /checkout with a two-line cart in localStorage.");
  return notes;
}

const lhVersion = () => createRequire(path.join(ROOT, "package.json"))("lighthouse/package.json").version;
const chromiumVersion = () => {
  try {
    return execFileSync(CHROME_PATH, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "Chromium (version unknown)";
  }
};

// ── the run ──────────────────────────────────────────────────────────────────────────────────────
const cfg = webBenchConfig();
const loadBefore = loadAverage();
const code = codeUnderTest({ workingTree: flag("--working-tree") });
const nextDir = path.join(code.dir, "apps", "web", ".next");
const nodeModules = path.join(code.dir, "node_modules");
console.log(`▶ page weight of ${code.commit.slice(0, 12)}${code.snapshot ? ` (clean export in ${code.dir})` : " (working tree)"}; load average ${loadBefore.join(" ")}`);
if (code.snapshot && code.dirty) console.log("  ! the working tree has uncommitted changes: they are not measured (commit them, or --working-tree)");

if (flag("--budget-only")) {
  if (!fs.existsSync(path.join(nextDir, "BUILD_ID"))) await step("build web (production)", () => buildApp(code, cfg));
  const { measured, check } = code.snapshot ? budgetOf(nextDir) : await withLock(() => budgetOf(nextDir));
  console.log(`\nJS per route (gzip) from ${path.relative(ROOT, nextDir) || nextDir}:\n${budgetReport(check)}`);
  for (const [r, m] of Object.entries(measured)) log(`${r}: ${m.files.length} files, ${round(m.raw / 1024, 1)} KiB raw, ${round(m.gzip / 1024, 1)} KiB gzip (${m.gzip} B)`);
  process.exit(check.ok ? 0 : 1);
}

async function withLock(fn) {
  // Reading the shared tree's build: hold the lock other builds take (flock on a child that waits).
  const holder = spawn("flock", [WEB_LOCK, "sh", "-c", "echo locked; read _"], { stdio: ["pipe", "pipe", "inherit"] });
  await new Promise((resolve) => holder.stdout.once("data", resolve));
  try {
    return fn();
  } finally {
    holder.stdin.end();
  }
}

const result = {
  date: new Date().toISOString(),
  commit: code.commit,
  codeDirty: code.snapshot ? false : code.dirty,
  command: `npm run bench:web${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
  runs: RUNS,
  locale: LOCALE,
  // One server process: every measured request is served warm (the warm-up reached it).
  webProcesses: 1,
};
const loadSamples = [];
const sampler = setInterval(() => loadSamples.push(loadAverage()[0]), 5000);
sampler.unref();

let measuredPages;
try {
  checkChromium();
  result.chromium = chromiumVersion();
  result.lighthouse = lhVersion();
  const skipBuild = flag("--skip-build") && fs.existsSync(path.join(nextDir, "BUILD_ID"));
  services = await prepare(cfg, code, { build: false });
  if (!skipBuild) await step("build web (production)", () => buildApp(code, cfg));
  else log("reusing the existing build (--skip-build)");
  const bare = await step("build the bare Next.js page", () => buildBare({ nodeModules }));
  log(`bare page in ${bare.dir} (Next ${bare.versions.next}, React ${bare.versions.react})${bare.rebuilt ? "" : ", unchanged since its last build"}`);
  result.bare = { dir: bare.dir, versions: bare.versions };

  // JS per route from the manifests (the [P1] budget) and the bare page's.
  const budget = code.snapshot ? budgetOf(nextDir) : await withLock(() => budgetOf(nextDir));
  const bareBytes = routeBytes(path.join(bare.dir, ".next"), "/");
  result.budget = budget.check;
  result.manifest = {
    bare: { gzip: bareBytes.gzip, raw: bareBytes.raw, files: bareBytes.files },
    routes: Object.fromEntries(Object.entries(budget.measured).map(([r, m]) => [r, { gzip: m.gzip, raw: m.raw, files: m.files, cssGzip: m.css.gzip }])),
  };
  console.log(`\nJS per route from the build's manifests (gzip); bare page ${round(bareBytes.gzip / 1024, 1)} KiB, goal ≤ ${round((1.3 * bareBytes.gzip) / 1024, 1)} KiB:\n${budgetReport(budget.check)}\n`);

  db = await connect(cfg.databaseUrl);
  await step("empty the order tables (bloom_bench_web)", async () => log(`${await resetOrders(db)} tables emptied`));
  await redisCommand(cfg.redisUrl, "FLUSHALL").catch(() => {});
  await step("start card processor (sandbox)", () => startProcessor(cfg, code));
  await step("start web", () => startWeb(cfg, code, { WEB_CONCURRENCY: "1" }));
  await step("start worker", () => startWorker(cfg, code, 0));
  const bareBase = await step("start the bare page", () => startBare(bare.dir, nodeModules, cfg.barePort));
  const base = `http://127.0.0.1:${cfg.webPort}`;
  const seed = await step("seed: board of 300 orders, customer's orders, rider's requests (through the API)", () => seedPages({ base, db, log }));
  result.seed = seed.counts;

  const targets = pages.map((p) => ({
    ...p,
    url: `${p.bare ? bareBase : base}${p.path(seed)}`,
    headers: { "Accept-Language": ACCEPT_LANGUAGE, ...(p.role ? { Cookie: seed.cookies[p.role] } : {}) },
    localStorage: p.cart ? { "bloom.cart.v1": seed.cart } : null,
  }));
  await step("warm-up: each page once over HTTP (not measured)", async () => {
    for (const t of targets) {
      const res = await fetch(t.url, { headers: t.headers, redirect: "manual" });
      if (res.status !== 200) throw new Error(`${t.label}: HTTP ${res.status} for ${t.url} (signed in as ${t.role ?? "nobody"})`);
      await res.arrayBuffer();
    }
  });

  fs.rmSync(LHR_DIR, { recursive: true, force: true });
  fs.mkdirSync(LHR_DIR, { recursive: true });
  const runs = new Map(targets.map((t) => [t.key, []]));
  // Pages interleaved run by run, so that a noisy minute spreads over all pages, bare included.
  for (let i = 1; i <= RUNS; i++) {
    for (const t of targets) {
      const busyPct = round(await waitForQuiet({ busyPct: 30, maxMs: 10_000 }), 0);
      const load1 = loadAverage()[0];
      const { metrics, lhr } = await step(`Lighthouse ${t.label}${RUNS > 1 ? ` (run ${i}/${RUNS})` : ""}`, () => runLighthouse(t.url, t));
      if (!t.bare && new URL(metrics.finalUrl).pathname.startsWith("/signin")) throw new Error(`${t.label} redirected to sign-in: the session cookie was not accepted`);
      log(`score ${metrics.score}, JS ${round(metrics.jsBytes / 1024, 1)} KiB, main thread ${round(metrics.mainThreadMs, 0)} ms, LCP ${round(metrics.lcpMs, 0)} ms, TBT ${round(metrics.tbtMs, 0)} ms, CLS ${round(metrics.cls, 3)} (load ${load1}, machine ${busyPct} % busy before)`);
      runs.get(t.key).push({ ...metrics, load1, busyPctBefore: busyPct });
      fs.writeFileSync(path.join(LHR_DIR, `${t.key}-${i}.json`), JSON.stringify(lhr));
    }
  }

  const measured = targets.map((t) => {
    const list = runs.get(t.key);
    const manifestGzip = t.bare ? bareBytes.gzip : budget.measured[t.route]?.gzip ?? null;
    // The details (scripts, main-thread groups) of the run whose main-thread time is the median.
    const med = medianOf(list).mainThreadMs;
    const medianRun = list.reduce((best, r, i) => (Math.abs(r.mainThreadMs - med) < Math.abs(list[best].mainThreadMs - med) ? i : best), 0);
    const { scripts, mainThread, bootup, fontBytes, fontRequests } = list[medianRun];
    return {
      key: t.key,
      label: t.label,
      route: t.route,
      url: t.url.replace(/\/\/127\.0\.0\.1:\d+/, "//host"),
      bare: !!t.bare,
      manifestGzip,
      median: medianOf(list),
      runs: list.map(({ scripts: _s, mainThread: _m, bootup: _b, warnings: _w, erroredAudits: _e, ...r }) => r),
      detail: { run: medianRun + 1, lighthouseResult: `bench/results/lighthouse.tmp/${t.key}-${medianRun + 1}.json`, scripts, mainThread, bootup, fontBytes, fontRequests },
      warnings: [...new Set(list.flatMap((r) => r.warnings))],
      erroredAudits: [...new Set(list.flatMap((r) => r.erroredAudits))],
    };
  });
  const bareRow = measured.find((p) => p.bare);
  measuredPages = withRatios([...measured.filter((p) => !p.bare), bareRow], bareRow);
  result.pages = measuredPages;
  result.notes = notesOf(measuredPages, seed);
} catch (err) {
  console.error(err);
  await cleanup();
  console.error(`\n✖ bench:web failed: ${err.message}`);
  process.exit(1);
} finally {
  clearInterval(sampler);
  await cleanup();
}

const loadAfter = loadAverage();
const during = loadSamples.length ? loadSamples : [loadAfter[0]];
result.machine = {
  cores: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  node: process.version,
  memoryGiB: round(os.totalmem() / 2 ** 30, 0),
  loadBefore,
  loadDuring: { mean: round(during.reduce((a, b) => a + b, 0) / during.length, 2), max: Math.max(...during), samples: during.length },
  loadAfter,
};
console.log(`\n${terminalTable(measuredPages)}\n`);
console.log(`JS per route from the build (gzip) against bench/web-budget.json:\n${budgetReport(result.budget)}\n`);
writeWebResults(RESULTS, result, measuredPages);
console.log(
  `wrote bench/results/web.json and web-report.md; Lighthouse results in bench/results/lighthouse.tmp/ ` +
    `(load average before ${loadBefore.join(" ")}, during ${result.machine.loadDuring.mean} mean / ${result.machine.loadDuring.max} max, after ${loadAfter.join(" ")})`,
);
