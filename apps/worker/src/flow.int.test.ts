// The asynchronous side end to end, against real PostgreSQL and Redis with the real worker:
// F3–F10, F12, F13 and the exactly-once compensation F7.
import { actOnStoreOrder, boardFor, cancelOrder, claimDelivery, completeDelivery, confirmPickupByRider, confirmReturn, placeOrder, riderScreen, type Rider } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../test/support/app";
import { checkout, CUSTOMER, OWNER, OWNER2, RIDER, RIDER2 } from "../../../test/support/fixtures";
import { waitFor } from "../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../test/support/worker";
import { quietLog, testDb } from "../../../test/support/app";
import { TEST_REDIS_URL } from "../../../test/support/env";
import { PROCESSOR_URL } from "../../../test/support/processor";
import { startWorker } from "./runtime";
import { JOB_OPTIONS } from "./relay";
import type { WorkerRuntime } from "./runtime";

const { ctx, db, control } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const rider = { id: RIDER.id, name: RIDER.name };
const rider2 = { id: RIDER2.id, name: RIDER2.name };
let worker: WorkerRuntime;

beforeEach(async () => {
  await resetOrders(db);
  worker = await inProcessWorker(uniquePrefix("flow"));
});
afterEach(() => worker.stop());
afterAll(() => closeDbs());

async function placed() {
  const r = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!r.ok) throw new Error(r.message);
  return r.order.id;
}
const storeOrder = (orderId: string) => db.storeOrder.findUnique({ where: { orderId } });
const order = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId } });
const delivery = (orderId: string) => db.delivery.findUnique({ where: { orderId } });
const ok = (r: { ok: boolean; message?: string }) => expect(r, r.message).toMatchObject({ ok: true });
/** A rider claims the request and takes the bouquet at the shop (D3: two steps). */
async function pickUp(r: Rider, deliveryId: string) {
  ok(await claimDelivery(ctx, r, deliveryId));
  ok(await confirmPickupByRider(ctx, r, deliveryId));
}

/** An order its shop accepted and arranged, with the delivery request open for riders. */
async function readyForPickup() {
  const id = await placed();
  await waitFor(() => storeOrder(id), (s) => s !== null, { what: "store order" });
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
  const d = await waitFor(() => delivery(id), (x) => x?.status === "OPEN", { what: "open delivery" });
  return { id, d: d! };
}

