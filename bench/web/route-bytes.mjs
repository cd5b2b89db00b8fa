// JavaScript each route loads, read from a production build's own manifests (P1), and
// the per-route budget check. Shared by `npm run bench:web` and the [P1] test in `npm test`.
//
// What a route loads on a full page load, in a Next 16 (Turbopack) App Router build:
//   - build-manifest.json `rootMainFiles`: the framework, React and the Turbopack runtime, on every
//     page (`polyfillFiles` are `nomodule` scripts: a modern browser skips them, so they do not count);
//   - the route's client reference manifest, server/app/<entry>_client-reference-manifest.js:
//     `entryJSFiles` lists, per server entry of the route (root layout, each segment's layout,
//     error and not-found boundaries, global-error, the page), the chunks of the client components
//     it renders. The browser loads the union of them before the page is interactive.
// Chunks loaded later by next/dynamic or React.lazy are not in these lists; Lighthouse's figure in
// `npm run bench:web` includes them, which is why bench:web prints both.
// Bytes are counted as transferred: each file gzipped (zlib's default level, as Next's server
// compresses), summed; `raw` is the size on disk.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

/** The role routes that have a budget (P1) (checkout's route is /checkout). */
export const BUDGET_ROUTES = ["/stores", "/stores/[storeId]", "/checkout", "/orders/[orderId]", "/mypage", "/board", "/deliveries", "/signin"];

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8"));

/** `/stores` → `/(customer)/stores/page` (the build's own route → entry map). */
export function entryOfRoute(nextDir, route) {
  const routes = readJson(path.join(nextDir, "app-path-routes-manifest.json"));
  const entries = Object.entries(routes).filter(([entry, r]) => r === route && entry.endsWith("/page"));
  if (entries.length !== 1) throw new Error(`route ${route}: ${entries.length ? "several" : "no"} page entries in ${nextDir}/app-path-routes-manifest.json`);
  return entries[0][0];
}

/** Evaluates `server/app/<entry>_client-reference-manifest.js` (it assigns globalThis.__RSC_MANIFEST[entry]). */
export function clientReferenceManifest(nextDir, entry) {
  const file = path.join(nextDir, "server", "app", `${entry}_client-reference-manifest.js`);
  if (!fs.existsSync(file)) throw new Error(`no client reference manifest for ${entry} (${file}): is this a Next 16 App Router production build?`);
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file, timeout: 5000 });
  const manifest = sandbox.__RSC_MANIFEST?.[entry];
  if (!manifest?.entryJSFiles) throw new Error(`${file} has no entryJSFiles for ${entry}`);
  return manifest;
}

const sizes = new Map();
/** Size on disk and gzip size of one built file (cached per path + mtime). */
export function fileBytes(nextDir, file) {
  const full = path.join(nextDir, file);
  const st = fs.statSync(full);
  const key = `${full}:${st.mtimeMs}:${st.size}`;
  if (!sizes.has(key)) sizes.set(key, { raw: st.size, gzip: zlib.gzipSync(fs.readFileSync(full)).length });
  return sizes.get(key);
}

/**
 * The JavaScript files a route loads and their bytes: { route, entry, files: [{ file, raw, gzip, shared }], raw, gzip }.
 * `shared` marks rootMainFiles (loaded by every page). CSS is listed apart (not part of the budget).
 */
export function routeBytes(nextDir, route) {
  const build = readJson(path.join(nextDir, "build-manifest.json"));
  const entry = entryOfRoute(nextDir, route);
  const manifest = clientReferenceManifest(nextDir, entry);
  const root = build.rootMainFiles ?? [];
  const js = new Set(root);
  for (const files of Object.values(manifest.entryJSFiles)) for (const f of files) if (f.endsWith(".js")) js.add(f);
  const css = new Set();
  for (const files of Object.values(manifest.entryCSSFiles ?? {})) for (const f of files) if (!f.inlined) css.add(f.path);
  const files = [...js].map((file) => ({ file, ...fileBytes(nextDir, file), shared: root.includes(file) }));
  const cssFiles = [...css].map((file) => ({ file, ...fileBytes(nextDir, file) }));
  const sum = (list, k) => list.reduce((n, f) => n + f[k], 0);
  return { route, entry, files, raw: sum(files, "raw"), gzip: sum(files, "gzip"), css: { files: cssFiles, gzip: sum(cssFiles, "gzip") } };
}

/** routeBytes for each route: { [route]: result }. */
export function routesBytes(nextDir, routes = BUDGET_ROUTES) {
  return Object.fromEntries(routes.map((r) => [r, routeBytes(nextDir, r)]));
}

/** The checked-in budget (bench/web-budget.json): { routes: { [route]: gzipBytes } , ... }. */
export function readBudget(file) {
  const budget = readJson(file);
  if (!budget.routes || typeof budget.routes !== "object") throw new Error(`${file}: no "routes" object`);
  return budget;
}

/**
 * Compares measured gzip bytes per route ({ [route]: bytes }) with the budget's. Every budgeted
 * route must be measured and within its budget; a measured route without a budget fails too (a
 * new role route gets a budget when it is added).
 * Returns { ok, rows: [{ route, bytes, budget, ok, overBy }] }.
 */
export function checkBudget(measured, budget) {
  const routes = [...new Set([...Object.keys(budget.routes), ...Object.keys(measured)])];
  const rows = routes.map((route) => {
    const bytes = measured[route];
    const limit = budget.routes[route];
    const ok = Number.isFinite(bytes) && Number.isFinite(limit) && bytes <= limit;
    return { route, bytes: bytes ?? null, budget: limit ?? null, ok, overBy: Number.isFinite(bytes) && Number.isFinite(limit) ? bytes - limit : null };
  });
  return { ok: rows.every((r) => r.ok), rows };
}

const kib = (n) => (n === null ? "-" : `${(n / 1024).toFixed(1)} KiB`);

/** Lines for a terminal or a failure message. */
export function budgetReport({ rows }) {
  return rows
    .map((r) => {
      const why = r.bytes === null ? "not in the build" : r.budget === null ? "no budget in bench/web-budget.json" : r.ok ? "" : `over by ${kib(r.overBy)}`;
      return `${r.ok ? "✔" : "✖"} ${r.route.padEnd(18)} ${kib(r.bytes).padStart(10)} gzip  (budget ${kib(r.budget)})${why ? `  ${why}` : ""}`;
    })
    .join("\n");
}

/** The largest chunks of a route (for reports): [{ file, gzip, shared }]. */
export function biggestChunks(result, n = 5) {
  return [...result.files].sort((a, b) => b.gzip - a.gzip).slice(0, n);
}
