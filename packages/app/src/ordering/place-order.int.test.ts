// Place-order against the real PostgreSQL with the sandbox processor: F1, F2, N1, N3.
import { placeOrder, stockAudit } from "@bloom/app";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { CARDS, checkout, CUSTOMER, OTHER_STORE, PEONY, ROSES, SOLD_OUT, STORE } from "../../../../test/support/fixtures";
import { closeDbs } from "@bloom/db";
import { addDays, todayInSeoul } from "@bloom/domain";

const { ctx, db, control } = testContext();

async function counts() {
  const [orders, payments, captured, outbox] = await Promise.all([
    db.order.count(),
    db.payment.count(),
    control.charges({ status: "CAPTURED" }).then((cs) => cs.length),
    db.outboxEvent.count({ where: { type: "OrderPlaced" } }),
  ]);
  return { orders, payments, captured, outbox };
}

beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

describe("place order", () => {
  it("[F1][F2] an approved card places a paid order priced from the catalog, with its OrderPlaced event", async () => {
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: ROSES, quantity: 2 }, { bouquetId: PEONY, quantity: 1 }] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.order.totalWon).toBe(2 * 59000 + 72000);
    expect(r.order.status).toBe("PLACED");
    expect(r.order.cardLast4).toBe("4242");
    expect(r.order.lines).toHaveLength(2);
    const payment = await db.payment.findUniqueOrThrow({ where: { orderId: r.order.id } });
    expect(payment).toMatchObject({ status: "APPROVED", amountWon: 190000, cardBrand: "VISA", cardLast4: "4242" });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { orderId: r.order.id } });
    expect(event.type).toBe("OrderPlaced");
    expect(await counts()).toEqual({ orders: 1, payments: 1, captured: 1, outbox: 1 });
  });

  it("[F2] a declined card creates no order and says why", async () => {
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ card: { number: CARDS.decline, expiry: "12/30", cvc: "123" } }));
    expect(r).toMatchObject({ ok: false, code: "PAYMENT_DECLINED", message: "The card was declined" });
    expect(await counts()).toEqual({ orders: 0, payments: 0, captured: 0, outbox: 0 });
  });

  it("[F2] insufficient funds creates no order and says so", async () => {
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ card: { number: CARDS.insufficient, expiry: "12/30", cvc: "123" } }));
    expect(r).toMatchObject({ ok: false, code: "INSUFFICIENT_FUNDS" });
    expect(await counts()).toEqual({ orders: 0, payments: 0, captured: 0, outbox: 0 });
  });

  it("[F2] a processing error creates no order and no charge", async () => {
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ card: { number: CARDS.processingError, expiry: "12/30", cvc: "123" } }));
    expect(r).toMatchObject({ ok: false, code: "PAYMENT_FAILED" });
    expect(await counts()).toEqual({ orders: 0, payments: 0, captured: 0, outbox: 0 });
  });

  it("[N1] when the order cannot be stored after the charge, the charge is voided", async () => {
    // A real database failure at commit time: a trigger that refuses the order row.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION bloom_test_fail() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'forced failure'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER bloom_test_fail BEFORE INSERT ON payment_payments FOR EACH ROW EXECUTE FUNCTION bloom_test_fail()`);
    try {
      const input = checkout();
      const r = await placeOrder(ctx, CUSTOMER.id, input);
      expect(r).toMatchObject({ ok: false, code: "PAYMENT_FAILED" });
      expect(await counts()).toEqual({ orders: 0, payments: 0, captured: 0, outbox: 0 });
      // The attempt's charge, voided at the processor; the attempt ended and its stock came back.
      const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
      expect(attempt.status).toBe("VOIDED");
      expect((await control.chargeByKey(attempt.chargeKey))?.status).toBe("VOIDED");
      expect(await stockAudit(db)).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS bloom_test_fail ON payment_payments`);
    }
  });

  it("[F2][M1] the same idempotency key, sequentially or concurrently, gives one order and one charge", async () => {
    const input = checkout();
    const first = await placeOrder(ctx, CUSTOMER.id, input);
    const again = await placeOrder(ctx, CUSTOMER.id, input);
    expect(first.ok && again.ok).toBe(true);
    if (first.ok && again.ok) {
      expect(again.order.id).toBe(first.order.id);
      expect(again.replayed).toBe(true);
    }
    const burst = checkout();
    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrder(ctx, CUSTOMER.id, burst)));
    // One places the order; the others, sent while it was being charged, hear "in progress" (M1).
    const placed = new Set(results.flatMap((r) => (r.ok ? [r.order.id] : [])));
    expect(placed.size).toBe(1);
    expect(results.every((r) => r.ok || r.code === "PAYMENT_IN_PROGRESS")).toBe(true);
    const retry = await placeOrder(ctx, CUSTOMER.id, burst);
    expect(retry.ok && placed.has(retry.order.id) && retry.replayed).toBe(true);
    expect(await counts()).toEqual({ orders: 2, payments: 2, captured: 2, outbox: 2 });
  });

  it("[F1] prices come from the catalog: a tampered price in the request is ignored", async () => {
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: ROSES, quantity: 1, priceWon: 1 }], totalWon: 1 }));
    expect(r.ok && r.order.totalWon).toBe(59000);
  });

  it("[F1] stock is checked: sold out and beyond-stock quantities are refused and charge nothing", async () => {
    const sold = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: SOLD_OUT, quantity: 1 }] }));
    expect(sold).toMatchObject({ ok: false, code: "OUT_OF_STOCK" });
    const many = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: PEONY, quantity: 7 }] }));
    expect(many).toMatchObject({ ok: false, code: "OUT_OF_STOCK", message: "Only 6 of Pink Peony Cloud left" });
    expect(await counts()).toEqual({ orders: 0, payments: 0, captured: 0, outbox: 0 });
  });

  it("[F1] one store per order: a bouquet of another store is refused", async () => {
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ storeId: OTHER_STORE.id }));
    expect(r).toMatchObject({ ok: false, code: "MIXED_STORES" });
  });

  it("[F1][M1] invalid input names the field, stores nothing and charges nothing", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ delivery: { ...checkout().delivery, recipientPhone: "12" } }, /recipientPhone/],
      [{ delivery: { ...checkout().delivery, deliveryDate: "2020-01-01" } }, /today or later/],
      [{ delivery: { ...checkout().delivery, giftMessage: "x".repeat(151) } }, /150 characters/],
      [{ items: [] }, /cart is empty/],
      [{ card: { number: "4242 4242 4242 4241", expiry: "12/30", cvc: "123" } }, /not valid/],
      [{ card: { number: CARDS.approve, expiry: "01/20", cvc: "123" } }, /expired/],
      [{ idempotencyKey: "x" }, /idempotency/],
      // [M1] text PostgreSQL would refuse is refused before the card, not voided after it.
      [{ delivery: { ...checkout().delivery, giftMessage: "Happy\u0000birthday" } }, /invisible or broken/],
      [{ delivery: { ...checkout().delivery, recipientName: "Soyeon \ud800" } }, /invisible or broken/],
      [{ delivery: { ...checkout().delivery, note: "Ring\u001btwice" } }, /invisible or broken/],
    ];
    for (const [over, message] of cases) {
      const r = await placeOrder(ctx, CUSTOMER.id, checkout(over));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe("VALIDATION");
        expect(r.message).toMatch(message);
      }
    }
    expect(await counts()).toEqual({ orders: 0, payments: 0, captured: 0, outbox: 0 });
    expect(STORE.id).toBeTruthy();
  });

  it("[S4] a date past the shop's own horizon is refused on deliveryDate before any attempt, reservation or charge", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { bookingHorizonDays: 3 } });
    try {
      const on = (days: number) => checkout({ delivery: { ...checkout().delivery, deliveryDate: addDays(todayInSeoul(), days) } });
      const r = await placeOrder(ctx, CUSTOMER.id, on(4));
      expect(r).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(/^delivery\.deliveryDate: This shop takes orders up to 3 days ahead/) });
      expect(await counts()).toEqual({ orders: 0, payments: 0, captured: 0, outbox: 0 });
      expect(await db.paymentAttempt.count()).toBe(0);
      expect(await db.stockReservation.count()).toBe(0);
      expect((await placeOrder(ctx, CUSTOMER.id, on(3))).ok).toBe(true);
    } finally {
      await db.store.update({ where: { id: STORE.id }, data: { bookingHorizonDays: 60 } });
    }
  });
});
