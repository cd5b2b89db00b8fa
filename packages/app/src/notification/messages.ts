// The notification context's outbox of messages (X5). A channel's policy plans messages
// in its inbox transaction (enqueueMessages), so planning and the processed-event record commit
// together; the worker's message dispatcher sends them later, through the provider of their
// channel, outside any transaction. One row per idempotency key: a redelivered event plans nothing
// twice, and a provider outage only delays the rows (they stay pending, retried with backoff).
import type { SqlClient, Tx } from "@bloom/db";

export type Channel = "email" | "sms" | "push";
export const CHANNELS = ["email", "sms", "push"] as const satisfies readonly Channel[];
export type MessageLocale = "ko" | "en";
export type MessageStatus = "pending" | "sent" | "dead" | "skipped";

export type PlannedMessage = {
  channel: Channel;
  kind: string;
  /** Who receives it, in the channel's terms: an email address, a phone number, a push subscription id. */
  recipient: string;
  orderId: string | null;
  eventId: string;
  locale: MessageLocale;
  /** What the template needs, snapshotted when the event is handled (JSON). */
  payload: Record<string, unknown>;
  /**
   * Set when one event can make two messages of different kinds for one recipient on one channel:
   * the kind then joins the idempotency key. Default false (`${eventId}:${channel}:${recipient}`).
   */
  keyByKind?: boolean;
};

export type StoredMessage = {
  id: string;
  idempotencyKey: string;
  channel: Channel;
  kind: string;
  recipient: string;
  orderId: string | null;
  eventId: string;
  locale: MessageLocale;
  payload: Record<string, unknown>;
  /** Including this one: 1 on the first try. */
  attempts: number;
  createdAt: Date;
};

/** A channel's way out (SMTP, an SMS gateway, the Web Push protocol). */
export interface ChannelProvider {
  channel: Channel;
  /**
   * Sends one message. Resolves once the provider accepted it. Throw PermanentSendError when it can
   * never be delivered (an address or push endpoint gone): the message is marked dead. Throw
   * SkippedMessageError when it must not be sent any more (the customer turned the kind off). Any
   * other error is transient: the message is retried with backoff, never dropped.
   */
  send(m: StoredMessage): Promise<void>;
}

/** The message can never be delivered (e.g. a push endpoint answered 404/410): marked dead, not retried. */
export class PermanentSendError extends Error {
  override name = "PermanentSendError";
}

/** The message is no longer wanted (opted out since it was planned): marked skipped, not sent. */
export class SkippedMessageError extends Error {
  override name = "SkippedMessageError";
}

export function idempotencyKeyOf(m: Pick<PlannedMessage, "eventId" | "channel" | "recipient" | "kind" | "keyByKind">): string {
  const base = `${m.eventId}:${m.channel}:${m.recipient}`;
  return m.keyByKind ? `${base}:${m.kind}` : base;
}

const INSERT = `
  INSERT INTO notify_messages (id, idempotency_key, channel, kind, recipient, order_id, event_id, locale, payload)
  SELECT gen_random_uuid(), r->>'key', r->>'channel', r->>'kind', r->>'recipient', (r->>'orderId')::uuid,
         (r->>'eventId')::uuid, r->>'locale', r->'payload'
  FROM jsonb_array_elements($1::jsonb) AS r
  ON CONFLICT (idempotency_key) DO NOTHING`;

/**
 * Inserts the planned messages; a message whose idempotency key is already there is left alone
 * (ON CONFLICT DO NOTHING). Call it inside the policy's inbox transaction (handleOnce's, its
 * connection) or a Prisma transaction. Returns how many rows were new. Wake the
 * dispatcher after the commit (the policy's `messagesPlanned` hint).
 */
export async function enqueueMessages(tx: Tx | SqlClient, msgs: PlannedMessage[]): Promise<number> {
  if (msgs.length === 0) return 0;
  const rows = JSON.stringify(
    msgs.map((m) => ({
      key: idempotencyKeyOf(m),
      channel: m.channel,
      kind: m.kind,
      recipient: m.recipient,
      orderId: m.orderId,
      eventId: m.eventId,
      locale: m.locale,
      payload: m.payload,
    })),
  );
  // One statement for the batch, as plain SQL (a Prisma model call costs ~1 ms of CPU to compile).
  if ("$executeRawUnsafe" in tx) return tx.$executeRawUnsafe(INSERT, rows);
  return (await tx.query({ name: "notify-enqueue", text: INSERT, values: [rows] })).rowCount ?? 0;
}
