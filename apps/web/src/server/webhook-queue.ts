// X4: web adds replayed webhook deliveries to the worker's webhook-deliveries queue (one Queue
// handle per process). If Redis is down the replay still stands: the worker's sweep sends it.
import { WEBHOOK_QUEUE, webhookJobOptions, type WebhookDispatch } from "@bloom/app";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { env } from "~/env";

const g = globalThis as unknown as { __bloomWebhookQueue?: Queue };

function queue(): Queue {
  if (g.__bloomWebhookQueue) return g.__bloomWebhookQueue;
  const connection = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
  connection.on("error", () => {});
  return (g.__bloomWebhookQueue = new Queue(WEBHOOK_QUEUE, { connection, prefix: env.QUEUE_PREFIX }));
}

export const dispatchWebhook: WebhookDispatch = async (d) => {
  await queue().add("deliver", { deliveryId: d.id }, webhookJobOptions(d.jobId));
};
