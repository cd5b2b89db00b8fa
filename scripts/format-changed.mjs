// `npm run format:check` / `npm run format`: Prettier on the files changed against the
// main branch (committed on this branch, staged or not, and new files), not on the whole tree.
// The tree has not been formatted yet; formatting it at once would collide with every branch in
// flight, so each change formats what it touches. `--write` formats them, otherwise it checks.
//   FORMAT_BASE=<rev>  compare against another revision (default: the merge base with main)
import { execFileSync, spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "./lib/services.mjs";

const git = (...args) => execFileSync("git", ["-C", ROOT, ...args], { encoding: "utf8" }).trim();
const write = process.argv.includes("--write");
const base = process.env.FORMAT_BASE || git("merge-base", "HEAD", "main");
const changed = new Set(
  [
    ...git("diff", "--name-only", "--diff-filter=ACMR", base).split("\n"),
    ...git("ls-files", "--others", "--exclude-standard").split("\n"),
  ].filter(Boolean),
);
const FORMATTED = /\.(ts|tsx|mts|cts|js|mjs|cjs|json|css|md|ya?ml)$/;
const files = [...changed].filter((f) => FORMATTED.test(f));
if (files.length === 0) {
  console.log(`format: no changed files against ${base.slice(0, 12)}`);
  process.exit(0);
}
const prettier = path.join(ROOT, "node_modules", ".bin", "prettier");
const r = spawnSync(prettier, [write ? "--write" : "--check", "--ignore-unknown", ...files], { cwd: ROOT, stdio: "inherit" });
process.exit(r.status ?? 1);