describe("order journey through the worker", () => {
  it("[F3][F4][F5][F8][F9][F10][F13][D3] placed → board → accepted → decorated → delivery request → claimed → picked up → delivered", async () => {
    const id = await placed();
    const so = await waitFor(() => storeOrder(id), (s) => s !== null, { what: "store order" });
    expect(so).toMatchObject({ status: "NEW", totalWon: 59000, recipientName: "Soyeon Yoon" });
    expect(await db.storeNotification.count({ where: { orderId: id } })).toBe(1);

    ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
    await waitFor(() => order(id), (o) => o.status === "ACCEPTED", { what: "order ACCEPTED" });
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
    const d = (await waitFor(() => delivery(id), (x) => x?.status === "OPEN", { what: "open delivery" }))!;
    expect(d).toMatchObject({ pickupAddress: expect.stringContaining("Seoulsup"), dropoffAddress: "88 Eulji-ro, Jung-gu, Seoul" });
    await waitFor(() => order(id), (o) => o.status === "DECORATED", { what: "order DECORATED" });

    await pickUp(rider, d.id);
    await waitFor(() => order(id), (o) => o.status === "DELIVERING", { what: "order DELIVERING" });
    // The store hears the pickup: the board moves the order out of "Ready for pickup".
    const picked = await waitFor(() => storeOrder(id), (s) => !!s?.pickedUpAt, { what: "store order picked up" });
    expect(picked).toMatchObject({ status: "DECORATED", riderName: RIDER.name, claimedAt: expect.any(Date), deliveredAt: null });
    ok(await completeDelivery(ctx, rider, d.id));
    const final = await waitFor(() => order(id), (o) => o.status === "DELIVERED", { what: "order DELIVERED" });
    const delivered = await waitFor(() => storeOrder(id), (s) => !!s?.deliveredAt, { what: "store order delivered" });
    expect(delivered!.pickedUpAt!.getTime()).toBe(picked!.pickedUpAt!.getTime());
    expect((await boardFor(db, owner, delivered!.storeId)).orders.find((o) => o.orderId === id)).toMatchObject({ deliveredAt: delivered!.deliveredAt });
    expect(final.refunded).toBe(false);
    const history = await db.orderHistory.findMany({ where: { orderId: id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.status)).toEqual(["PLACED", "ACCEPTED", "DECORATED", "DELIVERING", "DELIVERED"]);
  });

  it("[F6][F7] a rejected order is refunded exactly once even when the refund job is delivered twice", async () => {
    const id = await placed();
    await waitFor(() => storeOrder(id), (s) => s !== null, { what: "store order" });
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OUT_OF_FLOWERS", detail: null }));
    await waitFor(() => order(id), (o) => o.status === "REJECTED" && o.refunded, { what: "rejected and refunded" });

    // Deliver the same StoreOrderRejected to the refund queue again, under a new job id.
    const rejected = await db.outboxEvent.findFirstOrThrow({ where: { orderId: id, type: "StoreOrderRejected" } });
    const again = await worker.queues.refund.add("StoreOrderRejected", rejected.payload, { ...JOB_OPTIONS, jobId: `${rejected.id}-again` });
    await waitFor(() => again.getState(), (s) => s === "completed", { what: "duplicate job done" });
    expect((await worker.queues.refund.getJob(again.id!))?.returnvalue).toBe("duplicate");

    expect(await db.outboxEvent.count({ where: { orderId: id, type: "PaymentRefunded" } })).toBe(1);
    const payment = await db.payment.findUniqueOrThrow({ where: { orderId: id } });
    expect(payment.status).toBe("REFUNDED");
    expect((await control.charge(payment.providerRef))?.status).toBe("REFUNDED");
    expect(await control.refunds(payment.providerRef)).toHaveLength(1);
  });

  it("[F6] an owner cannot see or act on another owner's store orders; invalid moves are refused", async () => {
    const id = await placed();
    await waitFor(() => storeOrder(id), (s) => s !== null, { what: "store order" });
    const other = { id: OWNER2.id, role: "OWNER" };
    expect(await actOnStoreOrder(ctx, other, id, { kind: "accept" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await actOnStoreOrder(ctx, owner, id, { kind: "reject", reason: "OTHER", detail: " " })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect((await storeOrder(id))!.status).toBe("NEW");
  });

  it("[F6][M5] placing reserves the stock (no order can be beyond it); accepting moves none; rejecting gives it back", async () => {
    const roses = checkout().items[0]!.bouquetId;
    const stockNow = async () => (await db.bouquet.findUniqueOrThrow({ where: { id: roses } })).stock;
    const before = await stockNow();
    const big = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: roses, quantity: before - 1 }] }));
    if (!big.ok) throw new Error(big.message);
    expect(await stockNow()).toBe(1);
    expect(await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: roses, quantity: 2 }] }))).toMatchObject({ ok: false, code: "OUT_OF_STOCK" });
    const small = await placed();
    expect(await stockNow()).toBe(0);
    await waitFor(() => db.storeOrder.count(), (n) => n === 2, { what: "both on the board" });
    const board = await boardFor(db, owner, undefined);
    expect(board.orders.every((o) => !o.overStock)).toBe(true);

    ok(await actOnStoreOrder(ctx, owner, big.order.id, { kind: "accept" }));
    expect(await stockNow()).toBe(0);
    // Rejecting the accepted order gives back exactly what it reserved, once.
    ok(await actOnStoreOrder(ctx, owner, big.order.id, { kind: "reject", reason: "OUT_OF_MATERIALS", detail: null }));
    expect(await stockNow()).toBe(before - 1);
    expect(await actOnStoreOrder(ctx, owner, big.order.id, { kind: "reject", reason: "OUT_OF_MATERIALS", detail: null })).toMatchObject({ ok: false });
    expect(await stockNow()).toBe(before - 1);
    expect(small).toBeTruthy();
  });

  it("[F9][D3] two riders race for one request: exactly one claims it", async () => {
    const { id, d } = await readyForPickup();
    const results = await Promise.all([claimDelivery(ctx, rider, d.id), claimDelivery(ctx, rider2, d.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "ALREADY_TAKEN" });
    expect(await db.outboxEvent.count({ where: { orderId: id, type: "DeliveryClaimed" } })).toBe(1);
    const winner = results[0]!.ok ? rider : rider2;
    const loser = winner === rider ? rider2 : rider;
    expect(await completeDelivery(ctx, loser, d.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await confirmPickupByRider(ctx, loser, d.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });

  it("[F11][F12] cancelling cancels the store order and the delivery, and refunds the payment", async () => {
    const { id } = await readyForPickup();

    ok(await cancelOrder(ctx, CUSTOMER.id, id));
    ok(await cancelOrder(ctx, CUSTOMER.id, id)); // twice is harmless
    await waitFor(() => order(id), (o) => o.refunded, { what: "refund" });
    await waitFor(() => delivery(id), (x) => x?.status === "CANCELLED", { what: "delivery cancelled" });
    expect((await storeOrder(id))!.status).toBe("CANCELLED");
    expect((await order(id)).status).toBe("CANCELLED");
    expect(await db.outboxEvent.count({ where: { orderId: id, type: { in: ["OrderCancelled", "PaymentRefunded", "DeliveryCancelled"] } } })).toBe(3);
  });

  it("[F11][D3] cancelling after the pickup is refused with a clear message; others' orders read as not found", async () => {
    const id = await placed();
    expect(await cancelOrder(ctx, "00000000-0000-4000-8000-000000000006", id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    await waitFor(() => storeOrder(id), (s) => s !== null);
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
    const d = (await waitFor(() => delivery(id), (x) => x?.status === "OPEN"))!;
    await pickUp(rider, d.id);
    await waitFor(() => order(id), (o) => o.status === "DELIVERING");
    expect(await cancelOrder(ctx, CUSTOMER.id, id)).toMatchObject({ ok: false, code: "CANNOT_CANCEL", message: expect.stringMatching(/already picked up/) });
    expect((await order(id)).status).toBe("DELIVERING");
  });

  it("[F11][F12][D3] a cancellation that crosses the rider's pickup wins: refunded, and the rider is told to bring the bouquet back", async () => {
    const { id, d } = await readyForPickup();
    await waitFor(() => order(id), (o) => o.status === "DECORATED", { what: "order DECORATED" });
    // The pickup and the cancellation cross: neither context has heard of the other's change yet.
    await worker.stop();
    await pickUp(rider, d.id);
    ok(await cancelOrder(ctx, CUSTOMER.id, id));
    worker = await inProcessWorker(uniquePrefix("flow"));

    const recalled = await waitFor(() => delivery(id), (x) => x?.status === "CANCELLED", { what: "delivery recalled" });
    expect(recalled).toMatchObject({ riderId: RIDER.id, riderName: RIDER.name });
    const cancelledEvent = await db.outboxEvent.findFirstOrThrow({ where: { orderId: id, type: "DeliveryCancelled" } });
    expect((cancelledEvent.payload as { payload: { riderId: string } }).payload.riderId).toBe(RIDER.id);
    const final = await waitFor(() => order(id), (o) => o.status === "CANCELLED" && o.refunded, { what: "order cancelled and refunded" });
    expect(final.status).toBe("CANCELLED"); // the late DeliveryStarted does not revive it
    const so = await waitFor(() => storeOrder(id), (s) => s?.status === "CANCELLED" && !!s.pickedUpAt, { what: "store order cancelled after pickup" });
    expect(so).toMatchObject({ riderName: RIDER.name, deliveredAt: null });
    const row = await waitFor(() => db.myPageOrder.findUnique({ where: { orderId: id } }), (r) => r?.deliveryStatus === "CANCELLED" && r.paymentStatus === "REFUNDED", { what: "MyPage row" });
    expect(row!.orderStatus).toBe("CANCELLED");

    // The rider sees the recall (not lost from their list) and cannot mark it delivered.
    const screen = await riderScreen(db, rider);
    expect(screen.mine.find((x) => x.id === d.id)).toMatchObject({ status: "CANCELLED", riderId: RIDER.id });
    expect(await completeDelivery(ctx, rider, d.id)).toMatchObject({ ok: false, code: "INVALID_TRANSITION", message: expect.stringMatching(/back to the shop/) });
    expect(await db.outboxEvent.count({ where: { orderId: id, type: { in: ["DeliveryCompleted", "PaymentRefunded", "DeliveryCancelled"] } } })).toBe(2);

    // Back at the shop: only its rider confirms it, once in effect, and the board hears of it.
    expect(await confirmReturn(ctx, rider2, d.id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    ok(await confirmReturn(ctx, rider, d.id));
    ok(await confirmReturn(ctx, rider, d.id));
    expect(await db.outboxEvent.count({ where: { orderId: id, type: "DeliveryReturned" } })).toBe(1);
    const back = await waitFor(() => storeOrder(id), (s) => !!s?.returnedAt, { what: "store order returned" });
    expect((await boardFor(db, owner, back!.storeId)).orders.find((o) => o.orderId === id)).toMatchObject({ status: "CANCELLED", returnedAt: back!.returnedAt, riderName: RIDER.name });
    expect((await delivery(id))!.returnedAt).not.toBeNull();
  });

  it("[F12][C9] delivered before the cancellation reached the delivery: stays delivered and refunded, and is logged for a person", async () => {
    const { id, d } = await readyForPickup();
    await waitFor(() => order(id), (o) => o.status === "DECORATED", { what: "order DECORATED" });
    await worker.stop();
    await pickUp(rider, d.id);
    ok(await completeDelivery(ctx, rider, d.id));
    ok(await cancelOrder(ctx, CUSTOMER.id, id));
    const warnings: { obj: object; msg: string }[] = [];
    worker = await startWorker({
      db: testDb(), redisUrl: TEST_REDIS_URL, prefix: uniquePrefix("flow"), concurrency: 8, relayIntervalMs: 20, relayBatch: 200,
      processorUrl: PROCESSOR_URL, log: { ...quietLog, warn: (obj: object, msg: string) => warnings.push({ obj, msg }) },
    });
    await waitFor(() => order(id), (o) => o.refunded, { what: "refunded" });
    await waitFor(async () => warnings, (w) => w.some((x) => /delivered after the customer cancelled/.test(x.msg)), { what: "attention logged" });
    expect(warnings.find((x) => /delivered after the customer cancelled/.test(x.msg))!.obj).toMatchObject({ orderId: id, attention: true });
    expect((await order(id)).status).toBe("CANCELLED");
    expect((await delivery(id))!.status).toBe("COMPLETED");
  });

  it("[F12] only a delivery recalled after its pickup can be confirmed back at the shop", async () => {
    const { id, d } = await readyForPickup();
    await pickUp(rider, d.id);
    expect(await confirmReturn(ctx, rider, d.id)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    ok(await completeDelivery(ctx, rider, d.id));
    expect(await confirmReturn(ctx, rider, d.id)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await db.outboxEvent.count({ where: { orderId: id, type: "DeliveryReturned" } })).toBe(0);
  });

  it("[F9][D3] a rider's deliveries under way (picked up, then claimed) are listed before any amount of history", async () => {
    const past = await Promise.all(
      Array.from({ length: 31 }, (_, i) =>
        db.delivery.create({ data: { orderId: crypto.randomUUID(), storeId: checkout().storeId, status: "COMPLETED", riderId: RIDER.id, riderName: RIDER.name, dropoffAddress: `past ${i}` } }),
      ),
    );
    const current = await db.delivery.create({
      data: { orderId: crypto.randomUUID(), storeId: checkout().storeId, status: "STARTED", riderId: RIDER.id, riderName: RIDER.name, updatedAt: new Date(Date.now() - 86_400_000) },
    });
    const claimed = await db.delivery.create({
      data: { orderId: crypto.randomUUID(), storeId: checkout().storeId, status: "CLAIMED", riderId: RIDER.id, riderName: RIDER.name, updatedAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    const { mine } = await riderScreen(db, rider);
    expect(mine.slice(0, 2).map((x) => x.id)).toEqual([current.id, claimed.id]);
    expect(mine).toHaveLength(30);
    expect(past.length).toBe(31);
  });

  it("[N2][F3] committed events wake the relay at once (LISTEN/NOTIFY): with a one-minute poll, orders and store actions still flow in seconds", async () => {
    await worker.stop();
    worker = await startWorker({
      db: testDb(), redisUrl: TEST_REDIS_URL, prefix: uniquePrefix("notify"), concurrency: 8,
      relayIntervalMs: 60_000, relayBatch: 200, processorUrl: PROCESSOR_URL, log: quietLog,
    });
    await new Promise((r) => setTimeout(r, 500)); // past the start-up poll: from now on only NOTIFY wakes the relay
    const t0 = Date.now();
    const id = await placed();
    await waitFor(() => storeOrder(id), (s) => s !== null, { what: "store order", timeoutMs: 5000 });
    ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
    await waitFor(() => order(id), (o) => o.status === "ACCEPTED", { what: "order ACCEPTED", timeoutMs: 5000 });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});
