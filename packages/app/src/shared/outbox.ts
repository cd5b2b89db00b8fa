// The transactional outbox: events are written in the same transaction as the state change that
// caused them (N2). The worker's relay publishes them; rows are kept as the event log.
import type { Tx } from "@bloom/db";
import type { DomainEvent } from "@bloom/domain";

export async function appendEvents(tx: Tx, events: DomainEvent[]): Promise<void> {
  if (events.length === 0) return;
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
