// D4 (and D5's "photo required"), against the real PostgreSQL, Redis, worker and processor: a
// failed attempt comes back to the shop, which reschedules it for any rider or refunds it once.
import {
  actOnStoreOrder,
  boardFor,
  cancelOrder,
  claimDelivery,
  completeDelivery,
  confirmBackAtShop,
  confirmPickupByRider,
  confirmReturn,
  deliver,
  placeOrder,
  recordAttempt,
  refundUndelivered,
  rescheduleDelivery,
  riderScreen,
  type Rider,
} from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { addDays, todayInSeoul } from "@bloom/domain";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, OWNER2, RIDER, RIDER2, STORE } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db, control } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const otherOwner = { id: OWNER2.id, role: "OWNER" };
const rider: Rider = { id: RIDER.id, name: RIDER.name };
const rider2: Rider = { id: RIDER2.id, name: RIDER2.name };
let worker: Awaited<ReturnType<typeof inProcessWorker>>;

beforeEach(async () => {
  await resetOrders(db);
  await db.store.updateMany({ data: { requireDeliveryPhoto: false } });
  worker = await inProcessWorker(uniquePrefix("failed-delivery"));
});
afterEach(async () => {
  await worker.stop();
  await db.store.updateMany({ data: { requireDeliveryPhoto: false } });
  await db.store.update({ where: { id: STORE.id }, data: { slotCapacity: capacityBefore } });
});
let capacityBefore: number | null = null;
beforeEach(async () => {
  capacityBefore = (await db.store.findUniqueOrThrow({ where: { id: STORE.id } })).slotCapacity;
});
afterAll(() => closeDbs());

const ok = (r: { ok: boolean; message?: string }) => expect(r, r.message).toMatchObject({ ok: true });
const order = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const delivery = (orderId: string) => db.delivery.findUniqueOrThrow({ where: { orderId } });
const events = (orderId: string, type: string) => db.outboxEvent.findMany({ where: { orderId, type } });
const boardCard = async (orderId: string) => (await boardFor(db, owner, undefined)).orders.find((o) => o.orderId === orderId);
const tomorrow = () => addDays(todayInSeoul(), 1);

/** An order arranged and picked up by `r`: on its way to the door. */
async function onTheWay(r: Rider = rider) {
  const placed = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!placed.ok) throw new Error(placed.message);
  const id = placed.order.id;
  await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s !== null, { what: "store order" });
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
  const d = await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery" });
  ok(await claimDelivery(ctx, r, d!.id));
  ok(await confirmPickupByRider(ctx, r, d!.id));
  await waitFor(() => order(id), (o) => o.status === "DELIVERING", { what: "order DELIVERING" });
  return { id, deliveryId: d!.id };
}

