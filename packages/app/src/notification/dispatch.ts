// The message dispatcher's round (X5): claims due pending messages, sends each through the provider
// of its channel outside any transaction, and records the outcome. Claimed with FOR UPDATE SKIP
// LOCKED and a lease (next_attempt_at moved past the send), so several worker processes never take
// one message at once; a worker that dies mid-send leaves its messages to be retried when the lease
// ends. A provider that fails transiently only delays: attempts + 1, next try after a backoff that
// doubles from `baseBackoffMs` up to `maxBackoffMs`, forever — a message is never dropped for an
// outage. A message whose channel has no provider in this process stays pending, untouched.
import { sqlOf, type Db } from "@bloom/db";
import type { Logger } from "../shared/context";
import { PermanentSendError, SkippedMessageError, type Channel, type ChannelProvider, type StoredMessage } from "./messages";

export type MessageOutcome = "sent" | "retry" | "dead" | "skipped";

export type DispatchOptions = {
  log: Logger;
  /** Messages claimed per round (default 20). */
  batch?: number;
  /** How long a claimed message is held by its worker before another may try it (default 60 s; above any provider timeout). */
  leaseMs?: number;
  /** First retry after this (default 1 s), doubling per attempt… */
  baseBackoffMs?: number;
  /** …up to this (default 60 s). */
  maxBackoffMs?: number;
  onOutcome?: (channel: Channel, outcome: MessageOutcome) => void;
};

type Row = Omit<StoredMessage, "createdAt"> & { createdAt: Date };

export function retryDelayMs(attempts: number, baseMs = 1000, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
}

/** One round: returns how many messages it claimed and what became of them. */
export async function dispatchDueMessages(db: Db, providers: readonly ChannelProvider[], opts: DispatchOptions) {
  const byChannel = new Map(providers.map((p) => [p.channel, p]));
  const out = { claimed: 0, sent: 0, retry: 0, dead: 0, skipped: 0 };
  if (byChannel.size === 0) return out;
  const sql = sqlOf(db);
  const { rows } = await sql.query<Row>({
    name: "notify-claim",
    text: `UPDATE notify_messages m SET attempts = m.attempts + 1, next_attempt_at = now() + $3 * interval '1 millisecond'
           WHERE m.id IN (
             SELECT id FROM notify_messages
             WHERE status = 'pending' AND next_attempt_at <= now() AND channel = ANY($1::text[])
             ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
           RETURNING m.id, m.idempotency_key AS "idempotencyKey", m.channel, m.kind, m.recipient, m.order_id AS "orderId",
                     m.event_id AS "eventId", m.locale, m.payload, m.attempts, m.created_at AS "createdAt"`,
    values: [[...byChannel.keys()], opts.batch ?? 20, opts.leaseMs ?? 60_000],
  });
  out.claimed = rows.length;
  const settle = (id: string, status: "sent" | "dead" | "skipped", error: string | null) =>
    sql.query({
      name: "notify-settle",
      text: `UPDATE notify_messages SET status = $2, last_error = $3, sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END
             WHERE id = $1 AND status = 'pending'`,
      values: [id, status, error],
    });
  await Promise.all(
    rows.map(async (m) => {
      const provider = byChannel.get(m.channel)!;
      let outcome: MessageOutcome;
      try {
        await provider.send(m);
        await settle(m.id, "sent", null);
        outcome = "sent";
      } catch (e) {
        const err = String((e as Error)?.message ?? e).slice(0, 500);
        const line = {
          messageId: m.id,
          channel: m.channel,
          kind: m.kind,
          orderId: m.orderId,
          attempts: m.attempts,
          err,
        };
        if (e instanceof PermanentSendError) {
          await settle(m.id, "dead", err);
          opts.log.warn(line, "message cannot be delivered: marked dead");
          outcome = "dead";
        } else if (e instanceof SkippedMessageError) {
          await settle(m.id, "skipped", err);
          outcome = "skipped";
        } else {
          const delay = retryDelayMs(m.attempts, opts.baseBackoffMs, opts.maxBackoffMs);
          await sql.query({
            name: "notify-retry",
            text: `UPDATE notify_messages SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3
                   WHERE id = $1 AND status = 'pending'`,
            values: [m.id, delay, err],
          });
          opts.log.warn({ ...line, retryInMs: delay }, "message not sent (provider failed); retrying");
          outcome = "retry";
        }
      }
      out[outcome]++;
      opts.onOutcome?.(m.channel, outcome);
    }),
  );
  return out;
}
