// `npm run bench`: builds the production app, starts the sandbox card processor, web and
// worker against PostgreSQL and Redis (database bloom_bench, the processor's bloom_bench_processor,
// its own Redis port, queue prefix "bench"), seeds what it needs,
// drives the real HTTP API with autocannon from many signed-in customers, and writes
// bench/results/{latest.json, report.md, latency.svg}.
//
//   npm run bench                     scenarios 1–4 (≈ 5 minutes of load)
//   npm run bench -- --scale          also 5: reads over 1,000,000 bulk-loaded orders
//   npm run bench -- --quick          short durations, for trying the harness (not for figures)
//   npm run bench -- --working-tree   measure the working tree in place instead of a clean HEAD
process.env.TZ = "UTC"; // timestamps go to and from PostgreSQL as UTC

import os from "node:os";
import path from "node:path";
import { fail, ROOT, step } from "../scripts/lib/services.mjs";
import { loadAverage, cpuMeter, servicePids, treeOf } from "./lib/cpu.mjs";
import { BENCH_PASSWORD, benchCatalog, connect, seedCustomers } from "./lib/db.mjs";
import { signIn, signInAll } from "./lib/http.mjs";
import { load } from "./lib/load.mjs";
import { goalsTable, table, writeResults } from "./lib/report.mjs";
import { benchConfig, codeUnderTest, prepare, redisCommand, startProcessor, startWeb, startWorker, stop, stopAll, webProcesses } from "./lib/stack.mjs";
import { round } from "./lib/stats.mjs";
import { drainBacklog, orderEventLatency, storeActionLatency } from "./scenarios/events.mjs";
import { outageScenario, overloadScenario, paymentIntegrity } from "./scenarios/payment.mjs";
import { placeOrderScenario } from "./scenarios/place-order.mjs";
import { readScaleScenario } from "./scenarios/read-scale.mjs";
import { checkoutBody } from "./lib/http.mjs";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const D = quick
  ? { place: 5, overload: 10, outage: { duration: 16, outageAt: 4, outageSec: 6 }, backlog: 1000, read: 5 }
  : { place: 30, overload: 60, outage: { duration: 30, outageAt: 10, outageSec: 10 }, backlog: 10_000, read: 15 };
const CUSTOMERS = 1000;
const RESULTS = path.join(ROOT, "bench", "results");
const log = (m) => console.log(`  · ${m}`);
/** The processes of the system under test, for the CPU ratio (order ÷ ping). */
const SYSTEM_PROCESSES = ["web", "worker", "postgres", "redis"];

const cfg = benchConfig();
const loadBefore = loadAverage();
const code = codeUnderTest({ workingTree: args.has("--working-tree") });
console.log(`▶ benchmark of ${code.commit.slice(0, 12)}${code.snapshot ? ` (clean export in ${code.dir})` : " (working tree)"}; load average ${loadBefore.join(" ")}`);
if (code.snapshot && code.dirty) console.log("  ! the working tree has uncommitted changes: they are not measured (commit them, or --working-tree)");

let services;
let db;
const rows = [];
const result = {
  date: new Date().toISOString(),
  commit: code.commit,
  codeDirty: code.snapshot ? false : code.dirty,
  command: `npm run bench${[...args].length ? ` -- ${[...args].join(" ")}` : ""}`,
  cores: os.cpus().length,
  webProcesses: webProcesses(),
};
const notes = [];
const series = {};

