// The outbox redrive (E1): an event is done when every policy subscribed to its type has its inbox
// row, not when Redis accepted the jobs. Redis can lose jobs (a restart without persistence, the
// last second of AOF, a failover to an async replica, a job deleted by hand) and a job can be
// dead-lettered; the outbox stays the source of truth. This loop finds events published more than
// `afterMs` ago that miss an inbox row for some subscribed policy and hands them to that policy's
// queue again. Consumers are idempotent (inbox per event), so a redrive never applies twice.
//
// Cheap at a million rows: one worker process redrives at a time (a PostgreSQL advisory lock,
// held by a connection of its own), and it does not rescan the outbox. A cursor walks outbox
// rows by (published_at, seq) — the index the relay already uses — from the start of the window
// (`windowMs`, 24 h) up to `afterMs` ago, in batches; each batch probes the inbox's primary key
// (consumer, event_id) once per subscribed policy. Rows behind the cursor were complete, or are
// remembered as pending (at most `maxPending`) and rechecked by id on every pass until handled.
// In steady state a pass reads only the rows published since the previous one.
//
// For a pending (event, policy) the job's state decides: missing → add it again; failed (dead
// letter, e.g. after an outage outlived its attempts) → retry it, unless it failed as poison (an
// invalid payload, or it kept crashing workers: an operator decides); completed though the inbox
// has no row (the database lost it, e.g. restored) → run it again; waiting, delayed or active →
// leave it, it is on its way (a paused queue stays paused). After acting, the event gets another
// `afterMs` before the next action.
import { dedicatedConnection, sqlOf, type Db, type SqlConnection } from "@bloom/db";
import { POLICIES, POLICY_NAMES, type Policy } from "@bloom/domain";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { isPoisonFailure } from "./outage";
import { JOB_OPTIONS, KNOWN_TYPES } from "./relay";

export type RedriveOptions = {
  /** T: an event published this long ago and not handled by every subscribed policy is redriven. */
  afterMs: number;
  /** How far back the redrive looks (published_at). */
  windowMs: number;
  /** Outbox rows per scan query. */
  batch?: number;
  /** Scan queries per pass (a pass that hits it continues at once, in a new pass). */
  batchesPerPass?: number;
  /** Events remembered as not yet handled; the cursor waits while this many are pending. */
  maxPending?: number;
  /** Between passes; default afterMs / 3, within 0.5–10 s. */
  intervalMs?: number;
  /** Scope of the single-redriver lock: workers of one queue prefix share it. */
  lockName: string;
  log: { info: (o: object, m: string) => void; warn: (o: object, m: string) => void; error: (o: object, m: string) => void };
};

type PendingEvent = { id: string; type: string; payload: unknown; occurredAt: number; publishedAt: number; missing: Policy[]; nextActionAt: number };
// Ages are computed by PostgreSQL (the columns are timestamps without time zone, in the server's
// clock), and the cursor keeps published_at as PostgreSQL's text, so it round-trips exactly.
type ScanRow = { id: string; type: string; cursor_at: string; seq: string; missing: Policy[] | null; payload: unknown; age_ms: number | null; published_age_ms: number };
export type RedriveSnapshot = { leader: boolean; unhandled: Record<Policy, number>; oldestSeconds: number; truncated: boolean };

/** (type, policy) pairs of the subscriptions, as two parallel arrays for `unnest` in SQL. */
function subscriptionArrays(): [string[], string[]] {
  const types: string[] = [];
  const policies: string[] = [];
  for (const policy of POLICY_NAMES) {
    for (const type of POLICIES[policy] as readonly string[]) {
      if (!KNOWN_TYPES.includes(type)) continue;
      types.push(type);
      policies.push(policy);
    }
  }
  return [types, policies];
}

/** The batch query of the cursor (exported for the EXPLAIN check in the tests). */
export const SCAN_SQL = `
  WITH batch AS (
    SELECT id, type, published_at, seq FROM outbox_events
    WHERE (published_at, seq) > ($1::timestamp, $2::bigint)
      AND published_at >= LOCALTIMESTAMP - $3 * interval '1 millisecond'
      AND published_at < LOCALTIMESTAMP - $4 * interval '1 millisecond'
    ORDER BY published_at, seq
    LIMIT $5),
  missing AS (
    SELECT b.id, array_agg(s.policy) AS missing
    FROM batch b JOIN unnest($6::text[], $7::text[]) AS s(type, policy) ON s.type = b.type
    WHERE NOT EXISTS (SELECT 1 FROM inbox_processed_events i WHERE i.consumer = s.policy AND i.event_id = b.id)
    GROUP BY b.id)
  SELECT b.id, b.type, b.published_at::text AS cursor_at, b.seq::text AS seq, m.missing, o.payload,
         (EXTRACT(EPOCH FROM LOCALTIMESTAMP - o.occurred_at) * 1000)::float8 AS age_ms,
         (EXTRACT(EPOCH FROM LOCALTIMESTAMP - b.published_at) * 1000)::float8 AS published_age_ms
  FROM batch b
  LEFT JOIN missing m ON m.id = b.id
  LEFT JOIN outbox_events o ON o.id = m.id
  ORDER BY b.published_at, b.seq`;

