// When a shop delivers (D2), enforced at payment against the real PostgreSQL and the sandbox
// processor: capacity under a race, a declined card giving its slot back, closed and too-soon
// days refused before anything is claimed or charged.
import { actOnStoreOrder, chargeKeyOf, deliverySlots, placeOrder, reconcilePayments, stockAudit } from "@bloom/app";
import { closeDbs, DEMO_SCHEDULES, inTransaction } from "@bloom/db";
import { createEvent } from "@bloom/domain";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { quietLog, resetOrders, testContext } from "../../../../test/support/app";
import { CARDS, checkout, CUSTOMER, OWNER, ROSES, STORE, tomorrow } from "../../../../test/support/fixtures";
import { cancelStoreOrderFor } from "../store/on-order-cancelled";

const { ctx, db, control } = testContext();

const booked = async (date = tomorrow(), slot = "12-15") =>
  (await db.slotCount.findUnique({ where: { storeId_deliveryDate_timeSlot: { storeId: STORE.id, deliveryDate: date, timeSlot: slot } } }))?.booked ?? 0;

beforeEach(() => resetOrders(db));
afterEach(async () => {
  await db.storeClosure.deleteMany({ where: { storeId: STORE.id } });
  const { closures: _, ...seeded } = DEMO_SCHEDULES[STORE.id]!;
  await db.store.update({ where: { id: STORE.id }, data: seeded });
});
afterAll(() => closeDbs());