try {
  services = await prepare(cfg, code);
  db = await connect(cfg.databaseUrl);
  const customers = await step(`seed ${CUSTOMERS} bench customers, stock`, () => seedCustomers(db, CUSTOMERS));
  const catalog = await benchCatalog(db);
  const processorProc = await step("start card processor (sandbox)", () => startProcessor(cfg, code));
  const webProc = await step("start web", () => startWeb(cfg, code));
  const worker1 = await step("start worker", () => startWorker(cfg, code, 0));
  const base = `http://127.0.0.1:${cfg.webPort}`;
  const customerCookies = await step(`sign in ${CUSTOMERS} customers through next-auth`, () =>
    signInAll(base, customers.map((c) => c.email), BENCH_PASSWORD),
  );
  const ownerCookie = await signIn(base, "owner@bloom.test", "bloom1234");
  const riderCookie = await signIn(base, "rider@bloom.test", "bloom1234");
  const redisPort = Number(new URL(cfg.redisUrl).port);
  const ctx = { base, db, customerCookies, catalog, ownerCookie, riderCookie, webProc, processorProc, redisPort, log, cfg, code };

  await step("warm-up (not measured)", async () => {
    let n = 0;
    await load({ base, path: "/api/trpc/account.ping", cookies: customerCookies, connections: 20, duration: 3 });
    await load({ base, method: "POST", path: "/api/trpc/order.place", cookies: customerCookies, body: () => checkoutBody(catalog[n++ % catalog.length]), connections: 20, duration: 5 });
  });

  // 1 + 4a: place-order and the framework's ceiling; the pipeline's latency for those orders.
  const s1 = await step("scenario 1: place-order vs ceiling", () =>
    placeOrderScenario(ctx, {
      connections: 100,
      duration: D.place,
      meter: () =>
        cpuMeter({
          web: treeOf(webProc),
          worker: treeOf(worker1),
          processor: treeOf(processorProc),
          postgres: async () => (await servicePids(db, redisPort)).pg,
          redis: async () => (await servicePids(db, redisPort)).redis,
        }, { subsets: { "postgres backends": async () => (await servicePids(db, redisPort)).pgBackends } }),
    }),
  );
  rows.push(...s1.rows);
  const ev = await step("scenario 4a: event latency under scenario 1", () => orderEventLatency(ctx, s1.window));
  const action = await step("scenario 4b: store action → MyPage", () => storeActionLatency(ctx, { since: s1.window.from }));
  result.placeOrder = {
    ...s1.json,
    cpuSec: { ping: roundAll(s1.cpu.ping.cpuSec), orders: roundAll(s1.cpu.orders.cpuSec) },
    machineBusyPct: { ping: round(s1.cpu.ping.machineBusyPct, 0), orders: round(s1.cpu.orders.machineBusyPct, 0) },
    cpuMsPerRequest: { ping: roundAll(s1.cpuMsPerRequest.ping), order: roundAll(s1.cpuMsPerRequest.order) },
  };
  // The system's CPU per order ÷ per ping, summed over the app's own processes
  // (web, worker, PostgreSQL, Redis; not the sandbox processor, which stands for an outside
  // provider, nor the load generator or other processes on the machine).
  result.placeOrder.cpuMsPerOrder = round(systemCpuMs(s1.cpuMsPerRequest.order), 2);
  result.placeOrder.cpuMsPerPing = round(systemCpuMs(s1.cpuMsPerRequest.ping), 2);
  result.placeOrder.cpuRatio = round(systemCpuMs(s1.cpuMsPerRequest.order) / systemCpuMs(s1.cpuMsPerRequest.ping), 2);
  result.placeOrder.cpuSystemProcesses = SYSTEM_PROCESSES;
  // The same without PostgreSQL's shared background processes (only the bench database's backends).
  const backendsMs = (cpu, n) => (1000 * (cpu.subsetSec?.["postgres backends"] ?? 0)) / Math.max(1, n);
  const pg = { order: backendsMs(s1.cpu.orders, s1.answered.order), ping: backendsMs(s1.cpu.ping, s1.answered.ping) };
  const withBackends = (per, b) => systemCpuMs(per) - (per.postgres ?? 0) + b;
  result.placeOrder.cpuMsPerRequestPostgresBackends = { ping: round(pg.ping, 2), order: round(pg.order, 2) };
  result.placeOrder.cpuRatioPostgresBackends = round(withBackends(s1.cpuMsPerRequest.order, pg.order) / withBackends(s1.cpuMsPerRequest.ping, pg.ping), 2);
  series.placeOrder = s1.series.placeOrder;

  // 2: the report's overload test.
  const s2 = await step("scenario 2: overload (the report's test)", () => overloadScenario(ctx, { connections: 100, duration: D.overload }));
  rows.push(...s2.rows);
  result.overload = s2.json;

  // 3: payment outage at a steady offered rate below capacity.
  const rate = Number(process.env.BENCH_OUTAGE_RATE || Math.max(10, Math.min(150, Math.round(0.6 * s2.json.ordersPerSec))));
  const s3 = await step("scenario 3: payment outage", () => outageScenario(ctx, { rate, connections: 100, ...D.outage }));
  rows.push(...s3.rows);
  result.outage = s3.json;
  series.outage = s3.series.outage;
  series.outageWindow = s3.series.outageWindow;

  // 4c: backlog drain, one worker then two.
  const one = await step(`scenario 4c: ${D.backlog} events, 1 worker`, () => drainBacklog(ctx, { count: D.backlog, workerProcs: [worker1] }));
  const worker2 = await step("start second worker", () => startWorker(cfg, code, 1));
  const two = await step(`scenario 4c: ${D.backlog} events, 2 workers`, () => drainBacklog(ctx, { count: D.backlog, workerProcs: [worker1, worker2] }));
  await stop(worker2);
  result.events = {
    storeP50Ms: ev.store.p50Ms,
    storeP95Ms: ev.store.p95Ms,
    storeP99Ms: ev.store.p99Ms,
    myPageP50Ms: ev.myPage.p50Ms,
    myPageP95Ms: ev.myPage.p95Ms,
    myPageP99Ms: ev.myPage.p99Ms,
    relayP50Ms: ev.relay.p50Ms,
    relayP99Ms: ev.relay.p99Ms,
    eventsMeasured: ev.events,
    storeActionToMyPage: { accepted: action.accepted, p50Ms: action.myPage.p50Ms, p99Ms: action.myPage.p99Ms, relayP50Ms: action.relay.p50Ms },
    oneWorkerPerSec: one.eventsPerSec,
    twoWorkersPerSec: two.eventsPerSec,
    twoOverOne: two.eventsPerSec / one.eventsPerSec,
    backlogEvents: D.backlog,
    oneWorkerCpuSec: roundAll(one.cpu.cpuSec),
    twoWorkersCpuSec: roundAll(two.cpu.cpuSec),
    oneWorkerSec: one.seconds,
    twoWorkersSec: two.seconds,
    // CPU per drained event (worker processes + PostgreSQL + Redis), one-worker drain.
    cpuMsPerEvent: round(drainCpuMs(one.cpu.cpuSec) / D.backlog, 3),
    cpuMsPerEventTwoWorkers: round(drainCpuMs(two.cpu.cpuSec) / D.backlog, 3),
    // Without PostgreSQL's shared background processes (see bench/lib/cpu.mjs servicePids).
    cpuMsPerEventPostgresBackends: round((drainCpuMs(one.cpu.cpuSec) - 1000 * one.cpu.cpuSec.postgres + 1000 * (one.cpu.subsetSec?.["postgres backends"] ?? 0)) / D.backlog, 3),
  };
  rows.push(
    { name: "4 event: commit → store order", perSec: null, p50Ms: ev.store.p50Ms, p95Ms: ev.store.p95Ms, p99Ms: ev.store.p99Ms, count: ev.store.n, statuses: {} },
    { name: "4 event: commit → MyPage row", perSec: null, p50Ms: ev.myPage.p50Ms, p95Ms: ev.myPage.p95Ms, p99Ms: ev.myPage.p99Ms, count: ev.myPage.n, statuses: {} },
    { name: "4 event: store accept → MyPage", perSec: null, p50Ms: action.myPage.p50Ms, p95Ms: action.myPage.p95Ms, p99Ms: action.myPage.p99Ms, count: action.myPage.n, statuses: action.failed ? { failed: action.failed } : {} },
    { name: `4 backlog ${D.backlog}: 1 worker (events/s)`, perSec: one.eventsPerSec, p50Ms: null, p95Ms: null, p99Ms: null, count: one.events, statuses: { effects: one.effects } },
    { name: `4 backlog ${D.backlog}: 2 workers (events/s)`, perSec: two.eventsPerSec, p50Ms: null, p95Ms: null, p99Ms: null, count: two.events, statuses: { effects: two.effects } },
  );

  // 5: read scale (optional: bulk-loads 1,000,000 orders).
  if (args.has("--scale")) {
    const s5 = await step("scenario 5: read scale over 1,000,000 orders", () => readScaleScenario(ctx, { duration: D.read, quick }));
    rows.push(...s5.rows);
    result.readScale = s5.json;
  }

  const whole = await paymentIntegrity(db, cfg.processorUrl, new Date(result.date));
  notes.push(`Whole run: ${whole.unpaid} unpaid orders, ${whole.orphans} orphan charges, ${whole.voided} voided charges (charges cancelled by key after a failure).`);
} catch (err) {
  console.error(err);
  await stopAll();
  fail(`benchmark failed: ${err.message}`);
} finally {
  await stopAll();
  await db?.end().catch(() => {});
  if (services?.startedRedis) await redisCommand(cfg.redisUrl, "SHUTDOWN", "NOSAVE").catch(() => {});
}