/** The recheck of pending events by id. */
export const RECHECK_SQL = `
  SELECT o.id, array_agg(s.policy) AS missing
  FROM outbox_events o JOIN unnest($2::text[], $3::text[]) AS s(type, policy) ON s.type = o.type
  WHERE o.id = ANY($1::uuid[])
    AND NOT EXISTS (SELECT 1 FROM inbox_processed_events i WHERE i.consumer = s.policy AND i.event_id = o.id)
  GROUP BY o.id`;

export class OutboxRedrive {
  private readonly pending = new Map<string, PendingEvent>();
  private cursor: { at: string; seq: string } = { at: "1970-01-01 00:00:00", seq: "0" };
  private lock: SqlConnection | null = null;
  private leader = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failures = 0;
  private truncated = false;
  private readonly poisonLogged = new Set<string>();
  private readonly subs = subscriptionArrays();
  /** Jobs this process added or retried, per policy (a counter for /metrics). */
  readonly redriven: Record<Policy, number> = Object.fromEntries(POLICY_NAMES.map((p) => [p, 0])) as Record<Policy, number>;
  private snap: RedriveSnapshot = { leader: false, unhandled: emptyCounts(), oldestSeconds: 0, truncated: false };

  constructor(
    private readonly db: Db,
    private readonly queues: Record<Policy, Queue>,
    private readonly redis: Redis,
    private readonly opts: RedriveOptions,
  ) {}

  get intervalMs() {
    return this.opts.intervalMs ?? Math.min(10_000, Math.max(500, Math.round(this.opts.afterMs / 3)));
  }

  start() {
    this.schedule(this.intervalMs);
  }

  /** The last pass's view: zero on a worker that is not the redriver (aggregate with max). */
  snapshot(): RedriveSnapshot {
    return this.snap;
  }