describe("[D2] slot capacity and schedule at payment", () => {
  it("[D2] 30 concurrent orders into a slot of capacity 10: exactly 10 orders, 20 SLOT_FULL refusals, no charge for them", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { slotCapacity: 10 } });
    const results = await Promise.all(Array.from({ length: 30 }, () => placeOrder(ctx, CUSTOMER.id, checkout())));
    const placed = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok);
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(20);
    expect(refused.every((r) => !r.ok && r.code === "SLOT_FULL")).toBe(true);
    expect(await db.order.count()).toBe(10);
    // The processor's ledger has the ten charges and nothing else: the refusals came before payment.
    const charges = await control.charges({});
    expect(charges).toHaveLength(10);
    expect(charges.every((c) => c.status === "CAPTURED")).toBe(true);
    expect(await booked()).toBe(10);
    expect(await db.slotReservation.count({ where: { releasedAt: null } })).toBe(10);
    expect(await stockAudit(db)).toEqual([]);
    // The checkout now shows the slot full, the next one still bookable.
    const day = (await deliverySlots(db, STORE.id, { from: tomorrow(), days: 1 }))!.days[0]!;
    expect(day.slots.find((s) => s.slot === "12-15")).toMatchObject({ bookable: false, reason: "full" });
    expect(day.slots.find((s) => s.slot === "15-18")).toMatchObject({ bookable: true });
  });

  it("[D2] a declined card gives its slot unit back: the last unit is then bought by the next customer", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { slotCapacity: 1 } });
    const declined = await placeOrder(ctx, CUSTOMER.id, checkout({ card: { number: CARDS.decline, expiry: "12/30", cvc: "123" } }));
    expect(declined).toMatchObject({ ok: false, code: "PAYMENT_DECLINED" });
    expect(await booked()).toBe(0);
    const bought = await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(bought.ok).toBe(true);
    expect(await booked()).toBe(1);
    expect(await placeOrder(ctx, CUSTOMER.id, checkout())).toMatchObject({ ok: false, code: "SLOT_FULL" });
  });

  it("[D2] a cancelled order and a rejected order each free their slot unit, exactly once", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { slotCapacity: 1 } });
    // The board's copy of an order, as the OrderPlaced policy writes it.
    const onBoard = (orderId: string) =>
      db.storeOrder.create({
        data: {
          orderId, storeId: STORE.id, status: "DECORATED", totalWon: 59000, recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432",
          address: "88 Eulji-ro, Jung-gu, Seoul", deliveryDate: tomorrow(), timeSlot: "12-15",
          lines: [{ bouquetId: ROSES, name: "Red Rose Classic", nameKo: "빨간 장미 클래식", unitPriceWon: 59000, quantity: 1 }],
        },
      });
    const first = await placeOrder(ctx, CUSTOMER.id, checkout());
    if (!first.ok) throw new Error(first.message);
    await onBoard(first.order.id);
    expect(await placeOrder(ctx, CUSTOMER.id, checkout())).toMatchObject({ ok: false, code: "SLOT_FULL" });
    // Cancelled after arranging: the flowers are used, but the slot is free again. Delivered twice, freed once.
    const cancelled = createEvent("OrderCancelled", first.order.id, { customerId: CUSTOMER.id, storeId: STORE.id, reason: null }, { role: "CUSTOMER", id: CUSTOMER.id });
    await inTransaction(db, (tx) => cancelStoreOrderFor(tx, cancelled));
    await inTransaction(db, (tx) => cancelStoreOrderFor(tx, cancelled));
    expect(await booked()).toBe(0);

    const second = await placeOrder(ctx, CUSTOMER.id, checkout());
    if (!second.ok) throw new Error(second.message);
    await db.storeOrder.create({
      data: {
        orderId: second.order.id, storeId: STORE.id, status: "NEW", totalWon: 59000, recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432",
        address: "88 Eulji-ro, Jung-gu, Seoul", deliveryDate: tomorrow(), timeSlot: "12-15",
        lines: [{ bouquetId: ROSES, name: "Red Rose Classic", nameKo: "빨간 장미 클래식", unitPriceWon: 59000, quantity: 1 }],
      },
    });
    expect(await actOnStoreOrder(ctx, { id: OWNER.id, role: "OWNER" }, second.order.id, { kind: "reject", reason: "OUT_OF_FLOWERS", detail: null })).toMatchObject({ ok: true });
    expect(await booked()).toBe(0);
    expect((await placeOrder(ctx, CUSTOMER.id, checkout())).ok).toBe(true);
    expect(await booked()).toBe(1);
  });

  it("[D2] an attempt the reconciler voids (its web process died after the charge) gives its slot unit back, once", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { slotCapacity: 1 } });
    const attemptId = globalThis.crypto.randomUUID();
    const orderId = globalThis.crypto.randomUUID();
    await db.paymentAttempt.create({
      data: { id: attemptId, customerId: CUSTOMER.id, idempotencyKey: globalThis.crypto.randomUUID(), fingerprint: "f", chargeKey: chargeKeyOf(attemptId), orderId, amountWon: 59000, status: "PENDING" },
    });
    await db.$queryRaw`SELECT store_reserve_slot(${orderId}::uuid, ${STORE.id}::uuid, ${tomorrow()}, '12-15')`;
    expect(await placeOrder(ctx, CUSTOMER.id, checkout())).toMatchObject({ ok: false, code: "SLOT_FULL" });
    await Promise.all([1, 2, 3].map(() => reconcilePayments(db, ctx.payments.gateway, { graceMs: 0, log: quietLog })));
    expect(await booked()).toBe(0);
    expect((await placeOrder(ctx, CUSTOMER.id, checkout())).ok).toBe(true);
  });

  it("[D2] a closed day is refused before payment: no attempt, no reservation, no charge", async () => {
    await db.storeClosure.create({ data: { storeId: STORE.id, startsOn: tomorrow(), endsOn: tomorrow(), note: "Holiday" } });
    const r = await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(r).toMatchObject({ ok: false, code: "SLOT_CLOSED" });
    expect(await db.paymentAttempt.count()).toBe(0);
    expect(await db.slotReservation.count()).toBe(0);
    expect(await db.stockReservation.count()).toBe(0);
    expect(await control.charges({})).toHaveLength(0);
  });

  it("[D2] a slot inside the lead time is refused before payment as too soon", async () => {
    await db.store.update({ where: { id: STORE.id }, data: { leadTimeMinutes: 10_080 } });
    const r = await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(r).toMatchObject({ ok: false, code: "SLOT_TOO_SOON" });
    expect(await db.paymentAttempt.count()).toBe(0);
    expect(await control.charges({})).toHaveLength(0);
  });
});
