// The worker's production build: one ES module per entry point in dist/, with the
// workspace packages it runs (@bloom/app, @bloom/db, @bloom/domain, @bloom/config, all
// TypeScript sources) compiled in, and every npm dependency left as an import of node_modules
// (Prisma's generated client, BullMQ, sharp… keep their own files). `npm start` runs dist/main.js
// with plain node; `npm run dev` keeps tsx.
import { build } from "esbuild";
import fs from "node:fs";
import { isBuiltin } from "node:module";
import path from "node:path";

const here = import.meta.dirname;
const root = path.resolve(here, "../..");
const outdir = path.join(here, "dist");
fs.rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: here,
  entryPoints: { main: "src/main.ts", "rebuild-mypage": "src/rebuild-mypage.ts" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  logLevel: "warning",
  // Bundled: relative imports, the workspace's own packages, and the few npm packages a workspace
  // keeps in its own node_modules (another version than the root's: jose, nodemailer), which
  // dist/ could not find at run time. External: every other npm package, from the root's node_modules.
  plugins: [
    {
      name: "npm-packages-external",
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith("@bloom/") || args.path.startsWith("node:")) return undefined;
          const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
          const atRoot = fs.existsSync(path.join(root, "node_modules", name, "package.json"));
          return atRoot || isBuiltin(args.path) ? { path: args.path, external: true } : undefined;
        });
      },
    },
  ],
  // Bundled CommonJS helpers may call require(): give the ES module one.
  banner: {
    js: `import { createRequire as __bloomCreateRequire } from "node:module"; const require = __bloomCreateRequire(import.meta.url);`,
  },
});
console.log(`worker built into ${path.relative(process.cwd(), outdir) || "dist"}`);
