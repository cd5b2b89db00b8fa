// Output of a run: the table on the terminal, bench/results/latest.json, report.md and latency.svg.
import fs from "node:fs";
import path from "node:path";
import { round } from "./stats.mjs";

const fmt = (x, d = 1) => (x === null || x === undefined ? "-" : String(round(x, d)));
const statuses = (s) => Object.entries(s ?? {}).map(([k, v]) => `${k}: ${v}`).join(", ");

export function table(rows) {
  const head = ["scenario", "ok/s", "p50 ms", "p95 ms", "p99 ms", "answers", "statuses / errors"];
  const body = rows.map((r) => [r.name, fmt(r.perSec), fmt(r.p50Ms), fmt(r.p95Ms), fmt(r.p99Ms), String(r.count ?? "-"), statuses(r.statuses)]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  ");
  return [line(head), w.map((n) => "-".repeat(n)).join("  "), ...body.map(line)].join("\n");
}

export function goalsTable(goals) {
  return goals.map((g) => `${g.met === null ? "–" : g.met ? "✔" : "✖"} ${g.name}: ${g.value} (goal ${g.goal})`).join("\n");
}

export function writeResults(dir, result, rows, goals, series) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "latest.json"), JSON.stringify(result, null, 2) + "\n");
  fs.writeFileSync(path.join(dir, "latency.svg"), svg(rows, series));
  fs.writeFileSync(path.join(dir, "report.md"), markdown(result, rows, goals));
}

