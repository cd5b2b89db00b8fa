// X4: what a partner sees of its deliveries (the most recent first, each with its attempts) and
// its replay: a delivered or failed delivery is sent again — the same webhook-id and body, a new
// timestamp and signature — as a new job of the webhook-deliveries queue.
import type { Db } from "@bloom/db";
import { refuse, type Refusal } from "@bloom/domain";
import type { WebhookOwner } from "./endpoints";

export type WebhookDeliveryView = {
  id: string;
  webhookId: string;
  eventType: string;
  orderId: string;
  status: "PENDING" | "DELIVERED" | "FAILED";
  createdAt: Date;
  deliveredAt: Date | null;
  replays: number;
  attempts: { at: Date; durationMs: number; statusCode: number | null; error: string | null; responseSnippet: string | null }[];
};

export async function listWebhookDeliveries(
  db: Db,
  owner: WebhookOwner,
  endpointId: string,
  limit = 50,
): Promise<{ ok: true; deliveries: WebhookDeliveryView[] } | Refusal> {
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, clientId: owner.clientId }, select: { id: true } });
  if (!endpoint) return refuse("NOT_FOUND", "Webhook endpoint not found");
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    include: { attempts: { orderBy: { id: "asc" }, take: 50 } },
  });
  return {
    ok: true,
    deliveries: rows.map((d) => ({
      id: d.id,
      webhookId: d.messageId,
      eventType: d.eventType,
      orderId: d.orderId,
      status: d.status as WebhookDeliveryView["status"],
      createdAt: d.createdAt,
      deliveredAt: d.deliveredAt,
      replays: d.replays,
      attempts: d.attempts.map((a) => ({ at: a.attemptedAt, durationMs: a.durationMs, statusCode: a.statusCode, error: a.error, responseSnippet: a.responseSnippet })),
    })),
  };
}

/** The queue that sends deliveries (the worker's; web adds replays to it). */
export const WEBHOOK_QUEUE = "webhook-deliveries";

/**
 * A delivery job's BullMQ options, the same wherever it is added. The retry schedule, not this
 * attempt count, ends a delivery (the worker marks it FAILED after the schedule's last delay), so
 * web and worker need not agree on the schedule; attempts is only a ceiling above any schedule.
 */
export function webhookJobOptions(jobId: string) {
  return { jobId, attempts: 100, backoff: { type: "webhook" }, removeOnComplete: true, removeOnFail: { age: 7 * 24 * 3600 } };
}

/** Port to the queue that sends deliveries (BullMQ in web and worker); jobId dedupes. */
export type WebhookDispatch = (d: { id: string; jobId: string }) => Promise<void>;

export async function replayWebhookDelivery(
  db: Db,
  dispatch: WebhookDispatch,
  owner: WebhookOwner,
  endpointId: string,
  deliveryId: string,
): Promise<{ ok: true; jobId: string } | Refusal> {
  const rows = await db.$queryRaw<{ jobId: string }[]>`
    UPDATE webhook_deliveries d SET status = 'PENDING', replays = replays + 1, job_id = d.id::text || '-r' || (replays + 1), updated_at = now()
    FROM webhook_endpoints e
    WHERE d.id = ${deliveryId}::uuid AND d.endpoint_id = ${endpointId}::uuid AND e.id = d.endpoint_id AND e.client_id = ${owner.clientId}
      AND d.status <> 'PENDING'
    RETURNING d.job_id AS "jobId"`;
  if (!rows[0]) {
    const exists = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId, endpoint: { clientId: owner.clientId } }, select: { id: true } });
    return exists ? refuse("INVALID_TRANSITION", "This delivery is still being sent; replay it once it is delivered or failed") : refuse("NOT_FOUND", "Delivery not found");
  }
  // If the queue cannot be reached now, the worker's sweep sends it (the row is PENDING).
  await dispatch({ id: deliveryId, jobId: rows[0].jobId }).catch(() => {});
  return { ok: true, jobId: rows[0].jobId };
}

/** How long delivered and failed deliveries (and their attempts) are kept. */
export const WEBHOOK_LOG_RETENTION_DAYS = 30;

/** Removes settled deliveries older than the retention, a bounded batch per call (the worker's sweep). */
export async function pruneWebhookDeliveries(db: Db, batch = 1000): Promise<number> {
  return db.$executeRaw`
    DELETE FROM webhook_deliveries WHERE id IN (
      SELECT id FROM webhook_deliveries
      WHERE status IN ('DELIVERED', 'FAILED') AND created_at < now() - make_interval(days => ${WEBHOOK_LOG_RETENTION_DAYS})
      LIMIT ${batch})`;
}

/** PENDING deliveries planned or replayed more than `olderThanMs` ago: their jobs are added again (a no-op for a job that exists). */
export async function pendingWebhookDeliveries(db: Db, olderThanMs: number, limit = 500): Promise<{ id: string; jobId: string }[]> {
  return db.$queryRaw<{ id: string; jobId: string }[]>`
    SELECT id, job_id AS "jobId" FROM webhook_deliveries
    WHERE status = 'PENDING' AND updated_at < now() - make_interval(secs => ${olderThanMs / 1000})
    ORDER BY created_at LIMIT ${limit}`;
}
