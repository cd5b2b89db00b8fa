// Operators' view of the BullMQ queues (one per policy): counts, failed jobs (the dead letters)
// and retry. Queue handles are created once per process.
import { POLICY_NAMES, type Policy } from "@bloom/domain";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { env } from "~/env";

const g = globalThis as unknown as { __bloomQueues?: Record<Policy, Queue> };

export function queues(): Record<Policy, Queue> {
  if (g.__bloomQueues) return g.__bloomQueues;
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: null });
  connection.on("error", () => {}); // readiness reports Redis; the page shows the error
  g.__bloomQueues = Object.fromEntries(
    POLICY_NAMES.map((p) => [p, new Queue(p, { connection, prefix: env.QUEUE_PREFIX })]),
  ) as Record<Policy, Queue>;
  return g.__bloomQueues;
}