function markdown(result, rows, goals) {
  const m = result.machine;
  const lines = [
    `# Bloom benchmark — ${result.date}`,
    "",
    `Commit \`${result.commit}\`${result.codeDirty ? " (the tree had uncommitted changes; the measured code is the commit)" : ""}, ` +
      `${m.cores} cores (${m.cpuModel}), Node ${m.node}, PostgreSQL and Redis on the same machine; ` +
      `web: ${result.webProcesses ?? 1} server process${(result.webProcesses ?? 1) > 1 ? "es" : ""} (WEB_CONCURRENCY), worker: 1 process. ` +
      `Command: \`${result.command}\`.`,
    "",
    `Load average before: ${m.loadBefore.join(" / ")}; after: ${m.loadAfter.join(" / ")} (1 / 5 / 15 min). ` +
      `${m.otherLoadNote}`,
    "",
    "| scenario | ok/s | p50 ms | p95 ms | p99 ms | answers | statuses / errors |",
    "|---|--:|--:|--:|--:|--:|---|",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.perSec)} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.p99Ms)} | ${r.count ?? "-"} | ${statuses(r.statuses)} |`),
    "",
    "## Goals",
    "",
    ...goals.map((g) => `- ${g.met === null ? "–" : g.met ? "✔" : "✖"} **${g.name}**: ${g.value} (goal ${g.goal})${g.note ? ` — ${g.note}` : ""}`),
    "",
    "## Details",
    "",
    ...(result.notes ?? []).map((n) => `- ${n}`),
    "",
    "![latency](latency.svg)",
    "",
    "Raw figures: [latest.json](latest.json).",
    "",
  ];
  return lines.join("\n");
}

/** Two panels: p50/p95/p99 per scenario (log scale), and the outage run over time. */
function svg(rows, series) {
  const W = 900;
  const H1 = 300;
  const H2 = series?.outage ? 260 : 0;
  const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H1 + H2 + 20}" font-family="sans-serif" font-size="11">`, `<rect width="100%" height="100%" fill="white"/>`];
  // Panel 1: latency percentiles per scenario, log scale 1 ms … 10 s.
  const left = 230;
  const right = W - 20;
  const x = (ms) => left + ((Math.log10(Math.max(1, ms)) - 0) / 4) * (right - left);
  out.push(
    `<text x="10" y="18" font-size="13" font-weight="bold">Latency per scenario (ms, log scale): ` +
      `<tspan fill="#4c9be8">p50 ▮</tspan> <tspan fill="#f0a030">p95 ▮</tspan> <tspan fill="#d04040">p99 ▮</tspan></text>`,
  );
  rows = rows.filter((r) => r.p50Ms !== null && r.p50Ms !== undefined); // throughput-only rows have no bars
  for (const [i, t] of [1, 10, 100, 1000, 10000].entries()) {
    out.push(`<line x1="${x(t)}" y1="28" x2="${x(t)}" y2="${H1 - 20}" stroke="#ddd"/><text x="${x(t)}" y="${H1 - 6}" text-anchor="middle">${t}</text>`);
    void i;
  }
  const colors = ["#4c9be8", "#f0a030", "#d04040"];
  const rh = Math.min(36, (H1 - 60) / Math.max(1, rows.length));
  rows.forEach((r, i) => {
    const y = 32 + i * rh;
    out.push(`<text x="${left - 6}" y="${y + rh / 2 + 4}" text-anchor="end">${esc(r.name)}</text>`);
    [r.p50Ms, r.p95Ms, r.p99Ms].forEach((v, k) => {
      if (v === null || v === undefined) return;
      const bh = (rh - 6) / 3;
      out.push(`<rect x="${left}" y="${y + k * bh}" width="${Math.max(1, x(v) - left)}" height="${bh - 1}" fill="${colors[k]}"/>`);
      out.push(`<text x="${x(v) + 3}" y="${y + k * bh + bh - 2}" font-size="9">${fmt(v)}</text>`);
    });
  });
  // Panel 2: the outage run, per 500 ms: successful orders/s and p99 latency of all answers.
  if (series?.outage) {
    const r = series.outage;
    const [s, e] = series.outageWindow;
    const top = H1 + 20;
    const bins = Math.ceil((r.seconds * 1000) / 500);
    const okPerSec = new Array(bins).fill(0);
    const lat = Array.from({ length: bins }, () => []);
    for (let i = 0; i < r.samples.t.length; i++) {
      const b = Math.min(bins - 1, Math.floor((r.samples.t[i] - r.t0) / 500));
      if (r.samples.status[i] < 300) okPerSec[b] += 2;
      lat[b].push(r.samples.ms[i]);
    }
    const p99 = lat.map((l) => (l.length ? l.sort((a, b) => a - b)[Math.ceil(0.99 * l.length) - 1] : null));
    const L = 60;
    const R = W - 60;
    const T = top + 24;
    const B = top + H2 - 30;
    const xt = (ms) => L + (ms / (r.seconds * 1000)) * (R - L);
    const maxOk = Math.max(1, ...okPerSec);
    const maxLat = Math.max(1, ...p99.filter((v) => v !== null));
    out.push(`<text x="10" y="${top + 12}" font-size="13" font-weight="bold">Payment outage run: successful orders/s (blue) and p99 latency of all answers (red), per 0.5 s</text>`);
    out.push(`<rect x="${xt(s)}" y="${T}" width="${xt(e) - xt(s)}" height="${B - T}" fill="#fbe3e3"/><text x="${(xt(s) + xt(e)) / 2}" y="${T + 12}" text-anchor="middle">processor down</text>`);
    out.push(`<line x1="${L}" y1="${B}" x2="${R}" y2="${B}" stroke="#999"/>`);
    for (let t = 0; t <= r.seconds; t += 5) out.push(`<text x="${xt(t * 1000)}" y="${B + 14}" text-anchor="middle">${t}s</text>`);
    const poly = (vals, max, color) =>
      `<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${vals
        .map((v, i) => (v === null ? null : `${xt(i * 500 + 250).toFixed(1)},${(B - (v / max) * (B - T - 16)).toFixed(1)}`))
        .filter(Boolean)
        .join(" ")}"/>`;
    out.push(poly(okPerSec, maxOk, "#4c9be8"), poly(p99, maxLat, "#d04040"));
    out.push(`<text x="${L - 4}" y="${T + 20}" text-anchor="end" fill="#4c9be8">${fmt(maxOk, 0)}/s</text>`);
    out.push(`<text x="${R + 4}" y="${T + 20}" fill="#d04040">${fmt(maxLat, 0)} ms</text>`);
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
}
