// Assembles the worker: one BullMQ queue + worker per policy, the outbox relay, and the live
// update feed. Used by main.ts and by integration tests (which run it against real servers).
import { policyHandlers, runPolicy, SandboxGateway, type LiveHint, type Logger } from "@bloom/app";
import type { Db } from "@bloom/db";
import { LIVE_CHANNEL, POLICY_NAMES, type DomainEvent, type LiveChange, type Policy } from "@bloom/domain";
import { Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { OutboxRelay } from "./relay";

export type WorkerConfig = {
  db: Db;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  lockMs?: number;
  relayIntervalMs: number;
  relayBatch: number;
  paymentLatency: { min: number; max: number };
  log: Logger;
};

export function createQueues(redisUrl: string, prefix: string) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = Object.fromEntries(POLICY_NAMES.map((p) => [p, new Queue(p, { connection, prefix })])) as Record<Policy, Queue>;
  return { connection, queues };
}

export async function startWorker(cfg: WorkerConfig) {
  const { connection, queues } = createQueues(cfg.redisUrl, cfg.prefix);
  const workerConnection = new Redis(cfg.redisUrl, { maxRetriesPerRequest: null });
  const publisher = new Redis(cfg.redisUrl, { maxRetriesPerRequest: 1 });
  const gateway = new SandboxGateway(cfg.db, { latency: cfg.paymentLatency, failureRate: 0 });
  const handlers = policyHandlers(gateway);
  const stats = { done: 0, duplicate: 0, failed: 0 };

  // Live updates are a nicety on top of the data: a lost announcement is caught up by the
  // screens' reconnect/refetch, so a Redis hiccup here never fails the job.
  const announce = async (policy: Policy, e: DomainEvent, hint: LiveHint) => {
    const change: LiveChange = { orderId: e.orderId, type: e.type, policy, customerId: hint.customerId ?? null, storeId: hint.storeId ?? null, at: new Date().toISOString() };
    await publisher.publish(LIVE_CHANNEL, JSON.stringify(change)).catch(() => {});
  };

  const workers = POLICY_NAMES.map((policy) => {
    const w = new Worker(
      policy,
      async (job: Job) => {
        const { event, outcome, hint } = await runPolicy(cfg.db, handlers, policy, job.data);
        stats[outcome]++;
        if (outcome === "done" && hint.attention) cfg.log.warn({ policy, orderId: event.orderId, eventId: event.eventId, attention: true }, hint.attention);
        if (outcome === "done") await announce(policy, event, hint);
        return outcome;
      },
      {
        connection: workerConnection,
        prefix: cfg.prefix,
        concurrency: cfg.concurrency,
        lockDuration: cfg.lockMs ?? 30_000,
        stalledInterval: cfg.lockMs ?? 30_000,
      },
    );
    w.on("failed", (job, err) => {
      stats.failed++;
      cfg.log.error(
        { policy, jobId: job?.id, orderId: (job?.data as { orderId?: string })?.orderId, attempt: job?.attemptsMade, err: err.message },
        "job failed",
      );
    });
    w.on("error", (err) => cfg.log.error({ policy, err: err.message }, "worker error"));
    return w;
  });

  const relay = new OutboxRelay(cfg.db, queues, {
    intervalMs: cfg.relayIntervalMs,
    batch: cfg.relayBatch,
    log: (o, m) => cfg.log.warn(o, m),
  });
  relay.start();

  return {
    queues,
    relay,
    stats,
    workers,
    connection,
    /** Stops taking work, lets running jobs finish (BullMQ returns unfinished ones on restart). */
    async stop() {
      await relay.stop();
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await Promise.all([connection.quit(), workerConnection.quit(), publisher.quit()].map((p) => p.catch(() => {})));
    },
  };
}
export type WorkerRuntime = Awaited<ReturnType<typeof startWorker>>;
