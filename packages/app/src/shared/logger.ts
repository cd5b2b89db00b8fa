// Structured JSON logs (C9): one pino logger per process. Adapters derive children that carry a
// request id (web) or a job's queue and order id (worker), so every line about an order says which.
import { pino, stdTimeFunctions, type Logger as Pino } from "pino";

export type LogLevel = "debug" | "info" | "warn" | "error";
export type RootLogger = Pino;

/** The process's root logger; `base` names the service (web/worker) on every line. */
export function createLogger(opts: { level?: LogLevel; base?: Record<string, unknown> } = {}): RootLogger {
  return pino({
    level: opts.level ?? "info",
    base: { pid: process.pid, ...opts.base },
    timestamp: stdTimeFunctions.isoTime,
    // "level":"info" rather than pino's numbers: greppable, and what log pipelines expect.
    formatters: { level: (label) => ({ level: label }) },
  });
}