  private schedule(ms: number) {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.pass().then(
        (more) => {
          this.running = null;
          if (this.failures > 0) this.opts.log.info({ failures: this.failures }, "outbox redrive recovered");
          this.failures = 0;
          this.schedule(more ? 50 : this.intervalMs);
        },
        (err: unknown) => {
          this.running = null;
          this.failures++;
          if (this.failures === 1 || this.failures % 20 === 0) this.opts.log.warn({ err: String(err), failures: this.failures }, "outbox redrive pass failed; trying again");
          this.schedule(Math.min(10_000, this.intervalMs * this.failures));
        },
      );
    }, ms);
  }

  /** One pass: recheck pending events, scan on from the cursor, act on what is missing. Returns true when the scan has more to read now. */
  async pass(): Promise<boolean> {
    if (!(await this.ensureLeader())) {
      this.snap = { leader: false, unhandled: emptyCounts(), oldestSeconds: 0, truncated: false };
      return false;
    }
    const startedAt = Date.now();
    await this.recheck();
    const more = await this.scan();
    if (this.redis.status === "ready") await this.act(startedAt);
    this.expire();
    this.snap = this.computeSnapshot();
    return more;
  }

  /** Takes (or keeps) the advisory lock on a connection of its own; false when another worker holds it. */
  private async ensureLeader(): Promise<boolean> {
    if (this.lock && this.leader) return true;
    if (!this.lock) {
      const c = dedicatedConnection(this.db);
      const lost = (err: Error) => {
        // The connection died (restart, pg_terminate_backend): the lock went with it.
        if (this.leader && this.lock === c && !this.stopped) this.opts.log.warn({ err: err.message }, "outbox redrive: lock connection lost; will try to take the lock again");
        if (this.lock === c) {
          this.lock = null;
          this.leader = false;
        }
        void c.end().catch(() => {});
      };
      c.on("error", lost);
      c.on("end", () => lost(new Error("lock connection ended")));
      try {
        await c.connect();
      } catch (err) {
        void c.end().catch(() => {});
        throw err;
      }
      if (this.stopped) {
        await c.end().catch(() => {});
        return false;
      }
      this.lock = c;
    }
    const { rows } = await this.lock.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok", [`bloom:outbox-redrive:${this.opts.lockName}`]);
    this.leader = rows[0]?.ok === true;
    if (this.leader) this.opts.log.info({ afterMs: this.opts.afterMs, windowMs: this.opts.windowMs }, "outbox redrive: this worker redrives");
    return this.leader;
  }

  private async recheck() {
    if (this.pending.size === 0) return;
    const ids = [...this.pending.keys()];
    const { rows } = await sqlOf(this.db).query<{ id: string; missing: Policy[] }>({ name: "redrive-recheck", text: RECHECK_SQL, values: [ids, ...this.subs] });
    const still = new Map(rows.map((r) => [r.id, r.missing]));
    for (const id of ids) {
      const missing = still.get(id);
      if (!missing) this.pending.delete(id);
      else this.pending.get(id)!.missing = missing;
    }
  }

  private async scan(): Promise<boolean> {
    const batch = this.opts.batch ?? 1000;
    const maxPending = this.opts.maxPending ?? 10_000;
    for (let i = 0; i < (this.opts.batchesPerPass ?? 20); i++) {
      if (this.pending.size >= maxPending) {
        if (!this.truncated) this.opts.log.error({ pending: this.pending.size }, "outbox redrive: too many unhandled events; the scan waits until some are handled");
        this.truncated = true;
        return false;
      }
      this.truncated = false;
      const { rows } = await sqlOf(this.db).query<ScanRow>({
        name: "redrive-scan",
        text: SCAN_SQL,
        values: [this.cursor.at, this.cursor.seq, this.opts.windowMs, this.opts.afterMs, batch, ...this.subs],
      });
      const now = Date.now();
      for (const r of rows) {
        if (r.missing?.length && !this.pending.has(r.id)) {
          if (this.pending.size >= maxPending) return false; // the cursor stays before this row
          this.pending.set(r.id, {
            id: r.id,
            type: r.type,
            payload: r.payload,
            occurredAt: now - (r.age_ms ?? r.published_age_ms),
            publishedAt: now - r.published_age_ms,
            missing: r.missing,
            nextActionAt: 0,
          });
        }
        this.cursor = { at: r.cursor_at, seq: r.seq };
      }
      if (rows.length < batch) return false;
    }
    return true;
  }

  /** Hands each pending (event, policy) to its queue according to the job's state. */
  private async act(checkedAt: number) {
    const now = Date.now();
    const work: { e: PendingEvent; policy: Policy }[] = [];
    for (const e of this.pending.values()) if (e.nextActionAt <= now) for (const policy of e.missing) work.push({ e, policy });
    if (work.length === 0) return;
    const done = { added: 0, retried: 0, onTheirWay: 0, poison: 0 };
    const acted = new Set<PendingEvent>();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(32, work.length) }, async () => {
        while (next < work.length) {
          const { e, policy } = work[next++]!;
          const outcome = await this.redriveOne(e, policy, checkedAt);
          done[outcome]++;
          if (outcome === "added" || outcome === "retried") {
            this.redriven[policy]++;
            acted.add(e);
          }
        }
      }),
    );
    for (const e of acted) e.nextActionAt = Date.now() + this.opts.afterMs;
    if (done.added + done.retried > 0) this.opts.log.warn({ ...done, pending: this.pending.size }, "outbox redrive: handed events that a policy had not handled back to its queue");
  }

  private async redriveOne(e: PendingEvent, policy: Policy, checkedAt: number): Promise<"added" | "retried" | "onTheirWay" | "poison"> {
    const queue = this.queues[policy];
    const state = await queue.getJobState(e.id);
    if (state === "unknown") {
      await queue.add(e.type, e.payload, { ...JOB_OPTIONS, jobId: e.id });
      return "added";
    }
    if (state !== "failed" && state !== "completed") return "onTheirWay";
    const job = await queue.getJob(e.id);
    if (!job) return "onTheirWay"; // removed meanwhile: added on the next pass
    if (state === "failed") {
      if (isPoisonFailure(job.failedReason)) {
        const key = `${policy}:${e.id}`;
        if (!this.poisonLogged.has(key)) {
          this.poisonLogged.add(key);
          this.opts.log.error({ policy, eventId: e.id, type: e.type, err: job.failedReason }, "outbox redrive: dead-lettered as poison; left for an operator (ops queue page)");
        }
        return "poison";
      }
      // A failure that just happened is the job's own retry budget running out: give the event T.
      if ((job.finishedOn ?? 0) > Date.now() - this.opts.afterMs) return "onTheirWay";
      await job.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true }).catch(() => {});
      return "retried";
    }
    // Completed but the inbox has no row (it was checked after the job finished): run it again.
    if ((job.finishedOn ?? Infinity) >= checkedAt) return "onTheirWay";
    await job.retry("completed").catch(() => {});
    return "retried";
  }

  /** Events older than the window leave the redrive's view: logged for a person. */
  private expire() {
    const horizon = Date.now() - this.opts.windowMs;
    for (const [id, e] of this.pending) {
      if (e.publishedAt >= horizon) continue;
      this.pending.delete(id);
      this.opts.log.error({ eventId: id, type: e.type, policies: e.missing, attention: true }, "outbox redrive: event still unhandled at the end of the redrive window; no longer redriven");
    }
  }

  private computeSnapshot(): RedriveSnapshot {
    const unhandled = emptyCounts();
    let oldest = Infinity;
    for (const e of this.pending.values()) {
      for (const p of e.missing) unhandled[p]++;
      if (e.missing.length > 0) oldest = Math.min(oldest, e.occurredAt);
    }
    return { leader: true, unhandled, oldestSeconds: oldest === Infinity ? 0 : Math.max(0, (Date.now() - oldest) / 1000), truncated: this.truncated };
  }

  /** Stops the loop, waits for a pass in flight and gives the lock back. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => {});
    const c = this.lock;
    this.lock = null;
    this.leader = false;
    await c?.end().catch(() => {});
  }
}

function emptyCounts(): Record<Policy, number> {
  return Object.fromEntries(POLICY_NAMES.map((p) => [p, 0])) as Record<Policy, number>;
}
