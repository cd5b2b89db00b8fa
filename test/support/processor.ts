// The sandbox card processor (apps/processor) as a real OS process for integration tests: one per
// test file, started lazily on first use against its own database (bloom_test_processor), stopped
// after the file (or when the test process exits). Its port is reserved when this module loads and
// exported as PROCESSOR_URL (also put in process.env, so web modules imported after this one read
// it), so gateways can be built before the process runs; `testProcessor()` starts it and waits for
// its "processor ready" line. `kill()` and `restart()` (same port) are for fault tests.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ProcessorControl } from "@bloom/app";
import { afterAll } from "vitest";
import { TEST_PROCESSOR_DATABASE_URL } from "./env";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A free loopback port, found synchronously (a module-load-time value) by a short-lived child. */
function reservePort(): number {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

const PORT = reservePort();
export const PROCESSOR_URL = `http://127.0.0.1:${PORT}`;
process.env.PROCESSOR_URL = PROCESSOR_URL;

export type TestProcessor = {
  url: string;
  control: ProcessorControl;
  child: () => ChildProcess;
  /** Everything the current process printed (JSON lines). */
  output: () => string;
  /** SIGKILL by default (a crash); resolves when the process is gone. */
  kill: (signal?: NodeJS.Signals) => Promise<void>;
  /** Starts it again on the same port (after kill) and waits until it is ready. */
  restart: () => Promise<void>;
};

type Running = { child: ChildProcess; exited: Promise<void>; out: string };
let current: Running | null = null;
let starting: Promise<TestProcessor> | null = null;

function spawnProcessor(extraEnv: Record<string, string>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/processor/src/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PROCESSOR_PORT: String(PORT),
      PROCESSOR_HOST: "127.0.0.1",
      PROCESSOR_DATABASE_URL: TEST_PROCESSOR_DATABASE_URL,
      // Test files set latency and failures through the test-mode API, per test.
      PAYMENT_SANDBOX_LATENCY_MS: "0",
      PAYMENT_SANDBOX_FAILURE_RATE: "0",
      PAYMENT_SANDBOX_REFUND_LATENCY_MS: "0",
      SHUTDOWN_GRACE_MS: "3000",
      LOG_LEVEL: "info",
      // Our stdin pipe closes when this test process ends however it ends (even killed): the
      // processor then stops by itself.
      PROCESSOR_EXIT_WITH_PARENT: "1",
      ...extraEnv,
    },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const running: Running = { child, exited: new Promise((r) => child.once("exit", () => r())), out: "" };
  child.stdout!.on("data", (d) => (running.out += d));
  child.stderr!.on("data", (d) => (running.out += d));
  return running;
}

async function untilReady(r: Running, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!r.out.includes('"msg":"processor ready"')) {
    if (r.child.exitCode !== null || r.child.signalCode !== null) throw new Error(`the sandbox processor exited at start:\n${r.out}`);
    if (Date.now() > until) throw new Error(`the sandbox processor was not ready after ${timeoutMs} ms:\n${r.out}`);
    await new Promise((res) => setTimeout(res, 25));
  }
}

async function stopCurrent(signal: NodeJS.Signals = "SIGTERM") {
  const r = current;
  if (!r) return;
  current = null;
  if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill(signal);
  // Bounded: a processor that does not finish its requests in time is killed.
  const timer = setTimeout(() => r.child.kill("SIGKILL"), 5000);
  await r.exited;
  clearTimeout(timer);
}

const handle: TestProcessor = {
  url: PROCESSOR_URL,
  control: new ProcessorControl(PROCESSOR_URL),
  child: () => {
    if (!current) throw new Error("the sandbox processor is not running");
    return current.child;
  },
  output: () => current?.out ?? "",
  kill: (signal = "SIGKILL") => stopCurrent(signal),
  restart: async () => {
    await stopCurrent();
    const r = spawnProcessor({});
    current = r;
    await untilReady(r);
  },
};

/** The file's processor, started on first call; later calls wait for the same start. */
export function testProcessor(): Promise<TestProcessor> {
  if (current) return Promise.resolve(handle);
  starting ??= (async () => {
    const r = spawnProcessor({});
    current = r;
    try {
      await untilReady(r);
    } catch (e) {
      current = null;
      throw e;
    }
    return handle;
  })().finally(() => {
    starting = null;
  });
  return starting;
}

afterAll(() => stopCurrent(), 15_000);
process.once("exit", () => current?.child.kill("SIGKILL"));
