// `npm run bench:profile [-- --path order.place|account.ping|store.board] [--seconds 15]
//   [--connections 50] [--rate N]`:
// CPU profile of the production web and worker under place-order load (or another procedure),
// summarised as self time per package and the hottest functions. It measures the working tree in
// place (build first with `npm run build -w @bloom/web`, or pass --build). Profiles (.cpuprofile, open in Chrome DevTools) go to bench/results/profiles.tmp.
process.env.TZ = "UTC";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, step } from "../scripts/lib/services.mjs";
import { BENCH_PASSWORD, benchCatalog, connect, seedCustomers } from "./lib/db.mjs";
import { checkoutBody, signIn, signInAll } from "./lib/http.mjs";
import { load, summarize } from "./lib/load.mjs";
import { benchConfig, prepare, startProcessor, startWeb, startWorker, stopAll } from "./lib/stack.mjs";

const argv = process.argv.slice(2);
const arg = (name, dflt) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : dflt);
const procedure = arg("path", "order.place");
const seconds = Number(arg("seconds", 15));
const connections = Number(arg("connections", 50));
const rate = arg("rate") ? Number(arg("rate")) : undefined; // paced (requests/s) instead of closed loop
const OUT = path.join(ROOT, "bench", "results", "profiles.tmp");

const cfg = benchConfig();
const code = { dir: ROOT, snapshot: false };
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });
await prepare(cfg, code, { build: argv.includes("--build") });
const db = await connect(cfg.databaseUrl);
const customers = await seedCustomers(db, 200);
const catalog = await benchCatalog(db);
const hook = pathToFileURL(path.join(ROOT, "bench", "lib", "cpu-profile-hook.mjs")).href;
const prof = (name) => ({ NODE_OPTIONS: `--import ${hook}`, BLOOM_CPU_PROFILE_DIR: path.join(OUT, name) });
try {
  await step("start web + worker (profiling)", async () => {
    await startProcessor(cfg, code);
    await startWeb(cfg, code, prof("web"));
    await startWorker(cfg, code, 0, prof("worker"));
  });
  const base = `http://127.0.0.1:${cfg.webPort}`;
  const cookies = procedure.startsWith("store.")
    ? [await signIn(base, "owner@bloom.test", "bloom1234")]
    : await signInAll(base, customers.map((c) => c.email), BENCH_PASSWORD);
  let n = 0;
  const post = procedure === "order.place";
  const opts = { base, path: `/api/trpc/${procedure}`, cookies, connections, ...(rate ? { rate } : {}), ...(post ? { method: "POST", body: () => checkoutBody(catalog[n++ % catalog.length]) } : {}) };
  await load({ ...opts, duration: 3 }); // warm-up
  const r = await load({ ...opts, duration: seconds });
  const s = summarize(r, (x) => x < 400);
  console.log(`${procedure}: ${s.perSec.toFixed(1)} ok/s, p50 ${s.p50Ms.toFixed(1)} ms, p95 ${s.p95Ms.toFixed(1)} ms, p99 ${s.p99Ms.toFixed(1)} ms (${s.count} ok of ${r.samples.ms.length})`);
} finally {
  await stopAll();
  await db.end();
}

// npm may exit before its child has written the profile: wait for both.
for (let i = 0; i < 100 && !["web", "worker"].every((n) => fs.existsSync(path.join(OUT, n))); i++) await new Promise((r) => setTimeout(r, 100));
await new Promise((r) => setTimeout(r, 500));

// The largest profile in each directory is the node process itself (npm's own is tiny).
for (const name of ["web", "worker"]) {
  const dir = path.join(OUT, name);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
  const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  if (!file) {
    console.log(`${name}: no profile written`);
    continue;
  }
  summariseProfile(name, JSON.parse(fs.readFileSync(file, "utf8")), file);
}

function summariseProfile(name, p, file) {
  const dt = new Map(); // node id → µs of self time
  for (let i = 0; i < p.samples.length; i++) dt.set(p.samples[i], (dt.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  const byPkg = new Map();
  const byFn = new Map();
  let total = 0;
  let idle = 0;
  for (const node of p.nodes) {
    const us = dt.get(node.id) ?? 0;
    const { functionName, url } = node.callFrame;
    if (functionName === "(idle)") {
      idle += us;
      continue;
    }
    total += us;
    const pkg = packageOf(url, functionName);
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
    const fn = `${functionName || "(anonymous)"} ${pkg}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  console.log(`\n${name}: ${(total / 1e6).toFixed(2)} s busy, ${(idle / 1e6).toFixed(2)} s idle — ${path.relative(ROOT, file)}`);
  for (const [k, v] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${pct(v)}  ${k}`);
  console.log("  hottest functions:");
  for (const [k, v] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${pct(v)}  ${k}`);
}

function packageOf(url, fn) {
  if (!url) return fn.startsWith("(") ? fn : "(native)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return url;
  if (url.includes("/.next/server/chunks/")) return "next chunk (app code + bundled libs)";
  if (url.includes("/.next/")) return "next build output";
  return path.relative(ROOT, url.replace("file://", ""));
}
