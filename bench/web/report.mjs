// Output of `npm run bench:web`: the table on the terminal, bench/results/web.json and web-report.md.
import fs from "node:fs";
import path from "node:path";
import { round } from "../lib/stats.mjs";

/** Issue 20's goals, per page, against the bare Next.js page of the same run. */
export const GOALS = { jsRatio: 1.3, mainThreadRatio: 1.5, score: 90, cls: 0.05 };

const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const FIELDS = ["score", "jsBytes", "mainThreadMs", "bootupMs", "lcpMs", "fcpMs", "tbtMs", "cls", "siMs", "fontBytes", "cssBytes", "documentBytes", "totalBytes", "jsRequests", "fontRequests", "domSize"];

/** Per-field median over the runs of one page (each figure on its own, as the issue's ratios are). */
export function medianOf(runs) {
  return Object.fromEntries(FIELDS.map((f) => [f, median(runs.map((r) => r[f]))]));
}

const ratio = (x, base) => (x === null || base === null || base === undefined || base === 0 ? null : x / base);

/** Adds ratios to the bare page and the goal marks to each page's medians. */
export function withRatios(pages, bare) {
  return pages.map((p) => {
    const m = p.median;
    const r = {
      js: ratio(m.jsBytes, bare.median.jsBytes),
      manifestJs: ratio(p.manifestGzip, bare.manifestGzip),
      mainThread: ratio(m.mainThreadMs, bare.median.mainThreadMs),
      lcp: ratio(m.lcpMs, bare.median.lcpMs),
      tbt: ratio(m.tbtMs, bare.median.tbtMs),
      cls: ratio(m.cls, bare.median.cls),
      score: ratio(m.score, bare.median.score),
    };
    const goals = p.bare
      ? null
      : {
          js: r.js !== null && r.js <= GOALS.jsRatio,
          mainThread: r.mainThread !== null && r.mainThread <= GOALS.mainThreadRatio,
          score: m.score !== null && m.score >= GOALS.score,
          cls: m.cls !== null && m.cls <= GOALS.cls,
        };
    return { ...p, ratios: r, goals };
  });
}

const kib = (b) => (b === null || b === undefined ? "-" : `${round(b / 1024, 0)} KiB`);
const ms = (x) => (x === null || x === undefined ? "-" : `${round(x, 0)} ms`);
const sec = (x) => (x === null || x === undefined ? "-" : `${round(x / 1000, 1)} s`);
const x = (r) => (r === null || r === undefined ? "" : ` (${round(r, 1).toFixed(1)}×)`);
const mark = (ok) => (ok === null || ok === undefined ? "" : ok ? "✔" : "✖");

/** Table rows (strings) shared by the terminal and the markdown report. */
export function rowsOf(pages) {
  return pages.map((p) => {
    const m = p.median;
    const g = p.goals;
    return {
      page: p.label,
      score: `${m.score ?? "-"}${g ? ` ${mark(g.score)}` : ""}`,
      js: `${kib(m.jsBytes)}${x(p.ratios.js)}${g ? ` ${mark(g.js)}` : ""}`,
      manifest: `${kib(p.manifestGzip)}${x(p.ratios.manifestJs)}`,
      mainThread: `${ms(m.mainThreadMs)}${x(p.ratios.mainThread)}${g ? ` ${mark(g.mainThread)}` : ""}`,
      lcp: `${sec(m.lcpMs)}${x(p.ratios.lcp)}`,
      tbt: `${ms(m.tbtMs)}${x(p.ratios.tbt)}`,
      cls: `${m.cls === null ? "-" : round(m.cls, 3)}${g ? ` ${mark(g.cls)}` : ""}`,
      fonts: kib(m.fontBytes),
    };
  });
}

const HEAD = { page: "page", score: "score", js: "JS (transfer)", manifest: "JS in build (gzip)", mainThread: "main thread", lcp: "LCP", tbt: "TBT", cls: "CLS", fonts: "fonts" };

