// The outbox relay (N2): publishes committed outbox rows to each subscribing policy's queue, with
// the event id as the job id (BullMQ ignores a second add of the same id), then marks them
// published in the same transaction that locked them. Redis down → the transaction rolls back and
// the rows wait; several relays split the rows with SKIP LOCKED. Producers NOTIFY outbox_events
// when they commit, which wakes the relay at once; polling every intervalMs stays as the fallback.
// Published is not done: the redrive (redrive.ts) publishes again what a policy has not handled.
//
// Unknown events wait (E4): a row whose type (or version) this worker cannot read stays unpublished
// — a newer web may write a type that only the newer worker knows, and publishing it here would
// mark it published while no queue of ours subscribes to it, i.e. drop it. It is logged once per
// type; the newer worker, which knows it, publishes it. So a release rolls workers first.
import { OUTBOX_CHANNEL } from "@bloom/app";
import { listen, type Db } from "@bloom/db";
import { EVENT_TYPES, EVENT_VERSION, policiesFor, type EventType, type Policy } from "@bloom/domain";
import type { Queue } from "bullmq";

type Row = { id: string; type: string; payload: unknown };

/**
 * Attempts are for errors a retry may fix (a bug fixed by a deploy, a deadlock): 10 attempts over
 * ~8.5 minutes (1 s doubling). An outage does not spend them (see runtime.ts: the queue backs off
 * and the job goes back to waiting) and a payload that cannot parse fails at once.
 */
export const JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 20_000 },
  // Failed jobs stay (dead letter) with their error until an operator (or the redrive) retries them.
  removeOnFail: false,
} as const;

/** The event types and version this worker can read: the only rows its relay publishes (E4). */
export const KNOWN_TYPES: readonly string[] = EVENT_TYPES;
export function isKnownEvent(type: string, version: number, known: readonly string[] = KNOWN_TYPES): boolean {
  return version === EVENT_VERSION && known.includes(type);
}
/** How often the relay looks for rows it leaves to a newer worker (to log them, once per type). */
const UNKNOWN_CHECK_MS = 10_000;

export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private stopped = false;
  private failures = 0;
  private again = false;
  private unlisten: (() => Promise<void>) | null = null;
  private lastUnknownCheck = 0;
  private readonly unknownLogged = new Set<string>();
  published = 0;
  /** Unpublished rows of types or versions this worker does not know, at the last check. */
  unknownWaiting = 0;

  constructor(
    private readonly db: Db,
    private readonly queues: Record<Policy, Queue>,
    private readonly opts: {
      intervalMs: number;
      batch: number;
      log: (o: object, m: string) => void;
      /** The event types this relay publishes (default: the catalog this worker was built with). */
      knownTypes?: readonly string[];
    },
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
      if (Date.now() - this.lastUnknownCheck >= UNKNOWN_CHECK_MS) await this.checkUnknown();
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
          WHERE published_at IS NULL AND type = ANY(${this.known as string[]}::text[]) AND version = ${EVENT_VERSION}
          ORDER BY seq LIMIT ${this.opts.batch} FOR UPDATE SKIP LOCKED`;
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
        // clock_timestamp(), not now() (the transaction's start): the redrive scans by published_at,
        // and this stamp is at most the commit's few milliseconds older than the moment it is visible.
        await tx.$executeRaw`UPDATE outbox_events SET published_at = clock_timestamp(), attempts = attempts + 1 WHERE id = ANY(${ids}::uuid[])`;
        this.published += rows.length;
        return rows.length;
      },
      { timeout: 30_000 },
    );
  }

  private get known(): readonly string[] {
    return this.opts.knownTypes ?? KNOWN_TYPES;
  }

  /** Finds unpublished rows this worker leaves to a newer one, and logs each type once. */
  async checkUnknown() {
    this.lastUnknownCheck = Date.now();
    const rows = await this.db.$queryRaw<{ type: string; version: number; n: number }[]>`
      SELECT type, version, count(*)::int AS n FROM outbox_events
      WHERE published_at IS NULL AND NOT (type = ANY(${this.known as string[]}::text[]) AND version = ${EVENT_VERSION})
      GROUP BY type, version`;
    this.unknownWaiting = rows.reduce((sum, r) => sum + r.n, 0);
    for (const r of rows) {
      const key = `${r.type}@${r.version}`;
      if (this.unknownLogged.has(key)) continue;
      this.unknownLogged.add(key);
      this.opts.log(
        { type: r.type, version: r.version, rows: r.n, knownVersion: EVENT_VERSION },
        "outbox relay: event type unknown to this worker; its rows stay unpublished for a worker that knows it (roll workers first)",
      );
    }
  }

  /** Stops polling and waits for a batch in flight. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.();
    while (this.running) await new Promise((r) => setTimeout(r, 20));
  }
}
