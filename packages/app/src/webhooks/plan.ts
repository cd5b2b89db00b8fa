// X4, policy "partner-webhooks": for each published event of an order, one delivery row per
// enabled endpoint of the order's partner that subscribed to the event's type, in the inbox's
// transaction (idempotent: unique (event_id, endpoint_id) and the inbox claim). The order's owner
// and its public view come from the event log (outbox_events, the order's events up to this one),
// never from the ordering or identity tables (C1); an endpoint carries its client's customer
// account, so "a partner's orders" are the orders that account placed, and no one else's.
import { randomUUID } from "node:crypto";
import type { Tx } from "@bloom/db";
import { parseEvent, WEBHOOK_TYPE_OF, webhookPayloadFor, type DomainEvent } from "@bloom/domain";

export type PlannedDelivery = { id: string; jobId: string };

export async function planWebhookDeliveries(tx: Tx, e: DomainEvent): Promise<PlannedDelivery[]> {
  const type = WEBHOOK_TYPE_OF[e.type];
  if (!type) return [];
  const placed = await tx.$queryRaw<{ payload: { payload?: { customerId?: string } } }[]>`
    SELECT payload FROM outbox_events WHERE order_id = ${e.orderId}::uuid AND type = 'OrderPlaced' LIMIT 1`;
  const customerId = placed[0]?.payload?.payload?.customerId;
  if (!customerId) return [];
  const endpoints = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM webhook_endpoints WHERE user_id = ${customerId}::uuid AND enabled AND ${type} = ANY(event_types)`;
  if (!endpoints.length) return [];
  // The order as this event left it: its events in log order, up to this one.
  const rows = await tx.$queryRaw<{ payload: unknown }[]>`
    SELECT payload FROM outbox_events
    WHERE order_id = ${e.orderId}::uuid AND seq <= COALESCE((SELECT seq FROM outbox_events WHERE id = ${e.eventId}::uuid), 9223372036854775807)
    ORDER BY seq`;
  const events = rows.map((r) => parseEvent(r.payload));
  if (!events.some((x) => x.eventId === e.eventId)) events.push(e);
  const payload = webhookPayloadFor(events, e);
  if (!payload) return [];
  const body = JSON.stringify(payload);
  const planned: PlannedDelivery[] = [];
  for (const endpoint of endpoints) {
    const id = randomUUID();
    const inserted = await tx.$queryRaw<PlannedDelivery[]>`
      INSERT INTO webhook_deliveries (id, event_id, endpoint_id, order_id, event_type, message_id, body, job_id)
      VALUES (${id}::uuid, ${e.eventId}::uuid, ${endpoint.id}::uuid, ${e.orderId}::uuid, ${type}, ${`msg_${id.replaceAll("-", "")}`}, ${body}, ${id})
      ON CONFLICT (event_id, endpoint_id) DO NOTHING
      RETURNING id, job_id AS "jobId"`;
    planned.push(...inserted);
  }
  return planned;
}
