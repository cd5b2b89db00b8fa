// The SMS sandbox (apps/sms-sandbox) as a real OS process for integration tests, with a ledger
// file of its own per test file. `kill()` is a real provider outage (the worker's sends fail),
// `restart()` brings it back on the same port with the same ledger.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { freePort } from "./web";

const ROOT = path.resolve(import.meta.dirname, "../..");

export type SandboxSms = { id: string; idempotencyKey: string | null; to: string; from: string; text: string; createdAt: string };

export type TestSmsSandbox = {
  url: string;
  ledgerFile: string;
  messages: (to?: string) => Promise<SandboxSms[]>;
  kill: () => Promise<void>;
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

export async function startSmsSandbox(): Promise<TestSmsSandbox> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ledgerFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bloom-sms-")), "ledger.jsonl");
  let child: ChildProcess | null = null;
  let out = "";
  const spawnIt = async () => {
    out = "";
    const c = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/sms-sandbox/src/main.ts")], {
      cwd: ROOT,
      env: { ...process.env, SMS_SANDBOX_PORT: String(port), SMS_SANDBOX_HOST: "127.0.0.1", SMS_SANDBOX_LEDGER: ledgerFile, SMS_SANDBOX_EXIT_WITH_PARENT: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    c.stdout!.on("data", (d) => (out += d));
    c.stderr!.on("data", (d) => (out += d));
    child = c;
    const until = Date.now() + 30_000;
    while (!out.includes('"msg":"sms sandbox ready"')) {
      if (c.exitCode !== null) throw new Error(`the SMS sandbox exited at start:\n${out}`);
      if (Date.now() > until) throw new Error(`the SMS sandbox was not ready after 30 s:\n${out}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const kill = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const gone = new Promise<void>((r) => c.once("exit", () => r()));
    c.kill("SIGKILL");
    await gone;
  };
  await spawnIt();
  const handle: TestSmsSandbox = {
    url,
    ledgerFile,
    messages: async (to) => {
      const res = await fetch(`${url}/messages${to ? `?to=${encodeURIComponent(to)}` : ""}`);
      return ((await res.json()) as { messages: SandboxSms[] }).messages;
    },
    kill,
    restart: async () => {
      await kill();
      await spawnIt();
    },
    stop: kill,
  };
  afterAll(() => kill());
  process.once("exit", () => child?.kill("SIGKILL"));
  return handle;
}
