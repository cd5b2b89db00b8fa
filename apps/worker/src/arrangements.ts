// Photo approval (W1): the worker's sweeper. Every interval it approves the arrangements whose
// window has lapsed (approveLapsedArrangements: a read over the due_at index, then one locked,
// conditional approval per order), so silence approves even across restarts — the due time is a
// column, not a timer in memory — and any number of workers may sweep at once.
import { approveLapsedArrangements, ARRANGEMENT_SWEEP_BATCH, type Logger } from "@bloom/app";
import type { Db } from "@bloom/db";

export type ArrangementSweepConfig = { db: Db; log: Logger; intervalMs: number };

export function startArrangementSweeper(cfg: ArrangementSweepConfig) {
  const stats = { approved: 0, withdrawn: 0 };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const round = async () => {
    // A full batch means more are due: go on without waiting for the timer.
    for (;;) {
      const r = await approveLapsedArrangements(cfg.db);
      stats.approved += r.approved;
      stats.withdrawn += r.withdrawn;
      if (r.approved > 0) cfg.log.info({ approved: r.approved }, "arrangements approved by their window lapsing");
      if (stopped || r.approved + r.lost + r.withdrawn < ARRANGEMENT_SWEEP_BATCH) return;
    }
  };
  const run = () => {
    if (stopped || running) return;
    running = round()
      .catch((e: unknown) => cfg.log.warn({ loop: "arrangement sweeper", err: String(e) }, "arrangement sweeper: round failed; next round retries"))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(run, cfg.intervalMs);
      });
  };
  timer = setTimeout(run, 0);
  return {
    stats,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
