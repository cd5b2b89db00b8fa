// Shared helpers for setup/start/test. Plain Node ESM with node: builtins only, because these
// run before `npm ci` has installed anything. The one exception (`pg`) is loaded lazily from the
// repo's own node_modules, after ensureNodeModules().
import { spawn, spawnSync } from "node:child_process";
import { createECDH, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from "../../packages/config/defaults.mjs";

export { DEFAULT_REDIS_URL };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const INSTALL_HINT =
  "Install the services with:\n  sudo apt-get install postgresql redis-server chromium\n" +
  "or point DATABASE_URL / REDIS_URL at servers you already run.";

// ── process helpers ───────────────────────────────────────────────────────────────────────────

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

/** Exit with a message meant for a human (no stack trace: the fix is in the text). */
export function fail(message) {
  console.error(`\n✖ ${message}`);
  process.exit(1);
}

/** Log `▶ name`, run fn, then `✔ name (1.2 s)` or `✖ name (…)` and rethrow. */
export async function step(name, fn) {
  const t0 = Date.now();
  console.log(`▶ ${name}`);
  try {
    const result = await fn();
    console.log(`✔ ${name} (${seconds(t0)})`);
    return result;
  } catch (err) {
    console.error(`✖ ${name} (${seconds(t0)})`);
    throw err;
  }
}

/**
 * Run a command, streaming its output. Throws on non-zero exit with the command in the message.
 * With `capture`, output is also collected (tail only) and returned / attached to the error as
 * `.output`, so callers can parse test counts.
 */
export function run(cmd, args = [], { env, cwd = ROOT, capture = false } = {}) {
  const line = [cmd, ...args].join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", capture ? "pipe" : "inherit", capture ? "pipe" : "inherit"],
    });
    let output = "";
    const tee = (out) => (chunk) => {
      out.write(chunk);
      output = (output + chunk.toString()).slice(-200_000); // the summary is at the end
    };
    if (capture) {
      child.stdout.on("data", tee(process.stdout));
      child.stderr.on("data", tee(process.stderr));
    }
    child.on("error", (err) => reject(new Error(`could not start \`${line}\`: ${err.message}`)));
    child.on("close", (code, signal) => {
      if (code === 0) return resolve({ output });
      const err = new Error(`\`${line}\` failed (${signal ? `signal ${signal}` : `exit code ${code}`}) in ${cwd}`);
      err.output = output;
      reject(err);
    });
  });
}

const hasCommand = (name) => spawnSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" }).status === 0;
const isRoot = () => process.getuid?.() === 0;

let aptUpdated = false;
/** apt-get install as root (apt-get update once per process); otherwise explain and exit. */
async function aptInstall(pkg, why) {
  if (!isRoot()) fail(`${why}, and this is not root so it cannot be installed automatically.\n${INSTALL_HINT}`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (!aptUpdated) {
    await run("apt-get", ["update"], { env });
    aptUpdated = true;
  }
  await run("apt-get", ["install", "-y", pkg], { env });
}

/** Poll `check` (async → boolean) until true, at most `ms`; throw `message` otherwise. */
async function waitFor(check, ms, message) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(250);
  }
  throw new Error(`${message} (gave up after ${ms / 1000} s)`);
}

function tcpOpen(host, port, timeout = 1000) {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port, timeout });
    const done = (ok) => (sock.destroy(), resolve(ok));
    sock.once("connect", () => done(true));
    sock.once("timeout", () => done(false));
    sock.once("error", () => done(false));
  });
}

// ── npm ───────────────────────────────────────────────────────────────────────────────────────

