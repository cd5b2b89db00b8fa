// X4: one attempt of a webhook delivery (the worker's webhook-deliveries queue runs it). Signed per
// Standard Webhooks with the endpoint's current secret: webhook-id (the delivery's, the same on
// every retry and replay, so a partner deduplicates on it), webhook-timestamp (now, in seconds),
// webhook-signature (v1, HMAC-SHA256 of "id.timestamp.body"). Every attempt is logged; a 2xx marks
// the delivery DELIVERED, the last failed attempt FAILED, any other failure is retried by the queue.
import type { Db } from "@bloom/db";
import { Webhook } from "standardwebhooks";
import { postWebhook, type PostResult } from "./http-post";
import type { WebhookSecretBox } from "./secret-box";

export type SendOutcome = "delivered" | "retrying" | "failed" | "skipped";
export type SendOptions = { timeoutMs: number; allowLocal: boolean; box: WebhookSecretBox };

type Row = { id: string; endpointId: string; messageId: string; body: string; status: string; url: string | null; secret: string | null; enabled: boolean | null };

export async function sendWebhookDelivery(db: Db, deliveryId: string, final: boolean, opts: SendOptions): Promise<{ outcome: SendOutcome; error?: string }> {
  const [d] = await db.$queryRaw<Row[]>`
    SELECT d.id, d.endpoint_id AS "endpointId", d.message_id AS "messageId", d.body, d.status, e.url, e.secret, e.enabled
    FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ${deliveryId}::uuid`;
  // Gone with its endpoint, or already settled (a duplicate job): nothing to send.
  if (!d || d.status !== "PENDING") return { outcome: "skipped" };
  if (!d.enabled || !d.url || !d.secret) {
    await db.$executeRaw`UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'endpoint disabled', updated_at = now() WHERE id = ${d.id}::uuid AND status = 'PENDING'`;
    return { outcome: "failed", error: "endpoint disabled" };
  }
  const at = new Date();
  // A secret sealed under another key-encryption secret cannot sign: the attempt fails (and is
  // logged) until the partner rotates it.
  let secret: string | null = null;
  let unsealError = "";
  try {
    secret = opts.box.open(d.endpointId, d.secret);
  } catch (e) {
    unsealError = (e as Error).message;
  }
  const r: PostResult = secret
    ? await postWebhook(
        d.url,
        {
          "content-type": "application/json",
          "user-agent": "Bloom-Webhooks/1.0",
          "webhook-id": d.messageId,
          "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
          "webhook-signature": new Webhook(secret).sign(d.messageId, at, d.body),
        },
        d.body,
        opts,
      )
    : { statusCode: null, error: unsealError, snippet: null, durationMs: 0 };
  const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
  const error = ok ? null : (r.error ?? `HTTP ${r.statusCode}`);
  const status = ok ? "DELIVERED" : final ? "FAILED" : "PENDING";
  await db.$transaction([
    db.$executeRaw`
      INSERT INTO webhook_delivery_attempts (delivery_id, attempted_at, duration_ms, status_code, error, response_snippet)
      VALUES (${d.id}::uuid, ${at}, ${r.durationMs}, ${r.statusCode}, ${error}, ${r.snippet})`,
    db.$executeRaw`
      UPDATE webhook_deliveries SET status = ${status}, last_status_code = ${r.statusCode}, last_error = ${error}, updated_at = now(),
        delivered_at = CASE WHEN ${ok} THEN now() ELSE delivered_at END
      WHERE id = ${d.id}::uuid`,
  ]);
  return ok ? { outcome: "delivered" } : { outcome: final ? "failed" : "retrying", error: error ?? undefined };
}