describe("failed delivery (D4)", () => {
  it("[D4][D5] an attempt → back at the shop → the shop reschedules with a fee → another rider claims → delivered with a photo", async () => {
    const { id, deliveryId } = await onTheWay();
    ok(await recordAttempt(ctx, rider, deliveryId, "NOBODY_HOME", "rang twice"));
    ok(await recordAttempt(ctx, rider, deliveryId, "NOBODY_HOME", "rang twice")); // a double tap
    expect(await events(id, "DeliveryAttempted")).toHaveLength(1);
    expect(await delivery(id)).toMatchObject({ status: "ATTEMPTED", attempts: 1, attemptReason: "NOBODY_HOME" });
    // Not back at the shop yet: no new slot, and no other rider can touch it.
    expect(await rescheduleDelivery(ctx, owner, id, { deliveryDate: tomorrow(), timeSlot: "15-18", feeWon: 3000 })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await recordAttempt(ctx, rider2, deliveryId, "NOBODY_HOME", null)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await riderScreen(db, rider)).mine.map((d) => d.id)).toContain(deliveryId);

    ok(await confirmBackAtShop(ctx, rider, deliveryId));
    const card = await waitFor(() => boardCard(id), (c) => !!c?.backAtShopAt, { what: "the board shows the bouquet back" });
    expect(card).toMatchObject({ status: "DECORATED", attempts: 1, attemptReason: "NOBODY_HOME" });
    await waitFor(() => db.myPageOrder.findUnique({ where: { orderId: id } }), (r) => r?.deliveryStatus === "ATTEMPTED", { what: "MyPage: attempted" });

    // Another shop's owner cannot reschedule it; its own can, once.
    expect(await rescheduleDelivery(ctx, otherOwner, id, { deliveryDate: tomorrow(), timeSlot: "15-18", feeWon: 3000 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    ok(await rescheduleDelivery(ctx, owner, id, { deliveryDate: tomorrow(), timeSlot: "15-18", feeWon: 3000 }));
    expect(await rescheduleDelivery(ctx, owner, id, { deliveryDate: tomorrow(), timeSlot: "15-18", feeWon: 3000 })).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    expect(await delivery(id)).toMatchObject({ status: "OPEN", riderId: null, attempts: 1, deliveryDate: tomorrow(), timeSlot: "15-18", redeliveryFeeWon: 3000 });
    // The ordering context records the new slot and the fee, and the order is cancellable again until the next pickup.
    const o = await waitFor(() => order(id), (x) => x.status === "DECORATED", { what: "order back to DECORATED" });
    expect(o).toMatchObject({ deliveryDate: tomorrow(), timeSlot: "15-18", redeliveryFeeWon: 3000 });
    await waitFor(() => boardCard(id), (c) => c?.attemptedAt === null && c?.pickedUpAt === null, { what: "the board's card ready for pickup again" });
    expect((await riderScreen(db, rider2)).open.map((d) => d.id)).toContain(deliveryId);

    ok(await claimDelivery(ctx, rider2, deliveryId));
    ok(await confirmPickupByRider(ctx, rider2, deliveryId));
    await waitFor(() => order(id), (x) => x.status === "DELIVERING", { what: "DELIVERING again" });
    ok(await deliver(ctx, rider2, deliveryId, { leftWith: null, note: "with the guard", photoKey: "test/photo.jpg" }));
    expect(await delivery(id)).toMatchObject({ status: "COMPLETED", proofPhotoKey: "test/photo.jpg", proofNote: "with the guard", attempts: 1 });
    await waitFor(() => order(id), (x) => x.status === "DELIVERED", { what: "DELIVERED" });
    const mypage = await waitFor(() => db.myPageOrder.findUnique({ where: { orderId: id } }), (r) => r?.deliveryStatus === "DELIVERED", { what: "MyPage delivered" });
    const timeline = mypage!.timeline as { type: string; proof?: unknown; detail?: string }[];
    expect(timeline.map((t) => t.type)).toEqual(expect.arrayContaining(["DeliveryAttempted", "DeliveryBackAtShop", "DeliveryRescheduled", "DeliveryCompleted"]));
    expect(timeline.find((t) => t.type === "DeliveryCompleted")?.proof).toEqual({ photo: true, note: "with the guard" });
    expect(mypage).toMatchObject({ deliveryDate: tomorrow(), timeSlot: "15-18", riderName: RIDER2.name });
  });

  it("[D4] left with a named neighbour counts as delivered, on the board and the order", async () => {
    const { id, deliveryId } = await onTheWay();
    expect(await deliver(ctx, rider, deliveryId, { leftWith: " ", note: null, photoKey: null })).toMatchObject({ ok: false, code: "VALIDATION" });
    ok(await deliver(ctx, rider, deliveryId, { leftWith: "Mrs Kim, flat 302", note: null, photoKey: null }));
    expect(await events(id, "DeliveryLeftWithNeighbour")).toHaveLength(1);
    expect(await events(id, "DeliveryCompleted")).toHaveLength(0);
    await waitFor(() => order(id), (o) => o.status === "DELIVERED", { what: "DELIVERED" });
    expect(await waitFor(() => boardCard(id), (c) => !!c?.deliveredAt, { what: "board delivered" })).toMatchObject({ leftWith: "Mrs Kim, flat 302" });
  });

  it("[D4][M3] an attempt → the shop refunds instead: one processor refund, one PaymentRefunded, the rider brings the bouquet back", async () => {
    const { id, deliveryId } = await onTheWay();
    ok(await recordAttempt(ctx, rider, deliveryId, "REFUSED", null));
    // Refunded while the bouquet is still with the rider, sent twice at once (a double click).
    const both = await Promise.all([refundUndelivered(ctx, owner, id, "Recipient refused"), refundUndelivered(ctx, owner, id, "Recipient refused")]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await refundUndelivered(ctx, otherOwner, id, null)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const o = await waitFor(() => order(id), (x) => x.status === "CANCELLED" && x.refunded, { what: "cancelled and refunded", timeoutMs: 20_000 });
    expect(o.statusReason).toBe("Recipient refused");
    const payment = await db.payment.findUniqueOrThrow({ where: { orderId: id } });
    expect(payment).toMatchObject({ status: "REFUNDED", refundCause: "UNDELIVERED" });
    expect(await control.refunds(payment.providerRef)).toHaveLength(1);
    expect(await events(id, "PaymentRefunded")).toHaveLength(1);
    expect(await events(id, "DeliveryAbandoned")).toHaveLength(1);
    // The customer cannot cancel it again into a second refund; the rider is asked to bring it back.
    expect(await cancelOrder(ctx, CUSTOMER.id, id)).toMatchObject({ ok: true, alreadyCancelled: true });
    expect((await riderScreen(db, rider)).mine.find((d) => d.id === deliveryId)).toMatchObject({ status: "CANCELLED", returnedAt: null });
    ok(await confirmReturn(ctx, rider, deliveryId));
    await waitFor(() => db.myPageOrder.findUnique({ where: { orderId: id } }), (r) => r?.paymentStatus === "REFUNDED" && r.orderStatus === "CANCELLED", { what: "MyPage refunded" });
    expect(await control.refunds(payment.providerRef)).toHaveLength(1);
  });

  it("[D5] a shop that requires a photo refuses a delivery without one, and takes it with one", async () => {
    await db.store.updateMany({ data: { requireDeliveryPhoto: true } });
    const { id, deliveryId } = await onTheWay();
    expect(await completeDelivery(ctx, rider, deliveryId)).toMatchObject({ ok: false, code: "PHOTO_REQUIRED" });
    expect(await deliver(ctx, rider, deliveryId, { leftWith: null, note: "at the door", photoKey: null })).toMatchObject({ ok: false, code: "PHOTO_REQUIRED" });
    expect((await delivery(id)).status).toBe("STARTED");
    ok(await deliver(ctx, rider, deliveryId, { leftWith: null, note: null, photoKey: "test/door.jpg" }));
    expect((await delivery(id)).status).toBe("COMPLETED");
  });
  it("[D4][D2] a reschedule follows the shop's schedule: a full slot is refused and nothing moves; otherwise the order's slot unit moves to the new slot", async () => {
    const { id, deliveryId } = await onTheWay();
    ok(await recordAttempt(ctx, rider, deliveryId, "NOBODY_HOME", null));
    ok(await confirmBackAtShop(ctx, rider, deliveryId));
    const before = await delivery(id);
    const count = async (date: string, slot: string) =>
      (await db.$queryRaw<{ booked: number }[]>`SELECT booked FROM store_slot_counts WHERE store_id = ${STORE.id}::uuid AND delivery_date = ${date} AND time_slot = ${slot}`)[0]?.booked ?? 0;
    const oldCount = await count(before.deliveryDate, before.timeSlot);
    expect(oldCount).toBeGreaterThanOrEqual(1);
    // The day after tomorrow's 12-15 is filled by another order, at a capacity of 1.
    const later = addDays(todayInSeoul(), 2);
    await db.store.update({ where: { id: STORE.id }, data: { slotCapacity: 1 } });
    ok(await placeOrder(ctx, CUSTOMER.id, checkout({ delivery: { ...checkout().delivery, deliveryDate: later, timeSlot: "12-15" } })));
    expect(await rescheduleDelivery(ctx, owner, id, { deliveryDate: later, timeSlot: "12-15", feeWon: 0 })).toMatchObject({ ok: false, code: "SLOT_FULL" });
    expect(await delivery(id)).toMatchObject({ status: "RETURNED", deliveryDate: before.deliveryDate, timeSlot: before.timeSlot });
    expect(await count(before.deliveryDate, before.timeSlot)).toBe(oldCount);
    expect(await events(id, "DeliveryRescheduled")).toHaveLength(0);
    // Another slot that day has room: the unit moves there, once.
    ok(await rescheduleDelivery(ctx, owner, id, { deliveryDate: later, timeSlot: "15-18", feeWon: 0 }));
    expect(await delivery(id)).toMatchObject({ status: "OPEN", deliveryDate: later, timeSlot: "15-18" });
    expect(await count(before.deliveryDate, before.timeSlot)).toBe(oldCount - 1);
    expect(await count(later, "15-18")).toBe(1);
    expect(await count(later, "12-15")).toBe(1);
  });
});
