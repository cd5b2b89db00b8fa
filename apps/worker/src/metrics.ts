// Prometheus metrics of a worker process (C9), served at /metrics on the health port: queue depth
// per queue (waiting/active/delayed/failed from BullMQ), job latency, wait and failures per queue,
// and the outbox backlog with the age of its oldest unpublished row. Depth and backlog are read at
// scrape time, so every worker reports the same shared numbers (aggregate with max, not sum).
import type { Db } from "@bloom/db";
import type { Job } from "bullmq";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { isFinalFailure } from "./outage";
import type { WorkerRuntime } from "./runtime";

const STATES = ["waiting", "active", "delayed", "failed"] as const;

/**
 * A scrape must answer while PostgreSQL or Redis is down — that is when its numbers matter (E2,
 * E3): a shared-state gauge whose source does not answer within 2 s keeps its last value.
 */
async function bounded<T>(p: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 2000)))]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/**
 * Every collector of the registry bounded the same way (call after the last metric is
 * registered): a collector that throws or hangs keeps its last value instead of failing the whole
 * scrape with a 500 — during a PostgreSQL or Redis outage, when the numbers matter most.
 */
export function hardenCollectors(registry: Registry) {
  for (const metric of registry.getMetricsAsArray()) {
    const m = metric as unknown as { collect?: (this: unknown) => unknown; __hardened?: boolean };
    const collect = m.collect;
    if (typeof collect !== "function" || m.__hardened) continue;
    m.__hardened = true;
    m.collect = function (this: unknown) {
      return bounded(Promise.resolve().then(() => collect.call(this)));
    };
  }
}