export function terminalTable(pages) {
  const rows = rowsOf(pages);
  const keys = Object.keys(HEAD);
  const w = keys.map((k) => Math.max(HEAD[k].length, ...rows.map((r) => r[k].length)));
  const line = (r) => keys.map((k, i) => (i === 0 ? r[k].padEnd(w[i]) : r[k].padStart(w[i]))).join("  ");
  return [line(HEAD), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

export function markdownTable(pages) {
  const rows = rowsOf(pages);
  const keys = Object.keys(HEAD);
  return [
    `| ${keys.map((k) => HEAD[k]).join(" | ")} |`,
    `|---|${keys.slice(1).map(() => "--:").join("|")}|`,
    ...rows.map((r) => `| ${keys.map((k) => r[k]).join(" | ")} |`),
  ].join("\n");
}

export function budgetTable(budget) {
  return [
    "| route | JS in build (gzip) | budget | |",
    "|---|--:|--:|---|",
    ...budget.rows.map((r) => `| ${r.route} | ${kib(r.bytes)} (${r.bytes ?? "-"} B) | ${kib(r.budget)} (${r.budget ?? "-"} B) | ${r.ok ? "✔" : "✖"} |`),
  ].join("\n");
}

export function writeWebResults(dir, result, pages) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "web.json"), JSON.stringify(result, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "web-report.md"), markdown(result, pages));
}

function markdown(result, pages) {
  const m = result.machine;
  const met = pages.filter((p) => p.goals).map((p) => ({ page: p.label, all: Object.values(p.goals).every(Boolean) }));
  const lines = [
    `# Bloom page weight (bench:web) — ${result.date}`,
    "",
    `Commit \`${result.commit}\`${result.codeDirty ? " (the tree had uncommitted changes: measured in place)" : ""}, ` +
      `${m.cores} cores (${m.cpuModel}), Node ${m.node}, ${result.chromium}, Lighthouse ${result.lighthouse} ` +
      `(mobile form factor, simulated throttling), ${result.runs} run${result.runs > 1 ? "s" : ""} per page${result.runs > 1 ? " (median of each figure)" : ""}, ` +
      `UI language ${result.locale}; web: ${result.webProcesses ?? 1} server process, worker and card processor running, PostgreSQL and Redis on the same machine. Command: \`${result.command}\`.`,
    "",
    `Load average before: ${m.loadBefore.join(" / ")}; during the Lighthouse runs: mean ${m.loadDuring.mean} (max ${m.loadDuring.max}) over 1 min; after: ${m.loadAfter.join(" / ")}. ` +
      "The ratios to the bare page are what count on a shared machine; absolute times are only indicative.",
    "",
    `Bare page: Next ${result.bare.versions.next}, React ${result.bare.versions.react}, App Router, one client component rendering 12 cards with a button each, ` +
      `built from the same node_modules. Data: ${result.seed.boardOrders} orders on the shop's board, ${result.seed.openDeliveries} open delivery requests, ` +
      `${result.seed.customerOrders} orders for the customer.`,
    "",
    markdownTable(pages),
    "",
    `Goals (P1): JS ≤ ${GOALS.jsRatio}× and main thread ≤ ${GOALS.mainThreadRatio}× the bare page, score ≥ ${GOALS.score}, CLS ≤ ${GOALS.cls}. ` +
      `Pages meeting all four: ${met.filter((x) => x.all).length} of ${met.length}.`,
    "",
    "\"JS (transfer)\" is Lighthouse's transfer size of every script the page loaded; \"JS in build (gzip)\" is what the build's manifests say the route loads " +
      "(bench/web/route-bytes.mjs, the figure the [P1] budget test checks).",
    "",
    "## JS budget per route (bench/web-budget.json)",
    "",
    budgetTable(result.budget),
    "",
    "## Where it goes",
    "",
    "From each page's median run (by main-thread time): the largest scripts (transfer), the main thread's largest groups (Lighthouse's mainthread-work-breakdown, simulated 4× CPU slowdown), DOM size, fonts.",
    "",
    ...pages.map((p) => {
      const s = p.detail;
      if (!s) return `- ${p.label}: -`;
      const chunks = s.scripts.slice(0, 4).map((c) => `${c.path.split("/").pop()} ${kib(c.transfer)}`).join(", ");
      const mt = s.mainThread.slice(0, 3).map((g) => `${g.group} ${ms(g.ms)}`).join(", ");
      return `- **${p.label}**: biggest scripts ${chunks}; main thread ${mt}; ${p.median.domSize ?? "-"} DOM elements; fonts ${kib(s.fontBytes)} in ${s.fontRequests} files; HTML ${kib(p.median.documentBytes)}, CSS ${kib(p.median.cssBytes)}.`;
    }),
    "",
    ...(result.notes?.length ? ["## Notes", "", ...result.notes.map((n) => `- ${n}`), ""] : []),
    "Full Lighthouse results of every run: bench/results/lighthouse.tmp/<page>-<run>.json (not committed; open them in the Lighthouse viewer). Raw figures: [web.json](web.json).",
    "",
  ];
  return lines.join("\n");
}
