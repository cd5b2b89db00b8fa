// `npm run chaos` (money and events, M and E): a fault suite on a stack of its own — databases bloom_chaos
// and bloom_chaos_processor, its own Redis (AOF on) on a spare port, the sandbox processor, two web
// processes (the production build) and two workers, all on loopback. Paced order load (signed-in
// customers, tRPC, a fresh idempotency key per order, retried with the same key as a client does)
// while processes are SIGKILLed, Redis restarts empty, PostgreSQL connections are terminated; then
// the money races (reject × cancel, one key two carts, the last unit) and a refund outage. After
// every scenario it waits (bounded, polling) for the system to settle and audits the databases,
// the processor's ledger and the queues. Everything is bounded in count and time, stops by itself,
// and is torn down on exit, failure and Ctrl-C.
//
//   npm run chaos                      all ten scenarios (≈ 5–10 minutes after the build)
//   npm run chaos -- --only 1,5,7      a subset
//   npm run chaos -- --long            refund outage of 120 s instead of 30 s
//   npm run chaos -- --skip-build      reuse the existing `next build` output
//
// Last line: `chaos: scenarios N, lost L, duplicated D, unpaid U, orphan-charges O, stuck S` (an
// audit of the whole run after the last scenario settled); exit code 1 when a figure is not 0 or
// a scenario failed. Figures per scenario: chaos/results/latest.json; process logs: chaos/results/logs/.
process.env.TZ = "UTC"; // timestamps go to and from PostgreSQL as UTC

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { register } from "tsx/esm/api";
import { ROOT, step } from "../scripts/lib/services.mjs";
import { seedCustomers, BENCH_PASSWORD } from "../bench/lib/db.mjs";
import { AUDIT_APP_NAME, auditDb, clean, FIGURES, settle } from "./lib/audit.mjs";
import { signIn } from "./lib/client.mjs";
import { SCENARIOS } from "./lib/scenarios.mjs";
import {
  buildWeb,
  chaosConfig,
  killAllNow,
  LOG_DIR,
  prepareDatabases,
  REDRIVE_AFTER_MS,
  snapshotWeb,
  startProcessor,
  startRedis,
  startWeb,
  startWorker,
  teardown,
  unexpectedExits,
} from "./lib/stack.mjs";

// ── options ───────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const value = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const only = value("--only")
  ?.split(",")
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n));
if (only && (only.length === 0 || only.some((n) => !SCENARIOS.some((s) => s.id === n)))) {
  console.error(`--only takes scenario numbers 1–${SCENARIOS.length}, e.g. --only 1,5,7`);
  process.exit(2);
}
const opts = {
  long: flag("--long"),
  skipBuild: flag("--skip-build"),
  rate: Number(value("--rate") ?? process.env.CHAOS_RATE ?? 15), // orders/s over both web processes
  loadSeconds: Number(value("--seconds") ?? 20),
  faultAt: 7, // s into the load
  redisDownSec: 4,
  redriveAfterSec: REDRIVE_AFTER_MS / 1000,
  terminateAt: [5, 10, 15], // pg_terminate_backend rounds, s into the load
  settleSec: Number(value("--settle") ?? 120),
};
if (!(opts.rate > 0 && opts.rate <= 50)) {
  console.error("--rate must be between 0 and 50 orders/s (the suite is bounded)");
  process.exit(2);
}
if (!(opts.loadSeconds >= 10 && opts.loadSeconds <= 120)) {
  console.error("--seconds must be between 10 and 120");
  process.exit(2);
}
const selected = SCENARIOS.filter((s) => !only || only.includes(s.id));
const RESULTS = path.join(ROOT, "chaos", "results");
const log = (m) => console.log(`  · ${m}`);

// ── the whole run is bounded, and always torn down ─────────────────────────────────────────────

let tearingDown = null;
const down = () => (tearingDown ??= teardown().catch((e) => console.error(`teardown: ${e.message}`)));
process.on("exit", killAllNow);
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    console.error(`\n✖ ${sig}: tearing the chaos stack down`);
    void down().finally(() => process.exit(130));
  });
}
const WATCHDOG_MIN = opts.long ? 50 : 40;
const watchdog = setTimeout(() => {
  console.error(`\n✖ the chaos suite ran for more than ${WATCHDOG_MIN} minutes: stopping`);
  void down().finally(() => process.exit(2));
}, WATCHDOG_MIN * 60_000);
watchdog.unref();

