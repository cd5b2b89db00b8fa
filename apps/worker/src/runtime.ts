// Assembles the worker: one BullMQ queue + worker per policy, the outbox relay, and the live
// update feed. Used by main.ts and by integration tests (which run it against real servers).
import { HttpProcessorGateway, policyHandlers, runPolicy, WEBHOOK_QUEUE, type LiveHint, type Logger, type WorkerQueueName } from "@bloom/app";
import type { Db } from "@bloom/db";
import { LIVE_CHANNEL, POLICY_NAMES, SILENT_POLICIES, type DomainEvent, type LiveChange, type Policy } from "@bloom/domain";
import { Queue, UnrecoverableError, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import { classifyFailure, isFinalFailure, OutageBackoff, POISON_PREFIX } from "./outage";
import { OutboxRedrive } from "./redrive";
import { startPaymentLoops, type PaymentLoopsConfig } from "./payments";
import { startMessageDispatcher, type MessageDispatcherConfig } from "./messages";
import { OutboxRelay } from "./relay";
import { startWebhookDeliveries, WEBHOOK_DEFAULTS, type WebhookConfig } from "./webhooks";
import { startArrangementSweeper } from "./arrangements";

export type WorkerConfig = {
  db: Db;
  redisUrl: string;
  prefix: string;
  concurrency: number;
  lockMs?: number;
  relayIntervalMs: number;
  relayBatch: number;
  /** E1: redrive events published this long ago that a subscribed policy has not handled (default 30 s). */
  redriveAfterMs?: number;
  /** E1: how far back the redrive looks (default 24 h). */
  redriveWindowMs?: number;
  /** The card processor's API (refunds; the sandbox processor, apps/processor, in development and tests). */
  processorUrl: string;
  /** M2/M4: the refund executor's and the payment reconciler's timing (defaults below). */
  payments?: Partial<Omit<PaymentLoopsConfig, "db" | "gateway" | "log">>;
  /** X4: partners' webhook deliveries (defaults in webhooks.ts). */
  webhooks?: Partial<WebhookConfig>;
  /**
   * X1–X5: the message dispatcher's providers, one per channel (main.ts builds them from the
   * environment: apps/worker/src/providers.ts), and its timing. A channel without a provider keeps
   * its messages pending.
   */
  messages?: Partial<Omit<MessageDispatcherConfig, "db" | "log">>;
  /** W1: how often the sweeper approves arrangements whose window lapsed (default 5 s). */
  arrangementSweepMs?: number;
  log: Logger;
};

export const PAYMENT_LOOP_DEFAULTS = {
  refundIntervalMs: 1000,
  refundAlertAfter: 8,
  refundMaxBackoffMs: 30_000,
  reconcileIntervalMs: 5000,
  reconcileGraceMs: 30_000,
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
  // Redis errors are reported once per outage (BullMQ retries; the relay and redrive wait), not
  // once per reconnect attempt on the console.
  for (const [name, c] of [["queues", connection], ["workers", workerConnection], ["live updates", publisher]] as const) {
    let down = false;
    c.on("error", (err: Error) => {
      if (!down) cfg.log.warn({ connection: name, err: err.message }, "Redis connection lost; reconnecting");
      down = true;
    });
    c.on("ready", () => {
      if (down) cfg.log.info({ connection: name }, "Redis connection back");
      down = false;
    });
  }
  const gateway = new HttpProcessorGateway(cfg.processorUrl);
  const handlers = policyHandlers();
  const stats = { done: 0, duplicate: 0, failed: 0 };

  // Live updates are a nicety on top of the data: a lost announcement is caught up by the
  // screens' reconnect/refetch, so a Redis hiccup here never fails the job.
  const announce = async (policy: Policy, e: DomainEvent, hint: LiveHint) => {
    const change: LiveChange = {
      orderId: e.orderId,
      type: e.type,
      policy,
      customerId: hint.customerId ?? null,
      storeId: hint.storeId ?? null,
      riderId: hint.riderId ?? null,
      market: hint.market ?? false,
      at: new Date().toISOString(),
    };
    await publisher.publish(LIVE_CHANNEL, JSON.stringify(change)).catch(() => {});
  };

  // E2: an outage is not a poison message. While PostgreSQL (or the processor) cannot be reached,
  // a job's error says nothing about the job: it goes back to waiting without spending an attempt,
  // and the whole queue (every worker process of it) pauses for a backoff (0.5 s doubling to
  // 10 s) through BullMQ's rate limiter, then tries again. A payload that does not parse can never
  // succeed: it is dead-lettered at once (UnrecoverableError). Anything else spends an attempt.
  // A job handed back OUTAGE_HANDBACKS times (≥ 80 min of outage at the longest backoff) spends
  // attempts again, so a misclassified permanent error still ends in the dead letter, where the
  // redrive retries it (E1).
  const backoff = new OutageBackoff();
  const outages = { handBacks: Object.fromEntries(POLICY_NAMES.map((p) => [p, 0])) as Record<Policy, number> };
  const OUTAGE_HANDBACKS = 500;
  async function guarded<T>(policy: Policy, job: Job, run: () => Promise<T>): Promise<T> {
    let out: T;
    try {
      out = await run();
    } catch (e) {
      const kind = classifyFailure(e);
      if (kind === "poison") throw new UnrecoverableError(`${POISON_PREFIX}${(e as Error).message}`);
      const handBacks = (job.attemptsStarted ?? 0) - (job.attemptsMade ?? 0);
      if ((kind === "database-outage" || kind === "processor-outage") && handBacks <= OUTAGE_HANDBACKS) {
        const { ms, started } = backoff.next(policy);
        outages.handBacks[policy]++;
        if (started) cfg.log.warn({ policy, outage: kind, backoffMs: ms, err: (e as Error).message }, "outage: the queue backs off; its jobs wait (no attempt spent)");
        await queues[policy].rateLimit(ms).catch(() => {});
        throw Worker.RateLimitError();
      }
      throw e;
    }
    if (backoff.recovered(policy)) cfg.log.info({ policy }, "outage over: the queue runs again");
    return out;
  }

  const webhooks = startWebhookDeliveries({
    db: cfg.db,
    connection,
    workerConnection,
    prefix: cfg.prefix,
    log: cfg.log,
    config: { ...WEBHOOK_DEFAULTS, ...cfg.webhooks },
  });

  const lockMs = cfg.lockMs ?? 30_000;
  const workers = POLICY_NAMES.map((policy) => {
    const w = new Worker(
      policy,
      async (job: Job) => {
        const { event, outcome, hint } = await guarded(policy, job, () => runPolicy(cfg.db, handlers, policy, job.data));
        stats[outcome]++;
        if (outcome === "done" && hint.attention) cfg.log.warn({ policy, orderId: event.orderId, eventId: event.eventId, attention: true }, hint.attention);
        // Messages that leave the app change nothing on any screen: no live update for them.
        if (outcome === "done" && !SILENT_POLICIES.has(policy)) await announce(policy, event, hint);
        if (outcome === "done" && hint.refundRequested) payments.kickRefunds();
        if (outcome === "done" && hint.webhookDeliveries?.length) await webhooks.dispatch(hint.webhookDeliveries);
        if (outcome === "done" && hint.messagesPlanned) messages.kick();
        return outcome;
      },
      {
        connection: workerConnection,
        prefix: cfg.prefix,
        concurrency: cfg.concurrency,
        // Crashes (C6, E2). A job's lock lasts lockDuration (renewed every half of it while the
        // worker lives); a worker that dies (SIGKILL, OOM, a lost host) stops renewing, and any other
        // worker's stalled check, every stalledInterval, hands its jobs back to waiting: a crash
        // costs at most lockDuration + stalledInterval (45 s by default) of delay, never the job.
        // lockDuration stays at 30 s because a live worker whose event loop is starved longer than
        // that (a 2-core host under load, a long GC) is counted as stalled too — harmless (the inbox
        // makes a double run one effect) but noisy. maxStalledCount 3: a job may be caught in up to
        // three crashes (a rolling restart with kills, an OOM during a burst) and still complete; a
        // job that took down a fourth worker is probably the cause, so it is dead-lettered ("stalled
        // more than allowable limit"), and the redrive leaves it to an operator instead of feeding
        // it to worker after worker.
        lockDuration: lockMs,
        stalledInterval: Math.max(1000, Math.round(lockMs / 2)),
        maxStalledCount: 3,
        // Needed for the outage back-off above to hold for every worker process of the queue
        // (queue.rateLimit sets the limiter key only workers with a limiter obey); far above any
        // real rate, so it never throttles normal work.
        limiter: { max: 1_000_000, duration: 1000 },
      },
    );
    w.on("failed", (job, err) => {
      stats.failed++;
      const line = { policy, jobId: job?.id, orderId: (job?.data as { orderId?: string })?.orderId, attempt: job?.attemptsMade, err: err.message };
      // The final failure is what an alert wants (with bloom_jobs_dead_lettered_total).
      if (isFinalFailure(job, err)) cfg.log.error({ ...line, deadLettered: true, poison: err.name === "UnrecoverableError" }, "job dead-lettered: failed for good (retry it from /ops/queues)");
      else cfg.log.warn(line, "job failed; retrying with backoff");
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

  const redrive = new OutboxRedrive(cfg.db, queues, connection, {
    afterMs: cfg.redriveAfterMs ?? 30_000,
    windowMs: cfg.redriveWindowMs ?? 24 * 3600_000,
    lockName: cfg.prefix,
    log: cfg.log,
  });
  redrive.start();

  const payments = startPaymentLoops({ db: cfg.db, gateway, log: cfg.log, ...PAYMENT_LOOP_DEFAULTS, ...cfg.payments });
  const messages = startMessageDispatcher({ providers: [], ...cfg.messages, db: cfg.db, log: cfg.log });
  const arrangements = startArrangementSweeper({ db: cfg.db, log: cfg.log, intervalMs: cfg.arrangementSweepMs ?? 5000 });

  /** Every queue this worker runs (WORKER_QUEUE_NAMES): the policies' and the webhook deliveries'. */
  const everyQueue: Record<WorkerQueueName, Queue> = { ...queues, [WEBHOOK_QUEUE]: webhooks.queue };

  return {
    queues,
    everyQueue,
    relay,
    redrive,
    payments,
    webhooks,
    messages,
    arrangements,
    outages,
    stats,
    workers,
    connection,
    /** Stops taking work, lets running jobs finish (BullMQ returns unfinished ones on restart). */
    async stop() {
      await relay.stop();
      await redrive.stop();
      await payments.stop();
      await messages.stop();
      await arrangements.stop();
      await Promise.all(workers.map((w) => w.close()));
      await webhooks.stop();
      await Promise.all(Object.values(queues).map((q) => q.close()));
      await Promise.all([connection.quit(), workerConnection.quit(), publisher.quit()].map((p) => p.catch(() => {})));
    },
  };
}
export type WorkerRuntime = Awaited<ReturnType<typeof startWorker>>;