const loadAfter = loadAverage();
result.machine = {
  cores: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  node: process.version,
  memoryGiB: round(os.totalmem() / 2 ** 30, 0),
  loadBefore,
  loadAfter,
  otherLoadNote: otherLoadNote(),
};
const goals = evaluate(result);
result.goals = goals.map(({ name, met }) => ({ name, met }));
result.notes = [...notes, ...explain(result)];

console.log(`\n${table(rows)}\n\n${goalsTable(goals)}\n`);
writeResults(RESULTS, result, rows, goals, series);
console.log(`wrote bench/results/latest.json, report.md, latency.svg (load average before ${loadBefore.join(" ")}, after ${loadAfter.join(" ")})`);

/**
 * Whether processes outside the bench competed for the CPU, judged from what they used during
 * scenario 1 (the load average before the run also counts the previous run's own tail).
 */
function otherLoadNote() {
  const cores = os.cpus().length;
  const c = result.placeOrder?.cpuSec;
  if (!c) return "";
  const outside = (x) => (x["other (not the bench)"] ?? 0) + (x["stolen by the hypervisor"] ?? 0);
  const other = outside(c.ping) + outside(c.orders);
  const share = other / (2 * D.place * cores);
  return share > 0.05
    ? `Other processes (or the hypervisor) took ${round(100 * share, 0)} % of the machine during scenario 1 (${round(other, 1)} CPU-s): figures are lower than on a quiet machine.`
    : `The machine was otherwise quiet: processes outside the bench (and the hypervisor) took ${round(100 * share, 1)} % of it during scenario 1 (${round(other, 1)} CPU-s).`;
}

