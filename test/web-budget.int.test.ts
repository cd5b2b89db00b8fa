// P1 (issue 20): a JS budget per role route, checked in CI. The JavaScript each route loads is read
// from the production build's own manifests (build-manifest.json's rootMainFiles plus the route's
// client reference manifest: bench/web/route-bytes.mjs, the same module `npm run bench:web` uses
// and checks against what Lighthouse saw the browser load) and compared, gzipped, with
// bench/web-budget.json. The full Lighthouse comparison with the bare Next.js page stays a
// benchmark (`npm run bench:web`).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUDGET_ROUTES, budgetReport, checkBudget, readBudget, routeBytes } from "../bench/web/route-bytes.mjs";
import { ensureWebBuild } from "./support/web";

const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_DIR = path.join(ROOT, "apps/web/.next");
const BUDGET_FILE = path.join(ROOT, "bench/web-budget.json");

type RouteBytes = { gzip: number; raw: number; files: { file: string; gzip: number; raw: number; shared: boolean }[] };
let measured: Record<string, RouteBytes>;

describe("[P1] JavaScript budget per route (from the build's manifests)", () => {
  beforeAll(() => {
    ensureWebBuild();
    measured = Object.fromEntries(BUDGET_ROUTES.map((r: string) => [r, routeBytes(NEXT_DIR, r) as RouteBytes]));
  }, 900_000);

  it("[P1] every role route's JavaScript (gzip, as transferred) is within its budget in bench/web-budget.json", () => {
    const budget = readBudget(BUDGET_FILE);
    const result = checkBudget(Object.fromEntries(Object.entries(measured).map(([r, m]) => [r, m.gzip])), budget);
    expect(result.ok, `JS per route over budget (see bench/web-budget.json):\n${budgetReport(result)}`).toBe(true);
    // Every route has a budget and every budget a route: a renamed route cannot slip out of the check.
    expect(Object.keys(budget.routes).sort()).toEqual([...BUDGET_ROUTES].sort());
  });

  it("[P1] the count is the route's real download: the framework's shared chunks and the route's own, gzipped", () => {
    const build = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
    for (const [route, m] of Object.entries(measured)) {
      const files = m.files.map((f) => f.file);
      expect(files, route).toEqual(expect.arrayContaining(build.rootMainFiles));
      expect(m.files.some((f) => !f.shared), `${route} loads chunks of its own`).toBe(true);
      for (const f of m.files) expect(fs.existsSync(path.join(NEXT_DIR, f.file)), f.file).toBe(true);
      expect(m.gzip).toBeGreaterThan(0);
      expect(m.gzip).toBeLessThan(m.raw);
    }
  });

  it("[P1] a budget 10 % below today's size fails every route, and says by how much", () => {
    const today = Object.fromEntries(Object.entries(measured).map(([r, m]) => [r, m.gzip]));
    const tight = { routes: Object.fromEntries(Object.entries(today).map(([r, b]) => [r, Math.floor(b * 0.9)])) };
    const result = checkBudget(today, tight);
    expect(result.ok).toBe(false);
    for (const row of result.rows) {
      expect(row.ok, row.route).toBe(false);
      expect(row.overBy).toBeGreaterThanOrEqual(Math.floor(today[row.route]! * 0.1));
    }
    expect(budgetReport(result)).toMatch(/✖ \/board .* over by/);
    // …and exactly today's size passes: the check is "at most the budget".
    expect(checkBudget(today, { routes: today }).ok).toBe(true);
  });

  it("[P1] a route without a budget, or a budgeted route missing from the build, fails", () => {
    expect(checkBudget({ "/stores": 1000, "/new-page": 1000 }, { routes: { "/stores": 2000 } }).ok).toBe(false);
    expect(checkBudget({ "/stores": 1000 }, { routes: { "/stores": 2000, "/gone": 2000 } }).ok).toBe(false);
    expect(checkBudget({ "/stores": 1000 }, { routes: { "/stores": 2000 } }).ok).toBe(true);
  });
});
