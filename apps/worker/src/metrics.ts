// Prometheus metrics of a worker process (C9), served at /metrics on the health port: queue depth
// per queue (waiting/active/delayed/failed from BullMQ), job latency, wait and failures per queue,
// and the outbox backlog with the age of its oldest unpublished row. Depth and backlog are read at
// scrape time, so every worker reports the same shared numbers (aggregate with max, not sum).
import type { Db } from "@bloom/db";
import type { Job } from "bullmq";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { WorkerRuntime } from "./runtime";

const STATES = ["waiting", "active", "delayed", "failed"] as const;
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

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
        Object.entries(runtime.queues).map(async ([queue, q]) => {
          const counts = await q.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
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

  for (const w of runtime.workers) {
    const queue = w.name;
    failed.inc({ queue }, 0); // every queue's series exists from the start, at 0
    w.on("completed", (job: Job, outcome: string) => {
      completed.inc({ queue, outcome: String(outcome) });
      if (job.processedOn && job.finishedOn) duration.observe({ queue }, (job.finishedOn - job.processedOn) / 1000);
      if (job.processedOn) wait.observe({ queue }, Math.max(0, job.processedOn - job.timestamp) / 1000);
      const at = Date.parse((job.data as { occurredAt?: string })?.occurredAt ?? "");
      if (job.finishedOn && Number.isFinite(at)) lag.observe({ queue }, Math.max(0, job.finishedOn - at) / 1000);
    });
    w.on("failed", () => failed.inc({ queue }));
  }

  const outbox = () =>
    db.$queryRaw<{ n: bigint; age: number | null }[]>`
      SELECT count(*) AS n, EXTRACT(EPOCH FROM now() - min(occurred_at))::float8 AS age
      FROM outbox_events WHERE published_at IS NULL`.then((rows) => rows[0]);
  new Gauge({
    name: "bloom_outbox_backlog",
    help: "Outbox rows not yet published to the queues",
    registers,
    async collect() {
      this.set(Number((await outbox())?.n ?? 0));
    },
  });
  new Gauge({
    name: "bloom_outbox_oldest_age_seconds",
    help: "Age of the oldest unpublished outbox row (0 when none)",
    registers,
    async collect() {
      this.set(Math.max(0, (await outbox())?.age ?? 0));
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