/** `npm ci` when node_modules is missing or older than package-lock.json. */
export async function ensureNodeModules(root = ROOT) {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  const fresh = fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs;
  if (fresh) return;
  await step("npm ci", () =>
    run("npm", ["ci", "--no-audit", "--no-fund"], {
      cwd: root,
      env: {
        // Offline machine: nothing may download browsers or engines; Prisma is generated later.
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
        PRISMA_SKIP_POSTINSTALL_GENERATE: "1",
        NEXT_TELEMETRY_DISABLED: "1",
        TURBO_TELEMETRY_DISABLED: "1",
      },
    }),
  );
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────────────────────

/** Default DATABASE_URL; PGHOST/PGPORT (TCP only, not a socket dir) move host and port. */
export function defaultDatabaseUrl(database = "bloom") {
  const host = process.env.PGHOST && !process.env.PGHOST.startsWith("/") ? process.env.PGHOST : "127.0.0.1";
  const url = new URL(DEFAULT_DATABASE_URL);
  url.hostname = host;
  if (process.env.PGPORT) url.port = process.env.PGPORT;
  url.pathname = `/${database}`;
  return url.toString();
}

function pgTarget(url) {
  const u = new URL(url);
  return {
    host: u.hostname || "127.0.0.1",
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "bloom"),
    password: decodeURIComponent(u.password || "bloom"),
    database: decodeURIComponent(u.pathname.slice(1)) || "bloom",
  };
}

const isLocal = (host) => ["127.0.0.1", "localhost", "::1"].includes(host);

/** Debian clusters as [{version, name, port, online}] ([] when postgresql-common is absent). */
function listClusters() {
  if (!hasCommand("pg_lsclusters")) return [];
  const out = spawnSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" }).stdout || "";
  return out
    .split("\n")
    .filter(Boolean)
    .map((l) => l.trim().split(/\s+/))
    .map(([version, name, port, status]) => ({ version, name, port: Number(port), online: status.startsWith("online") }));
}

async function startLocalPostgres(port) {
  // A psql client alone also brings pg_lsclusters, so "no cluster" means "server not installed".
  if (listClusters().length === 0) await aptInstall("postgresql", "PostgreSQL is not installed");
  const clusters = listClusters();
  if (clusters.length === 0) fail(`PostgreSQL is installed but has no cluster (see pg_lsclusters).\n${INSTALL_HINT}`);
  // Fresh installs have one cluster on 5432; any other layout is the user's choice, not ours.
  const cluster = clusters.find((c) => c.port === port);
  if (!cluster) {
    const list = clusters.map((c) => `${c.version}/${c.name} on port ${c.port}`).join(", ");
    fail(`No local PostgreSQL cluster uses port ${port} (found: ${list}). Set PGPORT or DATABASE_URL to match.`);
  }
  // The package's postinst may already have started it; starting twice is an error.
  if (cluster.online) return;
  await run("pg_ctlcluster", [cluster.version, cluster.name, "start"]).catch((err) =>
    fail(`${err.message}\nStart it yourself: sudo pg_ctlcluster ${cluster.version} ${cluster.name} start\n${INSTALL_HINT}`),
  );
}

/** pg.Client from the repo's node_modules (hoisted dependency of packages/db). */
export function pgClient(config) {
  const { Client } = createRequire(path.join(ROOT, "package.json"))("pg");
  return new Client({ ...config, connectionTimeoutMillis: 5000 });
}

