// X4: the queue that sends partners' webhook deliveries. A delivery planned by the
// partner-webhooks policy is added here after its transaction commits (jobId = the delivery's
// job id, so adding it twice is harmless); a sweep adds again every PENDING delivery whose job may
// have been lost (a crash between commit and add, Redis losing data). A failed attempt is retried
// on the retry schedule (WEBHOOK_RETRY_SCHEDULE_MS: 5 s … 10 h, ≥ 24 h in all); the last failure
// marks the delivery FAILED. Counts every outcome for bloom_webhook_deliveries_total.
import { DEVELOPMENT_SEAL_SECRET, pendingWebhookDeliveries, pruneWebhookDeliveries, sendWebhookDelivery, WEBHOOK_QUEUE, webhookJobOptions, WebhookSecretBox, type Logger, type SendOutcome } from "@bloom/app";
import type { Db } from "@bloom/db";
import { WEBHOOK_RETRY_SCHEDULE_MS, webhookRetryDelay } from "@bloom/domain";
import { Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";

export type WebhookConfig = {
  /** Delays between attempts (ms); a delivery gets its length + 1 attempts. */
  retryScheduleMs: readonly number[];
  /** Longest a partner's server may take to answer (connect, headers and body). */
  timeoutMs: number;
  /** Development and tests: http://localhost and loopback addresses may receive deliveries. */
  allowLocal: boolean;
  concurrency: number;
  /** Opens the endpoints' sealed secrets: KEY_ENCRYPTION_SECRET, else AUTH_SECRET — the web's. */
  sealSecret: string;
  /** How often the sweep looks for PENDING deliveries without a job, and how old they must be. */
  sweepIntervalMs: number;
  sweepAfterMs: number;
};

export const WEBHOOK_DEFAULTS: WebhookConfig = {
  retryScheduleMs: WEBHOOK_RETRY_SCHEDULE_MS,
  timeoutMs: 10_000,
  allowLocal: false,
  concurrency: 8,
  sealSecret: DEVELOPMENT_SEAL_SECRET,
  sweepIntervalMs: 30_000,
  sweepAfterMs: 60_000,
};

export function startWebhookDeliveries(opts: { db: Db; connection: Redis; workerConnection: Redis; prefix: string; log: Logger; config: WebhookConfig }) {
  const { db, log, config } = opts;
  const box = new WebhookSecretBox(config.sealSecret);
  const queue = new Queue(WEBHOOK_QUEUE, { connection: opts.connection, prefix: opts.prefix });
  const stats: Record<Exclude<SendOutcome, "skipped">, number> = { delivered: 0, retrying: 0, failed: 0 };

  const dispatch = async (d: { id: string; jobId: string }) => {
    await queue.add("deliver", { deliveryId: d.id }, webhookJobOptions(d.jobId));
  };

  const worker = new Worker(
    WEBHOOK_QUEUE,
    async (job: Job<{ deliveryId: string }>) => {
      // The schedule decides the last attempt (attemptsMade counts the failed ones before this).
      const final = job.attemptsMade >= config.retryScheduleMs.length || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const r = await sendWebhookDelivery(db, job.data.deliveryId, final, { timeoutMs: config.timeoutMs, allowLocal: config.allowLocal, box });
      if (r.outcome !== "skipped") stats[r.outcome]++;
      if (r.outcome === "failed") log.warn({ deliveryId: job.data.deliveryId, err: r.error, attempts: job.attemptsMade + 1 }, "webhook delivery failed for good");
      // Thrown so that BullMQ schedules the next attempt (backoffStrategy below).
      if (r.outcome === "retrying") throw new Error(`webhook attempt failed: ${r.error}`);
      return r.outcome;
    },
    {
      connection: opts.workerConnection,
      prefix: opts.prefix,
      concurrency: config.concurrency,
      settings: { backoffStrategy: (attemptsMade: number) => webhookRetryDelay(config.retryScheduleMs, attemptsMade) },
    },
  );
  worker.on("error", (err) => log.error({ queue: WEBHOOK_QUEUE, err: err.message }, "worker error"));

  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const sweep = async () => {
    try {
      for (const d of await pendingWebhookDeliveries(db, config.sweepAfterMs)) await dispatch(d);
      await pruneWebhookDeliveries(db);
    } catch (e) {
      log.warn({ queue: WEBHOOK_QUEUE, err: (e as Error).message }, "webhook sweep failed; trying again");
    }
    if (!stopped) timer = setTimeout(sweep, config.sweepIntervalMs);
  };
  timer = setTimeout(sweep, config.sweepIntervalMs);

  return {
    queue,
    worker,
    stats,
    /** Queues deliveries planned by the policy (after its commit); a failure is left to the sweep. */
    async dispatch(ds: { id: string; jobId: string }[]) {
      for (const d of ds) await dispatch(d).catch((e) => log.warn({ deliveryId: d.id, err: (e as Error).message }, "webhook delivery not queued; the sweep will"));
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await worker.close();
      await queue.close();
    },
  };
}
export type WebhookDeliveries = ReturnType<typeof startWebhookDeliveries>;
