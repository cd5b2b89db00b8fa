// The production web server as a real OS process (apps/web/server.mjs over the `next build`
// output), and a small HTTP client that signs in through next-auth like a browser does and calls
// tRPC procedures with superjson bodies.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { TEST_DATABASE_URL, TEST_REDIS_URL } from "./env";
import { PROCESSOR_URL, testProcessor } from "./processor";

/** X2: the tracking links' secret for the test web server (and any worker that signs links for it). */
export const TEST_TRACKING_LINK_SECRET = "test-tracking-link-secret-test-tracking-link-secret";

const ROOT = path.resolve(import.meta.dirname, "../..");
let built = false;

/** The production build the server runs; turbo replays it from cache when nothing changed. */
export function ensureWebBuild() {
  if (built) return;
  const r = spawnSync("npx", ["turbo", "run", "build", "--filter=@bloom/web", "--output-logs=errors-only"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout}\n${r.stderr}`);
  built = true;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export type WebProcess = { child: ChildProcess; base: string; exited: Promise<number | null>; output: () => string };

/** Starts the server without waiting (for start-up failures). */
export function spawnWeb(port: number, env: Record<string, string | undefined>): WebProcess {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "apps/web/server.mjs"), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: path.join(ROOT, "apps/web"),
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      NEXTAUTH_URL: base,
      AUTH_SECRET: "test-secret-test-secret-test-secret",
      TRACKING_LINK_SECRET: TEST_TRACKING_LINK_SECRET,
      // Every test signs in and up from 127.0.0.1, far more often than a person; the limits have
      // their own tests, which lower them again (S1).
      RATE_LIMIT_SIGNIN_PER_MIN: "1000",
      RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: "1000",
      RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: "1000",
      API_RATE_LIMIT_TOKEN_PER_IP_PER_MIN: "1000",
      PROCESSOR_URL,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, base, exited, output: () => out };
}

/** Starts the server (and the file's sandbox processor) and waits until its readiness endpoint answers 200. */
export async function startWeb(env: Record<string, string | undefined> = {}, timeoutMs = 60_000): Promise<WebProcess> {
  ensureWebBuild();
  await testProcessor();
  const web = spawnWeb(await freePort(), env);
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (web.child.exitCode !== null) throw new Error(`web exited at start:\n${web.output()}`);
    const ok = await fetch(`${web.base}/api/health/ready`).then((r) => r.status === 200, () => false);
    if (ok) return web;
    if (Date.now() > until) throw new Error(`web not ready after ${timeoutMs} ms:\n${web.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function stopWeb(web: WebProcess) {
  if (web.child.exitCode === null) web.child.kill("SIGTERM");
  return web.exited;
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** next-auth credentials sign-in (csrf token, then the callback). cookie is null when refused. */
export async function signIn(base: string, email: string, password: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token="));
  return { res, cookie: session ? [...jar, session].join("; ") : null };
}

export type TrpcAnswer = { status: number; headers: Headers; data?: unknown; error?: { message: string; data: { code: string; domainCode: string | null; retryAfterSec: number | null } } };

/** One tRPC call over HTTP (mutation: POST with superjson body; query: GET). */
export async function trpc(base: string, cookie: string | null, procedure: string, input: unknown, type: "mutation" | "query" = "mutation"): Promise<TrpcAnswer> {
  const body = JSON.stringify({ json: input });
  const headers: Record<string, string> = { "content-type": "application/json", ...(cookie ? { cookie } : {}) };
  const res =
    type === "mutation"
      ? await fetch(`${base}/api/trpc/${procedure}`, { method: "POST", headers, body })
      : await fetch(`${base}/api/trpc/${procedure}?input=${encodeURIComponent(body)}`, { headers });
  const json = (await res.json()) as { result?: { data: { json: unknown } }; error?: { json: TrpcAnswer["error"] } };
  return { status: res.status, headers: res.headers, data: json.result?.data.json, error: json.error?.json };
}

/** What newCustomer signs up with: sign-up refuses common and guessable passwords (S5). */
export const NEW_CUSTOMER_PASSWORD = "peony-lantern-harbour-42";

/** A fresh customer (own rate-limit buckets), signed up through account.signUp and signed in. */
export async function newCustomer(base: string) {
  const email = `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@bloom.test`;
  const password = NEW_CUSTOMER_PASSWORD;
  const r = await trpc(base, null, "account.signUp", { name: "Test Customer", email, password, phone: "010-1234-5678" });
  if (r.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(r.error)}`);
  const { cookie } = await signIn(base, email, password);
  if (!cookie) throw new Error("sign-in after sign-up failed");
  return { email, cookie };
}
