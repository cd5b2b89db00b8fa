// What use cases need from the outside world; built once per process by each adapter (web, REST,
// worker, tests).
import type { Db } from "@bloom/db";
import type { ResilientPayments } from "../payment/resilient-payments";

export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export const consoleLogger: Logger = {
  info: (o, m) => console.log(JSON.stringify({ level: "info", msg: m, ...o })),
  warn: (o, m) => console.warn(JSON.stringify({ level: "warn", msg: m, ...o })),
  error: (o, m) => console.error(JSON.stringify({ level: "error", msg: m, ...o })),
};

export type AppContext = { db: Db; payments: ResilientPayments; log: Logger };
