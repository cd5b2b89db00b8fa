// Operators' view of the BullMQ queues (every queue the worker creates: one per policy, and the
// webhook deliveries'): counts, failed jobs (the dead letters) and retry. Queue handles are created
// once per process.
import { WORKER_QUEUE_NAMES, type WorkerQueueName } from "@bloom/app";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { env } from "~/env";

const g = globalThis as unknown as { __bloomQueues?: Record<WorkerQueueName, Queue> };

export function queues(): Record<WorkerQueueName, Queue> {
  if (g.__bloomQueues) return g.__bloomQueues;
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  connection.on("error", () => {}); // readiness reports Redis; the page shows the error
  g.__bloomQueues = Object.fromEntries(
    WORKER_QUEUE_NAMES.map((p) => [p, new Queue(p, { connection, prefix: env.QUEUE_PREFIX })]),
  ) as Record<WorkerQueueName, Queue>;
  return g.__bloomQueues;
}
