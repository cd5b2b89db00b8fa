// Runs the real worker for integration tests: in-process (startWorker) or as separate OS
// processes (to stop or SIGKILL them), always against the real PostgreSQL, Redis and the file's
// sandbox card processor process.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { startWorker, type WorkerConfig } from "../../apps/worker/src/runtime";
import { quietLog, testDb } from "./app";
import { TEST_DATABASE_URL, TEST_REDIS_URL } from "./env";
import { testProcessor } from "./processor";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A queue prefix of its own per test, so leftover jobs of another test never interfere. */
export const uniquePrefix = (name: string) => `test-${name}-${Date.now().toString(36)}`;

/** The worker in this process, against the file's sandbox processor (started if it is not yet). */
export async function inProcessWorker(prefix: string, redisUrl = TEST_REDIS_URL, payments: WorkerConfig["payments"] = {}, extra: Partial<WorkerConfig> = {}) {
  const processor = await testProcessor();
  return startWorker({
    db: testDb(),
    redisUrl,
    prefix,
    concurrency: 8,
    relayIntervalMs: 20,
    relayBatch: 200,
    processorUrl: processor.url,
    // Refund retries start at 1 s and stay short, so outage tests end soon after the outage.
    payments: { refundIntervalMs: 200, refundMaxBackoffMs: 2000, ...payments },
    log: quietLog,
    ...extra,
  });
}

export type WorkerProcess = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

/** A worker OS process, against the file's sandbox processor (started if it is not yet). */
export async function workerProcess(prefix: string, extraEnv: Record<string, string> = {}): Promise<WorkerProcess> {
  const processor = await testProcessor();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "apps/worker/src/main.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: TEST_DATABASE_URL,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: prefix,
      WORKER_HEALTH_PORT: "0",
      RELAY_INTERVAL_MS: "20",
      PROCESSOR_URL: processor.url,
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, exited, output: () => out };
}

export async function waitReady(w: WorkerProcess, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!w.output().includes("worker ready")) {
    if (Date.now() > until || w.child.exitCode !== null) throw new Error(`worker did not start:\n${w.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