// ── run ───────────────────────────────────────────────────────────────────────────────────────

const git = (...a) => {
  try {
    return execFileSync("git", ["-C", ROOT, ...a], { encoding: "utf8" }).trim();
  } catch {
    return null;
  }
};
const result = {
  date: new Date().toISOString(),
  commit: git("rev-parse", "HEAD"),
  workingTreeDirty: (git("status", "--porcelain", "--untracked-files=no") ?? "") !== "",
  command: `npm run chaos${argv.length ? ` -- ${argv.join(" ")}` : ""}`,
  options: opts,
  scenarios: [],
  final: null,
};
const line = (f) => `lost ${f.lost}, duplicated ${f.duplicated}, unpaid ${f.unpaid}, orphan-charges ${f.orphanCharges}, stuck ${f.stuck}`;

let exitCode = 1;
const startedAt = Date.now();
let finalFigures = Object.fromEntries(FIGURES.map((f) => [f, "?"]));
let prisma = null;
let db = null;
try {
  console.log(`▶ chaos suite: scenarios ${selected.map((s) => s.id).join(", ")}${opts.long ? " (--long)" : ""}; ${opts.rate} orders/s for ${opts.loadSeconds} s under each fault`);
  const cfg = await chaosConfig();
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  await prepareDatabases(cfg);
  if (!opts.skipBuild) await buildWeb();
  cfg.webDir = await step("copy of the web build (chaos/.web-snapshot)", () => snapshotWeb());

  const procs = { redis: null, processor: null, webs: [null, null], workers: [null, null] };
  await step(`start Redis :${cfg.redisPort} (AOF, temp dir), processor :${cfg.processorPort}`, async () => {
    procs.redis = await startRedis(cfg);
    procs.processor = await startProcessor(cfg);
  });
  await step(`start web :${cfg.webPorts.join(", :")} and workers (health :${cfg.workerPorts.join(", :")})`, async () => {
    procs.webs = await Promise.all([startWeb(cfg, 0), startWeb(cfg, 1)]);
    procs.workers = await Promise.all([startWorker(cfg, 0), startWorker(cfg, 1)]);
  });
  const bases = cfg.webPorts.map((p) => `http://127.0.0.1:${p}`);

  // The M5 audit of the app itself (packages/app), through a Prisma client of the suite's own.
  register();
  const { getDb } = await import("@bloom/db");
  const { stockAudit } = await import("../packages/app/src/store/inventory.ts");
  const { POLICY_NAMES } = await import("@bloom/domain");
  prisma = getDb(cfg.databaseUrl, 2, { applicationName: AUDIT_APP_NAME });
  db = await auditDb(cfg.databaseUrl);

  const ctx = await step("customers, catalog and sessions", async () => {
    const seeded = await seedCustomers(db, 30);
    const { rows: catalogRows } = await db.query(
      `SELECT b.id AS "bouquetId", b.store_id AS "storeId", u.email AS owner
         FROM store_bouquets b JOIN store_stores s ON s.id = b.store_id JOIN identity_users u ON u.id = s.owner_id
        WHERE b.active ORDER BY u.email, s.name, b.name`,
    );
    const ownerRows = catalogRows.filter((r) => r.owner === "owner@bloom.test");
    if (catalogRows.length < 3 || ownerRows.length < 2) throw new Error("the demo seed has too few bouquets for the suite");
    const lastUnit = ownerRows[0]; // scenario 9's bouquet: kept out of every other order
    const catalog = catalogRows.filter((r) => r.bouquetId !== lastUnit.bouquetId);
    // Plenty of stock for the load, raised with its baseline so the stock audit keeps balancing.
    await db.query(`UPDATE store_bouquets SET stock = stock + 1000000, stock_baseline = stock_baseline + 1000000 WHERE active AND id <> $1`, [lastUnit.bouquetId]);
    // The suite measures money and events, not the delivery rules (D1/D2, tested on their own):
    // every shop delivers anywhere for ₩0 with no minimum, every day 9–21, with no lead time, cutoff,
    // capacity or closure, so no order of the load is refused for its address or its slot.
    await db.query(
      `UPDATE store_stores SET delivery_zones = '[]'::jsonb, slot_capacity = NULL, slot_cutoff_minutes = NULL, lead_time_minutes = 0,
              weekly_hours = (SELECT jsonb_agg(jsonb_build_object('opensAt', 9, 'closesAt', 21)) FROM generate_series(1, 7))`,
    );
    await db.query(`DELETE FROM store_closures`);
    const customers = [];
    for (let i = 0; i < seeded.length; i++) customers.push({ id: seeded[i].id, email: seeded[i].email, cookie: await signIn(bases[i % 2], seeded[i].email, BENCH_PASSWORD) });
    const { rows: demo } = await db.query(`SELECT id, email FROM identity_users WHERE email IN ('customer@bloom.test', 'owner@bloom.test')`);
    const idOf = (email) => demo.find((r) => r.email === email)?.id;
    return {
      cfg,
      db,
      procs,
      bases,
      opts,
      log,
      customers,
      catalog,
      ownerCatalog: ownerRows.filter((r) => r.bouquetId !== lastUnit.bouquetId),
      lastUnit,
      demo: {
        customer: { id: idOf("customer@bloom.test"), cookie: await signIn(bases[0], "customer@bloom.test", "bloom1234") },
        owner: { id: idOf("owner@bloom.test"), cookie: await signIn(bases[1], "owner@bloom.test", "bloom1234") },
      },
    };
  });
  const auditOpts = (since, clientResults) => ({
    db,
    processorUrl: cfg.processorUrl,
    redisUrl: cfg.redisUrl,
    prefix: cfg.queuePrefix,
    policies: POLICY_NAMES,
    since,
    clientResults,
    stockAudit: () => stockAudit(prisma),
  });

  /** A process that died without the suite killing it: recorded, and started again for the rest. */
  async function crashed() {
    const all = [procs.redis, procs.processor, ...procs.webs, ...procs.workers].filter(Boolean);
    const found = unexpectedExits(all);
    if (procs.redis?.exited && !procs.redis.expectedExit) procs.redis = await startRedis(cfg);
    if (procs.processor?.exited && !procs.processor.expectedExit) procs.processor = await startProcessor(cfg);
    for (const i of [0, 1]) {
      if (procs.webs[i]?.exited && !procs.webs[i].expectedExit) procs.webs[i] = await startWeb(cfg, i);
      if (procs.workers[i]?.exited && !procs.workers[i].expectedExit) procs.workers[i] = await startWorker(cfg, i);
    }
    return found;
  }

  console.log("");
  const allClientResults = [];
  for (const sc of selected) {
    const t0 = new Date();
    console.log(`▶ scenario ${sc.id}: ${sc.name}`);
    const rec = { id: sc.id, name: sc.name, startedAt: t0.toISOString() };
    let out = { load: { attempted: 0, placed: 0, refused: {}, gaveUp: 0, shed: 0, results: [] }, checks: [], notes: [] };
    const checks = [];
    try {
      out = await sc.run(ctx);
      checks.push(...(out.checks ?? []));
    } catch (e) {
      checks.push({ ok: false, what: `the scenario failed to run: ${e.stack ?? e}` });
    }
    const crashes = await crashed().catch((e) => [`restarting crashed processes failed: ${e.message}`]);
    checks.push({ ok: crashes.length === 0, what: `processes that crashed: ${crashes.length ? crashes.join("; ") : "none"}` });
    const a = await settle(auditOpts(t0, out.load.results), opts.settleSec * 1000).catch((e) => ({ error: String(e) }));
    if (a.error) checks.push({ ok: false, what: `audit failed: ${a.error}` });
    else {
      checks.push({ ok: a.settled, what: `settled within ${opts.settleSec} s (${(a.settleMs / 1000).toFixed(1)} s${a.queuesOpen ? `, ${a.queuesOpen} jobs still open` : ""})` });
      checks.push({ ok: a.stockDifferences === 0, what: `stock audit differences: ${a.stockDifferences}` });
    }
    if (out.afterSettle) checks.push(...(await out.afterSettle().catch((e) => [{ ok: false, what: `check after settling failed: ${e.message}` }])));
    const pass = !a.error && clean(a) && checks.every((c) => c.ok);
    const figures = a.figures ?? Object.fromEntries(FIGURES.map((f) => [f, null]));
    const l = out.load;
    Object.assign(rec, {
      pass,
      attempted: l.attempted,
      placed: l.placed,
      refused: l.refused,
      gaveUp: l.gaveUp,
      retried: l.retried,
      figures,
      stockDifferences: a.stockDifferences ?? null,
      settled: a.settled ?? false,
      settleSec: a.settleMs !== undefined ? Math.round(a.settleMs / 100) / 10 : null,
      counts: a.counts,
      checks,
      notes: out.notes ?? [],
      detail: a.detail ?? {},
    });
    result.scenarios.push(rec);
    allClientResults.push(...(l.results ?? []));
    if (a.counts) {
      const c = a.counts;
      rec.notes.push(
        `attempts ${Object.entries(c.attempts).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}; processor: ${c.charges} charges, ${c.voided} voided, ${c.processorRefunds} refunds; ${c.ended} orders ended, ${c.refunded} refunded`,
      );
    }
    for (const n of rec.notes) log(n);
    console.log(
      `${pass ? "✔" : "✖"} ${String(sc.id).padStart(2)} ${sc.name}: orders ${l.attempted} attempted / ${l.placed} placed` +
        `${l.gaveUp ? ` (${l.gaveUp} gave up)` : ""}; ${a.figures ? line(a.figures) : "audit failed"}; settled in ${rec.settleSec ?? "?"} s — ${pass ? "PASS" : "FAIL"}`,
    );
    if (!pass) {
      for (const c of checks.filter((c) => !c.ok)) console.log(`      ✖ ${c.what}`);
      for (const [k, v] of Object.entries(rec.detail)) console.log(`      ${k}: ${v.count} — ${v.sample.join("; ")}`);
    }
  }

  // The whole run, once more, after the last scenario settled.
  const fin = await settle(auditOpts(null, allClientResults), 60_000);
  finalFigures = fin.figures;
  result.final = { figures: fin.figures, stockDifferences: fin.stockDifferences, settled: fin.settled, counts: fin.counts, detail: fin.detail };
  const failed = result.scenarios.filter((s) => !s.pass).map((s) => s.id);
  result.failedScenarios = failed;
  result.pass = failed.length === 0 && clean(fin);
  exitCode = result.pass ? 0 : 1;
  console.log(`\n${failed.length ? `✖ failed scenarios: ${failed.join(", ")}` : "✔ every scenario passed"}; whole-run audit: ${line(fin.figures)}, stock differences ${fin.stockDifferences}`);
  for (const [k, v] of Object.entries(fin.detail)) console.log(`    ${k}: ${v.count} — ${v.sample.join("; ")}`);
} catch (e) {
  console.error(`\n✖ chaos suite aborted: ${e.stack ?? e}`);
  result.error = String(e.stack ?? e);
} finally {
  await db?.end().catch(() => {});
  await prisma?.$disconnect().catch(() => {});
  await step("tear the chaos stack down", down).catch(() => {});
  fs.mkdirSync(RESULTS, { recursive: true });
  result.elapsedSec = Math.round((Date.now() - startedAt) / 1000);
  fs.writeFileSync(path.join(RESULTS, "latest.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(`  ${Math.floor(result.elapsedSec / 60)} min ${result.elapsedSec % 60} s; results: chaos/results/latest.json; process logs: chaos/results/logs/`);
  console.log(`chaos: scenarios ${result.scenarios.length}, lost ${finalFigures.lost}, duplicated ${finalFigures.duplicated}, unpaid ${finalFigures.unpaid}, orphan-charges ${finalFigures.orphanCharges}, stuck ${finalFigures.stuck}`);
  clearTimeout(watchdog);
  process.exit(exitCode);
}
