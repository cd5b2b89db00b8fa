// The transactional outbox: events are written in the same transaction as the state change that
// caused them (N2). The worker's relay publishes them; rows are kept as the event log.
import type { Tx } from "@bloom/db";
import type { DomainEvent } from "@bloom/domain";

/** Producers NOTIFY this channel with their outbox rows; PostgreSQL delivers it at commit. */
export const OUTBOX_CHANNEL = "outbox_events";

export async function appendEvents(tx: Tx, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
  // Wakes the relay when this transaction commits (nothing is sent if it rolls back).
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  await tx.outboxEvent.createMany({
    data: events.map((e) => ({
      id: e.eventId,
      type: e.type,
      version: e.version,
      orderId: e.orderId,
      occurredAt: new Date(e.occurredAt),
      payload: e as object,
    })),
  });
}
