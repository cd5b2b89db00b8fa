// Builds the application context for integration tests: the real database, the sandbox payment
// provider (the only simulated party) and a quiet logger.
import { ResilientPayments, SandboxGateway, type AppContext, type Logger } from "@bloom/app";
import { getDb, type Db } from "@bloom/db";
import { TEST_DATABASE_URL } from "./env";

export const quietLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function testDb(): Db {
  return getDb(TEST_DATABASE_URL, 20);
}

export function testContext(opts: Partial<{ latency: { min: number; max: number }; failureRate: number; timeoutMs: number; consecutiveFailures: number; halfOpenAfterMs: number }> = {}) {
  const db = testDb();
  const sandbox = new SandboxGateway(db, { latency: opts.latency ?? { min: 0, max: 0 }, failureRate: opts.failureRate ?? 0 });
  const payments = new ResilientPayments(sandbox, {
    timeoutMs: opts.timeoutMs ?? 2000,
    consecutiveFailures: opts.consecutiveFailures ?? 5,
    halfOpenAfterMs: opts.halfOpenAfterMs ?? 5000,
  });
  const ctx: AppContext = { db, payments, log: quietLog };
  return { ctx, sandbox, payments, db };
}

/** Empties every table that orders touch, and restores the demo stock. Users and shops stay. */
export async function resetOrders(db: Db) {
  await db.$executeRawUnsafe(`TRUNCATE ordering_orders, ordering_order_lines, ordering_order_history, payment_payments,
    payment_sandbox_charges, store_orders, store_notifications, delivery_deliveries, mypage_orders, outbox_events,
    inbox_processed_events`);
  const { DEMO_STORES, bouquetId } = await import("@bloom/db");
  for (const [si, s] of DEMO_STORES.entries()) {
    for (const [bi, b] of s.bouquets.entries()) {
      await db.bouquet.update({ where: { id: bouquetId(si, bi) }, data: { stock: b[4], priceWon: b[3], active: true } });
    }
  }
}
