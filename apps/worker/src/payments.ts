// The worker's payment loops (M2, M4): the refund executor carries out decided refunds (right
// after the refund policy decides one, and on a timer for retries and other workers' decisions),
// and the reconciler settles attempts that never became orders and checks orders against the
// processor's ledger. Both call the processor outside any transaction and split work between
// workers with leases (see packages/app payment/refund.ts and payment/reconcile.ts).
import { executeRefunds, RECONCILE_CHECK_BATCH, reconcilePayments, refundBacklog, type Logger, type ReconcileAction } from "@bloom/app";
import { Counter, Gauge, type Registry } from "prom-client";
import type { Db } from "@bloom/db";
import type { PaymentGateway } from "@bloom/domain";

export type PaymentLoopsConfig = {
  db: Db;
  gateway: PaymentGateway;
  log: Logger;
  refundIntervalMs: number;
  refundAlertAfter: number;
  refundMaxBackoffMs: number;
  reconcileIntervalMs: number;
  reconcileGraceMs: number;
};

export function startPaymentLoops(cfg: PaymentLoopsConfig) {
  const stats = {
    reconciled: { voided: 0, abandoned: 0, verified: 0, flagged: 0 } as Record<ReconcileAction, number>,
    refunds: { refunded: 0, retry: 0 },
  };
  let stopped = false;
  const loop = (name: string, everyMs: number, work: () => Promise<unknown>) => {
    let timer: NodeJS.Timeout | null = null;
    let running: Promise<void> | null = null;
    let again = false;
    const run = () => {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      if (timer) clearTimeout(timer);
      running = work()
        .then(() => undefined)
        .catch((e: unknown) => cfg.log.warn({ loop: name, err: String(e) }, `${name}: round failed; next round retries`))
        .finally(() => {
          running = null;
          if (stopped) return;
          timer = setTimeout(run, again ? 0 : everyMs);
          again = false;
        });
    };
    timer = setTimeout(run, 0);
    return {
      kick: run,
      async stop() {
        if (timer) clearTimeout(timer);
        await running;
      },
    };
  };

  const refunds = loop("refund executor", cfg.refundIntervalMs, async () => {
    // Keep going while a full batch came back: a backlog drains without waiting for the timer.
    for (;;) {
      const r = await executeRefunds(cfg.db, cfg.gateway, {
        log: cfg.log,
        alertAfter: cfg.refundAlertAfter,
        maxBackoffMs: cfg.refundMaxBackoffMs,
        onOutcome: (o) => stats.refunds[o]++,
      });
      if (stopped || r.refunded + r.retry < 20) return;
    }
  });
  const reconciler = loop("payment reconciler", cfg.reconcileIntervalMs, async () => {
    // A full batch of orders checked: more are waiting, so go on without waiting for the timer.
    for (;;) {
      const r = await reconcilePayments(cfg.db, cfg.gateway, { graceMs: cfg.reconcileGraceMs, log: cfg.log, onAction: (a) => stats.reconciled[a]++ });
      if (stopped || r.verified + r.flagged < RECONCILE_CHECK_BATCH) return;
    }
  });

  return {
    stats,
    /** A refund was just decided: carry it out now rather than at the next tick. */
    kickRefunds: () => refunds.kick(),
    async stop() {
      stopped = true;
      await Promise.all([refunds.stop(), reconciler.stop()]);
    },
  };
}
export type PaymentLoops = ReturnType<typeof startPaymentLoops>;

/**
 * Prometheus series of the payment loops (C9, M2, M4): what the reconciler did, refunds made and
 * retried, and the refund backlog (pending, failing past the alert threshold, oldest age) read from
 * the database at scrape time — the same for every worker (aggregate with max).
 */
export function registerPaymentMetrics(registry: Registry, loops: PaymentLoops, db: Db, alertAfter: number) {
  const registers = [registry];
  const seen = { ...loops.stats.reconciled };
  new Counter({
    name: "bloom_payment_reconciled_total",
    help: "Payment attempts settled by this worker's reconciler: voided (a capture without an order), abandoned (nothing captured), verified, flagged (an order whose capture the processor lacks)",
    labelNames: ["action"] as const,
    registers,
    collect() {
      for (const action of Object.keys(seen) as ReconcileAction[]) {
        this.inc({ action }, loops.stats.reconciled[action] - seen[action]);
        seen[action] = loops.stats.reconciled[action];
      }
    },
  });
  const refunds = { ...loops.stats.refunds };
  new Counter({
    name: "bloom_refunds_total",
    help: "Refund calls to the processor by this worker: refunded, or retry (failed, retried later with backoff)",
    labelNames: ["outcome"] as const,
    registers,
    collect() {
      for (const outcome of ["refunded", "retry"] as const) {
        this.inc({ outcome }, loops.stats.refunds[outcome] - refunds[outcome]);
        refunds[outcome] = loops.stats.refunds[outcome];
      }
    },
  });
  let backlog: Promise<Awaited<ReturnType<typeof refundBacklog>>> | null = null;
  const read = () => (backlog ??= refundBacklog(db, alertAfter).finally(() => setTimeout(() => (backlog = null), 0)));
  new Gauge({
    name: "bloom_refunds_pending",
    help: "Refunds decided but not yet confirmed by the processor",
    registers,
    async collect() {
      this.set((await read()).pending);
    },
  });
  new Gauge({
    name: "bloom_refunds_failing",
    help: "Pending refunds that failed at the processor at least REFUND_ALERT_AFTER times (alert on > 0)",
    registers,
    async collect() {
      this.set((await read()).failing);
    },
  });
  new Gauge({
    name: "bloom_refunds_oldest_pending_seconds",
    help: "Age of the oldest pending refund (0 when none)",
    registers,
    async collect() {
      this.set(Math.max(0, (await read()).oldestSeconds ?? 0));
    },
  });
}
