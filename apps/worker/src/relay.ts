// The outbox relay (N2): publishes committed outbox rows to each subscribing policy's queue, with
// the event id as the job id (BullMQ ignores a second add of the same id), then marks them
// published in the same transaction that locked them. Redis down → the transaction rolls back and
// the rows wait; several relays split the rows with SKIP LOCKED. Producers NOTIFY outbox_events
// when they commit, which wakes the relay at once; polling every intervalMs stays as the fallback.
import { OUTBOX_CHANNEL } from "@bloom/app";
import { listen, type Db } from "@bloom/db";
import { policiesFor, type EventType, type Policy } from "@bloom/domain";
import type { Queue } from "bullmq";

type Row = { id: string; type: string; payload: unknown };

export const JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 500 },
  removeOnComplete: { age: 3600, count: 20_000 },
  // Failed jobs stay (dead letter) with their error until an operator retries them.
  removeOnFail: false,
} as const;

export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private failures = 0;
  private again = false;
  private unlisten: (() => Promise<void>) | null = null;
  published = 0;

  constructor(
    private readonly db: Db,
    private readonly queues: Record<Policy, Queue>,
    private readonly opts: { intervalMs: number; batch: number; log: (o: object, m: string) => void },
  ) {}

  start() {
    this.unlisten = listen(this.db, OUTBOX_CHANNEL, () => this.wake(), (err) => this.opts.log({ err: err.message }, "outbox relay: LISTEN connection failed; polling meanwhile"));
    this.schedule(0);
  }

  /** A commit announced new rows: publish now (or right after the batch in flight). */
  private wake() {
    if (this.stopped || this.failures > 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick() {
    this.running = true;
    this.again = false;
    let n = 0;
    try {
      n = await this.publishBatch();
      if (this.failures > 0) this.opts.log({ backlogResumed: true }, "outbox relay recovered");
      this.failures = 0;
    } catch (e) {
      this.failures++;
      if (this.failures === 1 || this.failures % 20 === 0) this.opts.log({ err: String(e), failures: this.failures }, "outbox relay cannot publish; rows wait");
    } finally {
      this.running = false;
    }
    // Drain at full speed while there is a backlog; back off while Redis/DB is failing.
    this.schedule(n >= this.opts.batch || (this.again && !this.failures) ? 0 : this.failures ? Math.min(5000, 200 * this.failures) : this.opts.intervalMs);
  }

  async publishBatch(): Promise<number> {
    return this.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Row[]>`
          SELECT id, type, payload FROM outbox_events
          WHERE published_at IS NULL ORDER BY seq LIMIT ${this.opts.batch} FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        const byQueue = new Map<Policy, { name: string; data: unknown; opts: object }[]>();
        for (const r of rows) {
          for (const policy of policiesFor(r.type as EventType)) {
            const list = byQueue.get(policy) ?? [];
            list.push({ name: r.type, data: r.payload, opts: { ...JOB_OPTIONS, jobId: r.id } });
            byQueue.set(policy, list);
          }
        }
        await Promise.all([...byQueue].map(([policy, jobs]) => this.queues[policy].addBulk(jobs as never)));
        const ids = rows.map((r) => r.id);
        await tx.$executeRaw`UPDATE outbox_events SET published_at = now(), attempts = attempts + 1 WHERE id = ANY(${ids}::uuid[])`;
        this.published += rows.length;
        return rows.length;
      },
      { timeout: 30_000 },
    );
  }

  /** Stops polling and waits for a batch in flight. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }
}