export function workerMetrics(runtime: WorkerRuntime, db: Db, workerId: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "worker", worker: workerId });
  collectDefaultMetrics({ register: registry, prefix: "bloom_worker_" });
  const registers = [registry];

  new Gauge({
    name: "bloom_queue_jobs",
    help: "Jobs per queue and state (BullMQ getJobCounts); failed = dead letter after all attempts",
    labelNames: ["queue", "state"] as const,
    registers,
    async collect() {
      await Promise.all(
        // Every queue the worker runs; the webhook-deliveries queue's delayed jobs are its retries (X4).
        Object.entries(runtime.everyQueue).map(async ([queue, q]) => {
          const counts = await bounded(q.getJobCounts(...STATES));
          if (counts) for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
        }),
      );
    },
  });
  const duration = new Histogram({ name: "bloom_job_duration_seconds", help: "Job processing time per queue", labelNames: ["queue"] as const, buckets: SECONDS, registers });
  const wait = new Histogram({ name: "bloom_job_wait_seconds", help: "Time a job waited in its queue before a worker took it", labelNames: ["queue"] as const, buckets: SECONDS, registers });
  const lag = new Histogram({
    name: "bloom_event_lag_seconds",
    help: "From the event's commit (occurredAt) to its handling, per queue",
    labelNames: ["queue"] as const,
    buckets: SECONDS,
    registers,
  });
  const completed = new Counter({ name: "bloom_jobs_completed_total", help: "Jobs completed per queue and outcome (done, duplicate)", labelNames: ["queue", "outcome"] as const, registers });
  const failed = new Counter({ name: "bloom_jobs_failed_total", help: "Job attempts that failed, per queue", labelNames: ["queue"] as const, registers });
  const deadLettered = new Counter({
    name: "bloom_jobs_dead_lettered_total",
    help: "Jobs that failed for good (no attempt left, or a payload that cannot parse) and wait in the dead letter, per policy (alert on any increase)",
    labelNames: ["policy"] as const,
    registers,
  });

  for (const w of runtime.workers) {
    const queue = w.name;
    failed.inc({ queue }, 0); // every queue's series exists from the start, at 0
    deadLettered.inc({ policy: queue }, 0);
    w.on("completed", (job: Job, outcome: string) => {
      completed.inc({ queue, outcome: String(outcome) });
      if (job.processedOn && job.finishedOn) duration.observe({ queue }, (job.finishedOn - job.processedOn) / 1000);
      if (job.processedOn) wait.observe({ queue }, Math.max(0, job.processedOn - job.timestamp) / 1000);
      const at = Date.parse((job.data as { occurredAt?: string })?.occurredAt ?? "");
      if (job.finishedOn && Number.isFinite(at)) lag.observe({ queue }, Math.max(0, job.finishedOn - at) / 1000);
    });
    w.on("failed", (job, err) => {
      failed.inc({ queue });
      if (isFinalFailure(job, err)) deadLettered.inc({ policy: queue });
    });
  }

  const outbox = () =>
    bounded(
      db.$queryRaw<{ n: bigint; age: number | null }[]>`
        SELECT count(*) AS n, EXTRACT(EPOCH FROM now() - min(occurred_at))::float8 AS age
        FROM outbox_events WHERE published_at IS NULL`.then((rows) => rows[0]),
    );
  new Gauge({
    name: "bloom_outbox_backlog",
    help: "Outbox rows not yet published to the queues",
    registers,
    async collect() {
      const o = await outbox();
      if (o) this.set(Number(o.n));
    },
  });
  new Gauge({
    name: "bloom_outbox_oldest_age_seconds",
    help: "Age of the oldest unpublished outbox row (0 when none)",
    registers,
    async collect() {
      const o = await outbox();
      if (o) this.set(Math.max(0, o.age ?? 0));
    },
  });
  // E1: what the redrive sees — (event, policy) pairs published more than T ago without the
  // policy's inbox row. Only the worker holding the redrive lock knows; the others report 0, so
  // aggregate with max. The oldest one's age is from the event's commit.
  new Gauge({
    name: "bloom_outbox_unhandled",
    help: "Events published more than OUTBOX_REDRIVE_AFTER_MS ago that a subscribed policy has not handled yet, per policy (as of the last redrive pass)",
    labelNames: ["policy"] as const,
    registers,
    collect() {
      for (const [policy, n] of Object.entries(runtime.redrive.snapshot().unhandled)) this.set({ policy }, n);
    },
  });
  new Gauge({
    name: "bloom_outbox_unhandled_oldest_seconds",
    help: "Age of the oldest event a subscribed policy has not handled after OUTBOX_REDRIVE_AFTER_MS (0 when none)",
    registers,
    collect() {
      this.set(runtime.redrive.snapshot().oldestSeconds);
    },
  });
  new Gauge({
    name: "bloom_outbox_redrive_leader",
    help: "1 on the worker that currently redrives (holds the advisory lock), else 0",
    registers,
    collect() {
      this.set(runtime.redrive.snapshot().leader ? 1 : 0);
    },
  });
  const redrivenSeen = Object.fromEntries(Object.keys(runtime.redrive.redriven).map((p) => [p, 0]));
  new Counter({
    name: "bloom_outbox_redriven_total",
    help: "Jobs this worker's redrive added again or retried, per policy",
    labelNames: ["policy"] as const,
    registers,
    collect() {
      for (const [policy, n] of Object.entries(runtime.redrive.redriven)) {
        this.inc({ policy }, n - (redrivenSeen[policy] ?? 0));
        redrivenSeen[policy] = n;
      }
    },
  });
  const handBacksSeen = Object.fromEntries(Object.keys(runtime.outages.handBacks).map((p) => [p, 0]));
  new Counter({
    name: "bloom_jobs_outage_handbacks_total",
    help: "Jobs handed back to waiting because PostgreSQL or the processor was unreachable (no attempt spent), per queue",
    labelNames: ["queue"] as const,
    registers,
    collect() {
      for (const [queue, n] of Object.entries(runtime.outages.handBacks)) {
        this.inc({ queue }, n - (handBacksSeen[queue] ?? 0));
        handBacksSeen[queue] = n;
      }
    },
  });
  new Gauge({
    name: "bloom_outbox_unknown_type_rows",
    help: "Unpublished outbox rows of an event type or version this worker does not know (left for a newer worker, E4)",
    registers,
    collect() {
      this.set(runtime.relay.unknownWaiting);
    },
  });
  // X4: webhook deliveries by outcome — delivered (a 2xx), retrying (an attempt failed; another
  // follows on the schedule), failed (the last attempt failed, or the endpoint was disabled).
  const webhookSeen = { delivered: 0, retrying: 0, failed: 0 };
  new Counter({
    name: "bloom_webhook_deliveries_total",
    help: "Partners' webhook delivery attempts by outcome (delivered, retrying, failed = for good)",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      for (const outcome of ["delivered", "retrying", "failed"] as const) {
        const n = runtime.webhooks.stats[outcome];
        this.inc({ outcome }, n - webhookSeen[outcome]);
        webhookSeen[outcome] = n;
      }
    },
  });
  // X5: what this worker's message dispatcher did, per channel and outcome (sent, retry = a
  // transient provider failure retried later, dead = undeliverable, skipped = opted out since).
  const messagesSeen: Record<string, Record<string, number>> = {};
  new Counter({
    name: "bloom_messages_total",
    help: "Messages (email, sms, push) handled by this worker's dispatcher, per channel and outcome: sent, retry, dead, skipped",
    labelNames: ["channel", "outcome"] as const,
    registers,
    collect() {
      for (const [channel, outcomes] of Object.entries(runtime.messages.stats)) {
        const seen = (messagesSeen[channel] ??= {});
        for (const [outcome, n] of Object.entries(outcomes)) {
          this.inc({ channel, outcome }, n - (seen[outcome] ?? 0));
          seen[outcome] = n;
        }
      }
    },
  });
  new Gauge({
    name: "bloom_messages_pending",
    help: "Messages waiting to be sent (pending), per channel (shared state: aggregate with max)",
    labelNames: ["channel"] as const,
    registers,
    async collect() {
      const rows = await bounded(
        db.$queryRaw<{ channel: string; n: bigint }[]>`SELECT channel, count(*) AS n FROM notify_messages WHERE status = 'pending' GROUP BY channel`,
      );
      if (!rows) return;
      for (const channel of ["email", "sms", "push"]) this.set({ channel }, Number(rows.find((r) => r.channel === channel)?.n ?? 0));
    },
  });
  let published = 0;
  new Counter({
    name: "bloom_outbox_published_total",
    help: "Outbox rows this worker's relay published",
    registers,
    collect() {
      this.inc(runtime.relay.published - published);
      published = runtime.relay.published;
    },
  });

  return registry;
}
