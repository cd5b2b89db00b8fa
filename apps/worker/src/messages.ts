// The worker's message dispatcher (X5): sends the messages the channel policies planned
// (notify_messages), right after a policy plans some (kick) and on a timer for retries, other
// workers' plans and messages whose lease ran out. Rounds never overlap in one process; several
// processes split the work with SKIP LOCKED (packages/app notification/dispatch.ts).
import { dispatchDueMessages, type Channel, type ChannelProvider, type Logger, type MessageOutcome } from "@bloom/app";
import type { Db } from "@bloom/db";

export type MessageDispatcherConfig = {
  db: Db;
  providers: readonly ChannelProvider[];
  log: Logger;
  /** How often to look for due messages when nothing kicks the dispatcher (default 1 s). */
  intervalMs?: number;
  batch?: number;
  leaseMs?: number;
  baseBackoffMs?: number;
  /** Retries back off doubling from baseBackoffMs up to this (default 60 s). */
  maxBackoffMs?: number;
};

export const MESSAGE_OUTCOMES = ["sent", "retry", "dead", "skipped"] as const satisfies readonly MessageOutcome[];

export function startMessageDispatcher(cfg: MessageDispatcherConfig) {
  /** Per channel and outcome, since start (read by bloom_messages_total). */
  const stats = {} as Record<Channel, Record<MessageOutcome, number>>;
  for (const ch of ["email", "sms", "push"] as const) stats[ch] = { sent: 0, retry: 0, dead: 0, skipped: 0 };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const round = async () => {
    // A full batch came back: more are due, go on without waiting for the timer.
    for (;;) {
      const r = await dispatchDueMessages(cfg.db, cfg.providers, {
        log: cfg.log,
        batch: cfg.batch,
        leaseMs: cfg.leaseMs,
        baseBackoffMs: cfg.baseBackoffMs,
        maxBackoffMs: cfg.maxBackoffMs,
        onOutcome: (channel, outcome) => stats[channel][outcome]++,
      });
      if (stopped || r.claimed < (cfg.batch ?? 20)) return;
    }
  };
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = round()
      .catch((e: unknown) => cfg.log.warn({ loop: "message dispatcher", err: String(e) }, "message dispatcher: round failed; next round retries"))
      .finally(() => {
        running = null;
        if (stopped) return;
        timer = setTimeout(run, again ? 0 : (cfg.intervalMs ?? 1000));
        again = false;
      });
  };
  timer = setTimeout(run, 0);
  return {
    stats,
    channels: cfg.providers.map((p) => p.channel),
    /** A policy just planned messages: send them now rather than at the next tick. */
    kick: run,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
export type MessageDispatcher = ReturnType<typeof startMessageDispatcher>;