async function canLogin(t, deadline = Date.now() + 30_000) {
  const client = pgClient({ ...t, database: "postgres" });
  try {
    await client.connect();
    return true;
  } catch (err) {
    // 28P01 bad password, 28000 unknown role / no hba entry: both fixable by (re)creating the role.
    if (["28P01", "28000"].includes(err.code)) return false;
    // 57P03: a server we just started is still recovering; wait (bounded) for it.
    if (err.code === "57P03" && Date.now() < deadline) return sleep(500).then(() => canLogin(t, deadline));
    throw new Error(`cannot connect to PostgreSQL at ${t.host}:${t.port} as ${t.user}: ${err.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

const sqlIdent = (s) => `"${s.replaceAll('"', '""')}"`;
const sqlLiteral = (s) => `'${s.replaceAll("'", "''")}'`;

/** Server reachable (starting/installing it locally if needed) and the app's role can log in. */
export async function ensurePostgres(url = process.env.DATABASE_URL || defaultDatabaseUrl()) {
  const t = pgTarget(url);
  const where = `${t.host}:${t.port}`;
  if (!(await tcpOpen(t.host, t.port))) {
    if (!isLocal(t.host)) fail(`PostgreSQL at ${where} (from DATABASE_URL) is not reachable.`);
    await step(`start PostgreSQL on ${where}`, async () => {
      await startLocalPostgres(t.port);
      await waitFor(() => tcpOpen(t.host, t.port), 30_000, `PostgreSQL did not open ${where}`);
    });
  }
  if (await canLogin(t)) return;
  if (!isRoot() || !isLocal(t.host)) {
    fail(`Cannot log in to PostgreSQL at ${where} as "${t.user}". Create the role, e.g.\n` +
      `  sudo -u postgres psql -c "CREATE ROLE ${t.user} LOGIN CREATEDB PASSWORD '${t.password}'"\n` +
      "or set DATABASE_URL to credentials that work.");
  }
  // As root: via the postgres superuser's peer login; SQL on stdin avoids shell quoting.
  const role = `${sqlIdent(t.user)} LOGIN CREATEDB PASSWORD ${sqlLiteral(t.password)}`;
  const sql = `DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = ${sqlLiteral(t.user)}) THEN ALTER ROLE ${role};
    ELSE CREATE ROLE ${role}; END IF;
  END $$;`;
  await step(`create PostgreSQL role ${t.user}`, () => {
    const r = spawnSync("runuser", ["-u", "postgres", "--", "psql", "-p", String(t.port), "-v", "ON_ERROR_STOP=1", "-d", "postgres"], {
      input: sql,
      cwd: "/tmp", // postgres may not be able to read the repo directory
      stdio: ["pipe", "inherit", "inherit"],
    });
    if (r.status !== 0) throw new Error(`creating role ${t.user} via psql failed (exit ${r.status})`);
  });
  if (!(await canLogin(t))) fail(`Role ${t.user} exists but login still fails: check pg_hba.conf for ${t.host}.`);
}

/** CREATE DATABASE <name from url> when missing (connecting to `postgres` as the same role). */
export async function ensureDatabase(url) {
  const t = pgTarget(url);
  const client = pgClient({ ...t, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [t.database]);
    if (rowCount === 0) {
      console.log(`▶ create database ${t.database}`);
      await client.query(`CREATE DATABASE ${sqlIdent(t.database)}`);
    }
  } finally {
    await client.end();
  }
}

// ── Redis ─────────────────────────────────────────────────────────────────────────────────────

/** Send PING (after AUTH when the URL has a password); true on +PONG. */
function redisPing(host, port, password) {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port, timeout: 1000 });
    let reply = "";
    const done = (ok) => (sock.destroy(), resolve(ok));
    sock.once("connect", () => sock.write(`${password ? `AUTH ${password}\r\n` : ""}PING\r\n`));
    sock.on("data", (d) => {
      reply += d;
      if (reply.includes("+PONG")) done(true);
      else if (reply.startsWith("-")) done(false);
    });
    sock.once("timeout", () => done(false));
    sock.once("error", () => done(false));
    sock.once("close", () => done(false));
  });
}

export async function ensureRedis(url = process.env.REDIS_URL || DEFAULT_REDIS_URL) {
  const u = new URL(url);
  const host = u.hostname || "127.0.0.1";
  const port = Number(u.port || 6379);
  const password = decodeURIComponent(u.password);
  if (await redisPing(host, port, password)) return;
  if (!isLocal(host)) fail(`Redis at ${host}:${port} (from REDIS_URL) is not reachable.`);
  await step(`start Redis on ${host}:${port}`, async () => {
    if (!(await tcpOpen(host, port))) {
      if (!hasCommand("redis-server")) await aptInstall("redis-server", "Redis is not installed");
      // Queues are state (E1), so Redis runs as production needs it, like
      // deploy/compose.yaml: append-only file fsynced every second, and never evict a job. Its files
      // live in .bloom/redis/<port> (gitignored). A lost second costs no order: the worker's outbox
      // redrive publishes again whatever a policy has not handled.
      const dir = path.join(ROOT, ".bloom", "redis", String(port));
      fs.mkdirSync(dir, { recursive: true });
      await run(
        "redis-server",
        ["--daemonize", "yes", "--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--save", "",
          "--appendonly", "yes", "--appendfsync", "everysec", "--maxmemory-policy", "noeviction",
          "--logfile", path.join(dir, "redis.log")],
        { cwd: dir },
      );
    }
    await waitFor(() => redisPing(host, port, password), 30_000, `Redis on ${host}:${port} did not answer PING`);
  });
}

