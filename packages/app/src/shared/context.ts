// What use cases need from the outside world; built once per process by each adapter (web, REST,
// worker, tests).
import type { Db } from "@bloom/db";
import type { AccountNotices } from "../identity/account-notices";
import type { ResilientPayments } from "../payment/resilient-payments";
import { createLogger } from "./logger";

export type Logger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

/** A default root logger (pino, JSON, info level) for scripts; processes build their own with createLogger. */
export const consoleLogger: Logger = createLogger();

export type AppContext = { db: Db; payments: ResilientPayments; log: Logger; notices: AccountNotices };
