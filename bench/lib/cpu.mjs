// Where the time goes: CPU seconds used by each part of the system over a measured interval, read
// from /proc (Linux), plus the machine's total, so that load from outside the bench shows up too.
import fs from "node:fs";
import { treePids } from "./stack.mjs";

const HZ = 100; // USER_HZ: clock ticks per second in /proc/<pid>/stat on Linux

function ticks(pid) {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return Number(f[11]) + Number(f[12]); // utime + stime
  } catch {
    return 0;
  }
}

function machine() {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  // busy = total minus idle and iowait; steal (field 8) is time the hypervisor gave another guest.
  return { busy: total - f[3] - f[4], total, steal: f[7] ?? 0 };
}

/**
 * Starts an interval. `groups` maps a name to an (async) function returning pids, evaluated at the
 * start and at the end, so processes that appear meanwhile still count from their first tick.
 */
export async function cpuMeter(groups, { subsets = {} } = {}) {
  // `subsets`: parts of a group reported on their own as well (not added to the total again).
  const all = { ...groups, ...subsets };
  const snap = async () => {
    const out = {};
    for (const [name, pids] of Object.entries(all)) {
      out[name] = new Map((await pids()).map((p) => [p, ticks(p)]));
    }
    return out;
  };
  const start = await snap();
  const m0 = machine();
  const self0 = process.cpuUsage();
  const t0 = Date.now();
  return {
    /** CPU seconds per group, "bench load generator", "other (outside the bench)", and busy %. */
    async stop() {
      const end = await snap();
      const m1 = machine();
      const wall = (Date.now() - t0) / 1000;
      const out = {};
      let ours = 0;
      for (const name of Object.keys(groups)) {
        let sum = 0;
        for (const [pid, t] of end[name]) sum += t - (start[name].get(pid) ?? 0);
        out[name] = sum / HZ;
        ours += out[name];
      }
      const subsetSec = {};
      for (const name of Object.keys(subsets)) {
        let sum = 0;
        for (const [pid, t] of end[name]) sum += t - (start[name].get(pid) ?? 0);
        subsetSec[name] = sum / HZ;
      }
      const self = process.cpuUsage(self0);
      out["load generator"] = (self.user + self.system) / 1e6;
      ours += out["load generator"];
      const busy = (m1.busy - m0.busy) / HZ;
      const steal = (m1.steal - m0.steal) / HZ;
      out["other (not the bench)"] = Math.max(0, busy - ours - steal);
      out["stolen by the hypervisor"] = steal;
      return { wallSec: wall, cpuSec: out, subsetSec, machineBusyPct: (100 * (m1.busy - m0.busy)) / Math.max(1, m1.total - m0.total) };
    },
  };
}

/** Pids of a started process tree (npm → sh → node). */
export const treeOf = (proc) => () => (proc && !proc.exited ? treePids(proc.child.pid) : []);

/**
 * PostgreSQL pids working for the bench — backends of the bench database plus the server's own
 * background processes (WAL writer, checkpointer, background writer, autovacuum), which every
 * commit makes work — and the bench Redis server.
 */
export async function servicePids(db, redisPort) {
  const { rows } = await db.query(
    `SELECT pid, datname IS NOT NULL AS backend FROM pg_stat_activity WHERE (datname = current_database() OR datname IS NULL) AND pid <> pg_backend_pid()`,
  );
  const redis = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, "utf8");
      if (cmd.startsWith("redis-server") && cmd.includes(`:${redisPort}`)) redis.push(Number(d));
    } catch {
      // gone
    }
  }
  // pgBackends: only the bench database's own connections. The server's background processes
  // (WAL writer, checkpointer, autovacuum) serve every database of the cluster: on a machine
  // shared with other work they also count its commits.
  return { pg: rows.map((r) => r.pid), pgBackends: rows.filter((r) => r.backend).map((r) => r.pid), redis };
}

export function loadAverage() {
  return fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);
}

/**
 * Waits until the machine's CPU is below `busyPct` over a `windowMs` window (or `maxMs` passed),
 * so that a measurement does not start inside the tail of the previous scenario's work
 * (autovacuum, WAL writing, the worker finishing). Returns the last window's busy %.
 */
export async function waitForQuiet({ busyPct = 25, windowMs = 1000, maxMs = 30_000 } = {}) {
  const until = Date.now() + maxMs;
  let pct = 100;
  while (Date.now() < until) {
    const a = machine();
    await new Promise((r) => setTimeout(r, windowMs));
    const b = machine();
    pct = (100 * (b.busy - a.busy)) / Math.max(1, b.total - a.total);
    if (pct < busyPct) break;
  }
  return pct;
}
