// The reference of issue 20: a bare Next.js App Router page built from the repo's own node_modules
// (the same next, react and react-dom as the app): a server layout and page around one client
// component that renders 12 cards with a button each. Generated into a temporary directory, built
// with `next build` (offline; telemetry off) and served with `next start`.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { run } from "../../scripts/lib/services.mjs";

export const BARE_DIR = process.env.BENCH_WEB_BARE_DIR || "/tmp/bloom-bench-web/bare";

const FILES = {
  "package.json": JSON.stringify({ name: "bloom-bench-bare", private: true, version: "0.0.0", type: "module" }, null, 2) + "\n",
  // Turbopack resolves only inside its root; node_modules is a symlink into the repo, so the root
  // is the filesystem's (nothing is watched: this is a production build).
  "next.config.mjs": `export default { poweredByHeader: false, turbopack: { root: "/" } };\n`,
  "app/layout.jsx": `export const metadata = { title: "Bare Next.js page" };
export const viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ margin: 0, fontFamily: "system-ui, sans-serif" }}>
        <main>{children}</main>
      </body>
    </html>
  );
}
`,
  "app/page.jsx": `import { Cards } from "./cards";

export default function Page() {
  return (
    <>
      <h1 style={{ margin: "16px" }}>Bare Next.js page</h1>
      <Cards />
    </>
  );
}
`,
  "app/cards.jsx": `"use client";
import { useState } from "react";

const CARDS = Array.from({ length: 12 }, (_, i) => ({ id: i + 1, title: \`Card \${i + 1}\`, body: \`A short description of card \${i + 1}.\` }));

function Card({ card }) {
  const [count, setCount] = useState(0);
  return (
    <li style={{ border: "1px solid #ddd", borderRadius: 12, padding: 16, listStyle: "none" }}>
      <h2 style={{ margin: "0 0 8px", fontSize: 18 }}>{card.title}</h2>
      <p style={{ margin: "0 0 12px" }}>{card.body}</p>
      <button type="button" onClick={() => setCount((c) => c + 1)} style={{ minHeight: 44, padding: "0 16px" }}>
        Add ({count})
      </button>
    </li>
  );
}

export function Cards() {
  return (
    <ul style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(240px, 1fr))", gap: 16, padding: 16, margin: 0 }}>
      {CARDS.map((c) => (
        <Card key={c.id} card={c} />
      ))}
    </ul>
  );
}
`,
};

/** Versions the bare page is built with, read from the node_modules it links to. */
export function frameworkVersions(nodeModules) {
  const req = createRequire(path.join(nodeModules, "..", "package.json"));
  const v = (p) => req(`${p}/package.json`).version;
  return { next: v("next"), react: v("react"), reactDom: v("react-dom") };
}

/**
 * Writes the bare app into `dir` (node_modules: a symlink to `nodeModules`) and builds it.
 * Rebuilt only when the sources or the framework versions changed (stamp file).
 */
export async function buildBare({ nodeModules, dir = BARE_DIR, force = false }) {
  const versions = frameworkVersions(nodeModules);
  // The build refers to node_modules by path (server chunks, the symlink): a new snapshot's
  // node_modules (another commit) means a new build.
  const stamp = JSON.stringify({ nodeModules: fs.realpathSync(nodeModules), versions, files: FILES });
  const stampFile = path.join(dir, ".bench-stamp");
  const linked = fs.existsSync(path.join(dir, "node_modules", "next", "package.json"));
  if (!force && linked && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp && fs.existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    return { dir, versions, rebuilt: false };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
  await run(process.execPath, [nextBin(nodeModules), "build"], { cwd: dir, env: bareEnv(), capture: true });
  fs.writeFileSync(stampFile, stamp);
  return { dir, versions, rebuilt: true };
}

export const nextBin = (nodeModules) => path.join(nodeModules, "next", "dist", "bin", "next");

export function bareEnv(over = {}) {
  return { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...over };
}
