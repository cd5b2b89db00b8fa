// Builds the application context for integration tests: the real database, the sandbox card
// processor (the only simulated party) as its own OS process (see ./processor), and a quiet logger.
import { HttpProcessorGateway, LoggedAccountNotices, ProcessorControl, ResilientPayments, type AppContext, type Logger } from "@bloom/app";
import { getDb, type Db } from "@bloom/db";
import type { ChargeRequest, PaymentGateway } from "@bloom/domain";
import { TEST_DATABASE_URL } from "./env";
import { PROCESSOR_URL, testProcessor } from "./processor";

export const quietLog: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export function testDb(): Db {
  return getDb(TEST_DATABASE_URL, 20);
}

/** The HTTP gateway, each call made once `ready` (the processor started and configured) resolved. */
class WhenReady implements PaymentGateway {
  constructor(
    private readonly inner: HttpProcessorGateway,
    private readonly ready: () => Promise<unknown>,
  ) {}
  async charge(req: ChargeRequest) {
    await this.ready();
    return this.inner.charge(req);
  }
  async void(idempotencyKey: string) {
    await this.ready();
    return this.inner.void(idempotencyKey);
  }
  async refund(req: { providerRef: string; amountWon: number; idempotencyKey: string }) {
    await this.ready();
    return this.inner.refund(req);
  }
  async findCharge(idempotencyKey: string) {
    await this.ready();
    return this.inner.findCharge(idempotencyKey);
  }
  async findCharges(idempotencyKeys: string[]) {
    await this.ready();
    return this.inner.findCharges(idempotencyKeys);
  }
}

type TestContextOptions = Partial<{
  /** Processor latency per charge (test-mode config, global to the file's processor). */
  latency: { min: number; max: number };
  /** Share of charges failing with a processing error (test-mode config). */
  failureRate: number;
  timeoutMs: number;
  consecutiveFailures: number;
  halfOpenAfterMs: number;
}>;

/**
 * ctx with the HTTP gateway to the file's sandbox processor. Synchronous: the processor starts on
 * the first payment call (or when `ready` is awaited), and `latency` / `failureRate` are applied
 * to it then — after any `resetOrders`, which restores the processor's defaults.
 */
export function testContext(opts: TestContextOptions = {}) {
  const db = testDb();
  let started: Promise<void> | undefined;
  const ready = () =>
    (started ??= (async () => {
      const p = await testProcessor();
      if (opts.latency || opts.failureRate !== undefined) {
        await p.control.configure({
          ...(opts.latency ? { latencyMs: `${opts.latency.min}-${opts.latency.max}` } : {}),
          ...(opts.failureRate !== undefined ? { failureRate: opts.failureRate } : {}),
        });
      }
    })());
  const gateway = new WhenReady(new HttpProcessorGateway(PROCESSOR_URL), ready);
  const payments = new ResilientPayments(gateway, {
    timeoutMs: opts.timeoutMs ?? 2000,
    consecutiveFailures: opts.consecutiveFailures ?? 5,
    halfOpenAfterMs: opts.halfOpenAfterMs ?? 5000,
  });
  const ctx: AppContext = { db, payments, log: quietLog, notices: new LoggedAccountNotices(quietLog) };
  return {
    ctx,
    payments,
    db,
    gateway,
    /** The processor's ledger and test-mode settings (its own API). */
    control: new ProcessorControl(PROCESSOR_URL),
    /** Resolves once the processor runs with this context's settings. */
    get ready() {
      return ready();
    },
  };
}

/** Empties every table that orders touch, and restores the demo stock. Users and shops stay. */
export async function resetOrders(db: Db) {
  await db.$executeRawUnsafe(`TRUNCATE ordering_orders, ordering_order_lines, ordering_order_history, payment_payments,
    payment_attempts, store_orders, store_notifications, store_stock_reservations, delivery_deliveries, mypage_orders,
    outbox_events, inbox_processed_events, store_slot_counts, store_slot_reservations, ordering_order_addons, store_addon_reservations`);
  // The notification context's messages (issue 19): planned for orders that are gone now.
  await db.$executeRawUnsafe(`TRUNCATE notify_messages`);
  // W1: the arrangements' photos and answers, of orders that are gone now.
  await db.$executeRawUnsafe(`TRUNCATE store_arrangements`);
  const { DEMO_STORES, bouquetId } = await import("@bloom/db");
  for (const [si, s] of DEMO_STORES.entries()) {
    for (const [bi, b] of s.bouquets.entries()) {
      await db.bouquet.update({ where: { id: bouquetId(si, bi) }, data: { stock: b[4], stockBaseline: b[4], priceWon: b[3], active: true } });
    }
  }
  // W4: the demo shops' add-ons and sizes as seeded (tests add add-ons of their own: gone).
  const { DEMO_ADDONS, DEMO_TIERS, addonId } = await import("@bloom/db");
  const demoAddons = DEMO_ADDONS.flatMap((list, si) => list.map((_, ai) => addonId(si, ai)));
  await db.addon.deleteMany({ where: { id: { notIn: demoAddons } } });
  for (const [si, list] of DEMO_ADDONS.entries()) {
    for (const [ai, [name, nameKo, priceWon, stock]] of list.entries()) {
      const id = addonId(si, ai);
      const data = { name, nameKo, priceWon, stock, stockBaseline: stock, active: true };
      await db.addon.upsert({ where: { id }, update: data, create: { id, storeId: DEMO_STORES[si]!.id, ...data } });
    }
  }
  for (const [si, s] of DEMO_STORES.entries()) {
    const tiers = new Map((DEMO_TIERS[si] ?? []).map(([bi, deluxe, premium]) => [bi, { deluxe, premium }]));
    for (const [bi] of s.bouquets.entries()) {
      const t = tiers.get(bi);
      await db.bouquet.update({ where: { id: bouquetId(si, bi) }, data: { deluxePriceWon: t?.deluxe ?? null, premiumPriceWon: t?.premium ?? null } });
    }
  }
  // The processor's ledger and test-mode settings back to their start (its own database).
  await (await testProcessor()).control.reset();
}