function systemCpuMs(perRequest) {
  return SYSTEM_PROCESSES.reduce((sum, k) => sum + (perRequest[k] ?? 0), 0);
}
/** Worker(s) + PostgreSQL + Redis CPU seconds of a backlog drain. */
function drainCpuMs(cpuSec) {
  return 1000 * Object.entries(cpuSec).filter(([k]) => k.startsWith("worker") || k === "postgres" || k === "redis").reduce((sum, [, v]) => sum + v, 0);
}

function roundAll(o) {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, 2)]));
}

function evaluate(r) {
  const g = [];
  const add = (name, value, goal, met, note) => g.push({ name, value, goal, met, note });
  const p = r.placeOrder;
  add("place-order / ceiling", `${round(p.ratio, 2)} (${round(p.ordersPerSec)} / ${round(p.ceilingPerSec)} per s)`, "≥ 0.5", p.ratio >= 0.5);
  add("place-order p99", `${round(p.p99Ms)} ms`, "≤ 150 ms", p.p99Ms <= 150);
  add("place-order errors", String(p.errors), "0", p.errors === 0);
  add("CPU per order ÷ CPU per ping (web + worker + PostgreSQL + Redis)", `${round(p.cpuRatio, 2)} (${round(p.cpuMsPerOrder, 2)} / ${round(p.cpuMsPerPing, 2)} ms)`, "≤ 2.0", p.cpuRatio <= 2);
  const o = r.overload;
  add("overload orders/s", `${round(o.ordersPerSec)} (Little's-law bound ${round(o.littleBound)})`, "≥ 150", o.ordersPerSec >= 150);
  add("overload answered without a server error", `${round(100 * o.availability, 2)} % (${o.serverErrors} server errors)`, "100 %", o.serverErrors === 0 && o.availability === 1);
  add("unpaid orders / orphan charges", `${o.unpaidOrders} / ${o.orphanCharges}`, "0 / 0", o.unpaidOrders === 0 && o.orphanCharges === 0);
  const u = r.outage;
  add("outage busy answers p99", `${round(u.busyP99Ms)} ms (${u.busyAnswers} answers)`, "≤ 50 ms", u.busyP99Ms !== null && u.busyP99Ms <= 50);
  add("outage recovery", u.recoverySec === null ? "not within the run" : `${round(u.recoverySec)} s`, "≤ 5 s", u.recoverySec !== null && u.recoverySec <= 5);
  const e = r.events;
  add("event p99 commit → store order", `${round(e.storeP99Ms)} ms`, "≤ 250 ms", e.storeP99Ms <= 250);
  add("event p99 commit → MyPage row", `${round(e.myPageP99Ms)} ms`, "≤ 250 ms", e.myPageP99Ms <= 250);
  add("backlog drain CPU per event (worker + PostgreSQL + Redis, 1 worker)", `${round(e.cpuMsPerEvent, 2)} ms`, "≤ 1.3 ms", e.cpuMsPerEvent <= 1.3);
  add("2 workers ÷ 1 worker", `${round(e.twoOverOne, 2)} (${round(e.oneWorkerPerSec)} → ${round(e.twoWorkersPerSec)} events/s)`, "≥ 1.3", e.twoOverOne >= 1.3);
  if (r.readScale) {
    for (const [k, label] of [["boardP99Ms", "store board"], ["myPageP99Ms", "MyPage"], ["riderP99Ms", "rider open requests"]]) {
      add(`read scale p99: ${label}`, `${round(r.readScale[k])} ms`, "≤ 20 ms", r.readScale[k] <= 20);
    }
  }
  return g;
}

