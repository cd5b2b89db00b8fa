// `npm test` (and CI via .ci/run): prepare the test environment, run every stage even after a
// failure so the summary is complete, and end with the line `tests: N passed, N failed`.
// `--only unit,integration` runs a subset.
import { authSecret, ensureChromium, ensureNodeModules, ROOT, run, step, vapidEnv } from "./lib/services.mjs";
import { setup } from "./setup.mjs";

const build = ["npx", "turbo", "run", "build", "--filter=@bloom/web", "--filter=@bloom/worker"];
const STAGES = [
  // services: whether the stage needs PostgreSQL/Redis (skipping setup keeps `--only unit` fast)
  { name: "lint", cmd: ["npm", "run", "lint"] },
  { name: "typecheck", cmd: ["npm", "run", "typecheck"] },
  { name: "unit", cmd: ["npx", "vitest", "run", "--project", "unit"], parse: vitestCounts },
  // The build comes before integration: the web process tests (C6, C9) run the production server.
  { name: "build", cmd: build, env: { NODE_ENV: "production" }, services: true },
  { name: "integration", cmd: ["npx", "vitest", "run", "--project", "integration"], parse: vitestCounts, services: true },
  { name: "e2e", cmd: ["npx", "playwright", "test", "-c", "playwright/playwright.config.ts"], parse: playwrightCounts, services: true },
];

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, ""); // eslint-disable-line no-control-regex
const num = (text, re) => Number(text.match(re)?.[1] ?? 0);

/** Vitest: `Tests  2 failed | 40 passed | 1 skipped (43)` (not the `Test Files` line). */
function vitestCounts(out) {
  const line = strip(out).split("\n").reverse().find((l) => /^\s*Tests\s+\d/.test(l));
  return line && { passed: num(line, /(\d+) passed/), failed: num(line, /(\d+) failed/) };
}

/** Playwright: summary lines `  12 passed (30.1s)`, `  1 failed`, `  1 flaky` (flaky = passed on retry). */
function playwrightCounts(out) {
  const lines = strip(out).split("\n");
  const sum = (word) => lines.reduce((n, l) => n + num(l, new RegExp(`^\\s*(\\d+) ${word}\\b`)), 0);
  const counts = { passed: sum("passed") + sum("flaky"), failed: sum("failed") };
  return counts.passed + counts.failed > 0 ? counts : undefined;
}

const only = process.argv.find((a, i) => process.argv[i - 1] === "--only" || a.startsWith("--only="));
const wanted = only?.replace(/^--only=/, "").split(",").map((s) => s.trim());
const unknown = wanted?.filter((w) => !STAGES.some((s) => s.name === w)) ?? [];
if (unknown.length) {
  console.error(`unknown stage(s): ${unknown.join(", ")}; known: ${STAGES.map((s) => s.name).join(", ")}`);
  process.exit(2);
}
const stages = STAGES.filter((s) => !wanted || wanted.includes(s.name));

const results = [];
const record = (name, ok, t0, counts) => results.push({ name, ok, secs: (Date.now() - t0) / 1000, counts });

// Setup is a stage of its own: if it fails nothing else can meaningfully run.
let env = {};
let t0 = Date.now();
try {
  if (stages.some((s) => s.services)) env = await setup({ test: true });
  else await ensureNodeModules(ROOT);
  if (stages.some((s) => s.name === "e2e")) await ensureChromium();
  // Production builds and `next start` (started by Playwright) refuse to run without a secret.
  env = { ...env, AUTH_SECRET: authSecret(), NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
  // X3: the e2e web server offers "Ring this device" only with a VAPID public key.
  env = { ...vapidEnv(), ...env };
  record("setup", true, t0);
} catch (err) {
  console.error(`✖ setup: ${err.message}`);
  record("setup", false, t0);
}

if (results[0].ok) {
  for (const stage of stages) {
    t0 = Date.now();
    const [cmd, ...args] = stage.cmd;
    let ok = true;
    let output = "";
    try {
      ({ output } = await step(stage.name, () => run(cmd, args, { env: { ...env, ...stage.env }, capture: true })));
    } catch (err) {
      ok = false;
      output = err.output ?? "";
      console.error(err.message);
    }
    record(stage.name, ok, t0, stage.parse?.(output));
  }
}

// Summary. A failed stage always counts at least one failure, even if its runner reported none
// (lint, typecheck, build, or a test runner that crashed after its tests passed).
let passed = 0;
let failed = 0;
console.log("\n stage        result   time      tests");
for (const r of results) {
  passed += r.counts?.passed ?? 0;
  failed += Math.max(r.counts?.failed ?? 0, r.ok ? 0 : 1);
  const tests = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed` : r.ok ? "-" : "failed";
  console.log(` ${r.name.padEnd(12)} ${(r.ok ? "pass" : "FAIL").padEnd(8)} ${`${r.secs.toFixed(1)} s`.padStart(8)}  ${tests}`);
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
console.log(`tests: ${passed} passed, ${failed} failed`);
