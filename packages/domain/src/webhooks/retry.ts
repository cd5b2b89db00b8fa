// X4: when a failed webhook delivery is tried again. After the first attempt, each delay in turn
// (Standard Webhooks' and Svix's schedule): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — 8 attempts,
// the last 27 h 35 min after the first, so a receiver down for up to a day still gets everything.
export const WEBHOOK_RETRY_SCHEDULE_MS = [5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000] as const;

/** The delay before attempt `attemptsMade + 1` (attemptsMade ≥ 1 attempts failed), or -1 past the schedule. */
export function webhookRetryDelay(schedule: readonly number[], attemptsMade: number): number {
  const d = schedule[attemptsMade - 1];
  if (d === undefined) return -1;
  // ±10 % jitter, so a receiver that comes back is not hit by every retry in the same second.
  return Math.round(d * (0.9 + Math.random() * 0.2));
}

/** A schedule from "5000,300000,..." (milliseconds), for tests and operators. */
export function parseRetrySchedule(s: string): number[] {
  const ms = s.split(",").map((x) => Number(x.trim()));
  if (!ms.length || ms.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`Invalid webhook retry schedule "${s}": give milliseconds separated by commas`);
  return ms;
}