/** Where the time went, in words, from the CPU accounting of the run. */
function explain(r) {
  const out = [];
  const msList = (c) => Object.entries(c).filter(([, v]) => v > 0.005).map(([k, v]) => `${k} ${round(v, 2)}`).join(", ");
  const cpu = (c) => Object.entries(c).filter(([, v]) => v > 0.05).map(([k, v]) => `${k} ${v} s`).join(", ");
  const p = r.placeOrder;
  out.push(
    `Scenario 1 CPU, ceiling phase (${D.place} s on ${r.cores} cores, machine ${p.machineBusyPct.ping} % busy): ${cpu(p.cpuSec.ping)}; ` +
      `place-order phase (machine ${p.machineBusyPct.orders} % busy): ${cpu(p.cpuSec.orders)}. ` +
      `CPU ms per answered request — account.ping: ${msList(p.cpuMsPerRequest.ping)}; order.place: ${msList(p.cpuMsPerRequest.order)}.`,
  );
  const e = r.events;
  out.push(
    `Backlog drain: 1 worker ${round(e.oneWorkerSec)} s (CPU: ${cpu(e.oneWorkerCpuSec)}); 2 workers ${round(e.twoWorkersSec)} s (CPU: ${cpu(e.twoWorkersCpuSec)}). ` +
      `Each OrderPlaced is two jobs (store-notification, mypage-projection), each a PostgreSQL transaction.`,
  );
  out.push(`Store action → MyPage: ${e.storeActionToMyPage.accepted} orders accepted through store.accept; relay p50 ${round(e.storeActionToMyPage.relayP50Ms)} ms.`);
  out.push(`Outage scenario: ${r.outage.offeredPerSec} orders/s offered (paced over staggered autocannon instances; 60 % of the overload throughput, at most 150/s), processor down from ${round(r.outage.outageStartSec)} s to ${round(r.outage.outageEndSec)} s.`);
  return out;
}
