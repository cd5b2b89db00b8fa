// The transactional outbox on the one transaction type (ADR 0001): events are written in the same
// transaction as the state change that caused them (N2); the worker's relay publishes them.
import type { DomainEvent } from "@bloom/domain";
import type { Transaction } from "./inbox";
import { OUTBOX_CHANNEL } from "./outbox";

export async function appendEventsIn(tx: Transaction, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  // Wakes the relay when this transaction commits (nothing is sent if it rolls back).
  await tx.client.query({ name: "outbox-notify", text: "SELECT pg_notify($1, '')", values: [OUTBOX_CHANNEL] });
  await tx.ky
    .insertInto("outbox_events")
    .values(
      events.map((e) => ({
        id: e.eventId,
        type: e.type,
        version: e.version,
        order_id: e.orderId,
        occurred_at: new Date(e.occurredAt).toISOString(),
        payload: JSON.stringify(e),
      })),
    )
    .execute();
}
