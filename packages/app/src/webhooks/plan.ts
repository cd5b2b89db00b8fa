// X4, policy "partner-webhooks": for each published event of an order, one delivery row per
// enabled endpoint of the order's partner that subscribed to the event's type, in the inbox's
// transaction (idempotent: unique (event_id, endpoint_id) and the inbox claim). The order's owner
// and its public view come from the event log (outbox_events, the order's events up to this one),
// never from the ordering or identity tables (C1); an endpoint carries its client's customer
// account, so "a partner's orders" are the orders that account placed, and no one else's.
// Plain SQL on the consumer's connection (prepared statements): this policy hears most events of
// every order, and for an order without a partner endpoint it is one indexed query.
import { randomUUID } from "node:crypto";
import type { SqlClient } from "@bloom/db";
import { parseEvent, WEBHOOK_TYPE_OF, webhookPayloadFor, type DomainEvent } from "@bloom/domain";

export type PlannedDelivery = { id: string; jobId: string };

export async function planWebhookDeliveries(c: SqlClient, e: DomainEvent): Promise<PlannedDelivery[]> {
  const type = WEBHOOK_TYPE_OF[e.type];
  if (!type) return [];
  // The endpoints of the account that placed the order (its OrderPlaced in the log names it).
  const { rows: endpoints } = await c.query<{ id: string }>({
    name: "webhooks-endpoints-for-order",
    text: `SELECT w.id FROM outbox_events o
           JOIN webhook_endpoints w ON w.user_id = (o.payload->'payload'->>'customerId')::uuid
           WHERE o.order_id = $1 AND o.type = 'OrderPlaced' AND w.enabled AND $2 = ANY(w.event_types)`,
    values: [e.orderId, type],
  });
  if (!endpoints.length) return [];
  // The order as this event left it: its events in log order, up to this one.
  const { rows } = await c.query<{ payload: unknown }>({
    name: "webhooks-order-events",
    text: `SELECT payload FROM outbox_events
           WHERE order_id = $1 AND seq <= COALESCE((SELECT seq FROM outbox_events WHERE id = $2), 9223372036854775807)
           ORDER BY seq`,
    values: [e.orderId, e.eventId],
  });
  const events = rows.map((r) => parseEvent(r.payload));
  if (!events.some((x) => x.eventId === e.eventId)) events.push(e);
  const payload = webhookPayloadFor(events, e);
  if (!payload) return [];
  const body = JSON.stringify(payload);
  const planned: PlannedDelivery[] = [];
  for (const endpoint of endpoints) {
    const id = randomUUID();
    const inserted = await c.query<PlannedDelivery>({
      name: "webhooks-plan-delivery",
      text: `INSERT INTO webhook_deliveries (id, event_id, endpoint_id, order_id, event_type, message_id, body, job_id)
             VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $1::text)
             ON CONFLICT (event_id, endpoint_id) DO NOTHING
             RETURNING id, job_id AS "jobId"`,
      values: [id, e.eventId, endpoint.id, e.orderId, type, `msg_${id.replaceAll("-", "")}`, body],
    });
    planned.push(...inserted.rows);
  }
  return planned;
}