// ── Chromium (Playwright uses the distro build: the machine cannot download browsers) ──────────

export async function ensureChromium() {
  if (fs.existsSync("/usr/bin/chromium")) return;
  await step("install chromium", () => aptInstall("chromium", "Chromium (/usr/bin/chromium) is not installed"));
}

// ── nginx (load balancer of `npm run ops:rolling`) ─────────────────────────────────────────────

/** Path of Debian's nginx binary, installing the package as root when missing. */
export async function ensureNginx() {
  const find = () => ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
  if (find()) return find();
  if (!isRoot()) fail("nginx is not installed, and this is not root so it cannot be installed automatically.\nInstall it with:\n  sudo apt-get install nginx");
  await step("install nginx", () => aptInstall("nginx", "nginx is not installed"));
  // The package enables a site on port 80; ops:rolling runs its own instance, so stop that one.
  spawnSync("sh", ["-c", "systemctl disable --now nginx 2>/dev/null || service nginx stop 2>/dev/null || true"], { stdio: "ignore" });
  return find() ?? fail("nginx was installed but its binary was not found in /usr/sbin or /usr/bin");
}

// ── Prisma ────────────────────────────────────────────────────────────────────────────────────

export async function migrateAndSeed(env) {
  const cwd = path.join(ROOT, "packages/db");
  // `migrate status` answers in ~2 s; `migrate deploy` lingers ~10 s after its work (a timer in
  // the CLI), so it runs only when a migration is pending.
  const status = spawnSync("npx", ["prisma", "migrate", "status"], { env: { ...process.env, ...env }, cwd, encoding: "utf8" });
  if (status.status === 0) console.log("✔ database schema is up to date");
  else await step("prisma migrate deploy", () => run("npx", ["prisma", "migrate", "deploy"], { env, cwd }));
  await step("prisma generate", () => run("npx", ["prisma", "generate"], { env, cwd }));
  // SKIP_SEED=1 is an escape hatch for debugging a broken seed; the seed itself is idempotent.
  if (process.env.SKIP_SEED === "1") return console.log("! SKIP_SEED=1: not seeding");
  await step("seed", () => run("npm", ["run", "seed", "-w", "@bloom/db"], { env }));
}

// ── secrets ───────────────────────────────────────────────────────────────────────────────────

/** AUTH_SECRET from env, else one generated once into .bloom/secret so sessions survive restarts. */
export function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(ROOT, ".bloom", "secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/** X2: TRACKING_LINK_SECRET from env, else one generated once into .bloom/tracking-secret (links keep working across restarts). */
export function trackingLinkSecret() {
  if (process.env.TRACKING_LINK_SECRET) return process.env.TRACKING_LINK_SECRET;
  const file = path.join(ROOT, ".bloom", "tracking-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

/**
 * X3: the VAPID key pair web push is signed with — VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY from env
 * (production), else a pair generated once into .bloom/vapid.json (untracked, 0600), so devices
 * subscribed today still ring after a restart (a new pair would orphan every subscription).
 */
export function vapidEnv() {
  const subject = process.env.VAPID_SUBJECT || "mailto:push@bloom.example";
  if (process.env.VAPID_PUBLIC_KEY || process.env.VAPID_PRIVATE_KEY) {
    return { VAPID_PUBLIC_KEY: process.env.VAPID_PUBLIC_KEY ?? "", VAPID_PRIVATE_KEY: process.env.VAPID_PRIVATE_KEY ?? "", VAPID_SUBJECT: subject };
  }
  const file = path.join(ROOT, ".bloom", "vapid.json");
  if (!fs.existsSync(file)) {
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    // Always 32 bytes: a private key with leading zero bytes comes back shorter.
    const priv = Buffer.concat([Buffer.alloc(32), ecdh.getPrivateKey()]).subarray(-32);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const keys = { publicKey: ecdh.getPublicKey().toString("base64url"), privateKey: priv.toString("base64url") };
    fs.writeFileSync(file, JSON.stringify(keys, null, 2) + "\n", { mode: 0o600 });
  }
  const keys = JSON.parse(fs.readFileSync(file, "utf8"));
  return { VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: subject };
}
