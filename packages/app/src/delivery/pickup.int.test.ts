// D3: pickup is its own step. Against the real PostgreSQL, Redis and worker: a rider's claim
// leaves the order on the board's "Ready for pickup" and cancellable; the handover, confirmed by
// the florist or the rider, is the pickup; claims race to exactly one winner.
import {
  actOnStoreOrder,
  arriveAtShop,
  boardFor,
  cancelOrder,
  claimDelivery,
  completeDelivery,
  confirmPickupByOwner,
  confirmPickupByRider,
  confirmReturn,
  deliveryStepFor,
  placeOrder,
  riderScreen,
  type Rider,
} from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { isWithdrawnClaim } from "@bloom/domain";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, CUSTOMER2, OWNER, OWNER2, RIDER, RIDER2 } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const otherOwner = { id: OWNER2.id, role: "OWNER" };
const rider: Rider = { id: RIDER.id, name: RIDER.name };
const rider2: Rider = { id: RIDER2.id, name: RIDER2.name };
let worker: Awaited<ReturnType<typeof inProcessWorker>>;

beforeEach(async () => {
  await resetOrders(db);
  worker = await inProcessWorker(uniquePrefix("pickup"));
});
afterEach(() => worker.stop());
afterAll(() => closeDbs());

const ok = (r: { ok: boolean; message?: string }) => expect(r, r.message).toMatchObject({ ok: true });
const order = (id: string) => db.order.findUniqueOrThrow({ where: { id } });
const storeOrder = (orderId: string) => db.storeOrder.findUniqueOrThrow({ where: { orderId } });
const delivery = (orderId: string) => db.delivery.findUniqueOrThrow({ where: { orderId } });
const events = (orderId: string, type: string) => db.outboxEvent.findMany({ where: { orderId, type } });
const boardCard = async (orderId: string) => (await boardFor(db, owner, undefined)).orders.find((o) => o.orderId === orderId);

/** An order its shop accepted and arranged, with the delivery request open for riders. */
async function readyForPickup() {
  const r = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!r.ok) throw new Error(r.message);
  const id = r.order.id;
  await waitFor(() => db.storeOrder.findUnique({ where: { orderId: id } }), (s) => s !== null, { what: "store order" });
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "accept" }));
  ok(await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" }));
  const d = await waitFor(() => db.delivery.findUnique({ where: { orderId: id } }), (x) => x?.status === "OPEN", { what: "open delivery" });
  await waitFor(() => order(id), (o) => o.status === "DECORATED", { what: "order DECORATED" });
  return { id, deliveryId: d!.id };
}

/** Every event of the order handled by every policy: nothing more will change. */
async function settled(orderId: string) {
  await waitFor(() => db.outboxEvent.count({ where: { orderId, publishedAt: null } }), (n) => n === 0, { what: "events published" });
  const rows = await db.outboxEvent.findMany({ where: { orderId }, select: { id: true } });
  await waitFor(() => db.processedEvent.count({ where: { eventId: { in: rows.map((r) => r.id) }, consumer: "mypage-projection" } }), (n) => n === rows.length, {
    what: "events projected",
  });
}

describe("pickup is its own step (D3)", () => {
  it("[D3][F11][F12] claimed: the board still shows the order waiting, the customer can cancel, and the cancellation withdraws the claim without a recall", async () => {
    const { id, deliveryId } = await readyForPickup();
    ok(await claimDelivery(ctx, rider, deliveryId));
    ok(await claimDelivery(ctx, rider, deliveryId)); // a double tap is harmless
    expect(await events(id, "DeliveryClaimed")).toHaveLength(1);

    // The board hears of the rider on the way, but the bouquet is still on the bench.
    const claimedCard = await waitFor(() => boardCard(id), (c) => !!c?.claimedAt, { what: "claim on the board" });
    expect(claimedCard).toMatchObject({ status: "DECORATED", riderName: RIDER.name, pickedUpAt: null });
    const mypage = await waitFor(() => db.myPageOrder.findUnique({ where: { orderId: id } }), (r) => r?.deliveryStatus === "ASSIGNED", { what: "MyPage: rider assigned" });
    expect(mypage).toMatchObject({ orderStatus: "DECORATED", riderName: RIDER.name });
    // The order page reads the step from the read model: its customer only.
    expect(await deliveryStepFor(db, CUSTOMER.id, id)).toEqual({ deliveryStatus: "ASSIGNED", riderName: RIDER.name });
    expect(await deliveryStepFor(db, CUSTOMER2.id, id)).toBeNull();
    await settled(id);
    expect((await order(id)).status).toBe("DECORATED"); // the ordering context does not move on a claim

    ok(await cancelOrder(ctx, CUSTOMER.id, id));
    const withdrawn = await waitFor(() => delivery(id), (d) => d.status === "CANCELLED", { what: "delivery withdrawn" });
    expect(withdrawn).toMatchObject({ riderId: RIDER.id, startedAt: null });
    expect(isWithdrawnClaim(withdrawn)).toBe(true);
    const [cancelled] = await events(id, "DeliveryCancelled");
    expect((cancelled!.payload as { payload: { riderId: string | null } }).payload.riderId).toBeNull(); // no recall
    await waitFor(() => order(id), (o) => o.status === "CANCELLED" && o.refunded, { what: "cancelled and refunded" });
    const so = await waitFor(() => storeOrder(id), (s) => s.status === "CANCELLED", { what: "store order cancelled" });
    expect(so).toMatchObject({ pickedUpAt: null, returnedAt: null });

    // The rider sees it withdrawn: nothing to pick up, deliver or bring back.
    const screen = await riderScreen(db, rider);
    expect(screen.mine.find((d) => d.id === deliveryId)).toMatchObject({ status: "CANCELLED", startedAt: null });
    expect(await confirmPickupByRider(ctx, rider, deliveryId)).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
    expect(await confirmPickupByOwner(ctx, owner, id)).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
    expect(await arriveAtShop(ctx, rider, deliveryId)).toMatchObject({ ok: false, code: "ORDER_CANCELLED" });
    expect(await completeDelivery(ctx, rider, deliveryId)).toMatchObject({ ok: false });
    expect(await confirmReturn(ctx, rider, deliveryId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
    await settled(id);
    expect(await db.outboxEvent.count({ where: { orderId: id, type: { in: ["DeliveryStarted", "DeliveryReturned"] } } })).toBe(0);
  });

  it("[D3][F11] claimed → at the shop → the florist confirms the handover: the order is out for delivery, cancelling is refused, the card moves to Done", async () => {
    const { id, deliveryId } = await readyForPickup();
    ok(await claimDelivery(ctx, rider, deliveryId));
    ok(await arriveAtShop(ctx, rider, deliveryId));
    ok(await arriveAtShop(ctx, rider, deliveryId)); // twice is harmless
    expect(await arriveAtShop(ctx, rider2, deliveryId)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await completeDelivery(ctx, rider, deliveryId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" }); // not picked up yet
    const atShop = await waitFor(() => boardCard(id), (c) => !!c?.arrivedAt, { what: "arrival on the board" });
    expect(atShop).toMatchObject({ status: "DECORATED", riderName: RIDER.name, pickedUpAt: null });
    await waitFor(() => db.myPageOrder.findUnique({ where: { orderId: id } }), (r) => r?.deliveryStatus === "AT_SHOP", { what: "MyPage: rider at the shop" });
    expect((await order(id)).status).toBe("DECORATED");

    ok(await confirmPickupByOwner(ctx, owner, id));
    ok(await confirmPickupByOwner(ctx, owner, id)); // twice is harmless
    expect(await delivery(id)).toMatchObject({ status: "STARTED", pickedUpBy: "OWNER", riderId: RIDER.id, startedAt: expect.any(Date) });
    const started = await events(id, "DeliveryStarted");
    expect(started).toHaveLength(1);
    expect(started[0]!.payload).toMatchObject({ actor: { role: "OWNER", id: OWNER.id }, payload: { riderId: RIDER.id, riderName: RIDER.name, confirmedBy: "OWNER" } });

    await waitFor(() => order(id), (o) => o.status === "DELIVERING", { what: "order DELIVERING" });
    expect(await cancelOrder(ctx, CUSTOMER.id, id)).toMatchObject({ ok: false, code: "CANNOT_CANCEL" });
    const done = await waitFor(() => boardCard(id), (c) => !!c?.pickedUpAt, { what: "card picked up" });
    expect(done).toMatchObject({ status: "DECORATED", riderName: RIDER.name, deliveredAt: null });
    expect(done!.pickedUpAt!.getTime()).toBeGreaterThanOrEqual(done!.arrivedAt!.getTime());

    ok(await completeDelivery(ctx, rider, deliveryId));
    await waitFor(() => order(id), (o) => o.status === "DELIVERED", { what: "order DELIVERED" });
    const history = await db.orderHistory.findMany({ where: { orderId: id }, orderBy: { at: "asc" } });
    expect(history.map((h) => h.status)).toEqual(["PLACED", "ACCEPTED", "DECORATED", "DELIVERING", "DELIVERED"]);
  });

  it("[D3] the rider can confirm the pickup too, straight from the claim; only its own rider", async () => {
    const { id, deliveryId } = await readyForPickup();
    ok(await claimDelivery(ctx, rider, deliveryId));
    expect(await confirmPickupByRider(ctx, rider2, deliveryId)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    ok(await confirmPickupByRider(ctx, rider, deliveryId));
    expect(await delivery(id)).toMatchObject({ status: "STARTED", pickedUpBy: "RIDER", arrivedAt: null });
    expect((await events(id, "DeliveryStarted"))[0]!.payload).toMatchObject({ actor: { role: "RIDER", id: RIDER.id }, payload: { confirmedBy: "RIDER" } });
    await waitFor(() => order(id), (o) => o.status === "DELIVERING", { what: "order DELIVERING" });
    await waitFor(() => boardCard(id), (c) => !!c?.pickedUpAt, { what: "card picked up" });
    expect(await arriveAtShop(ctx, rider, deliveryId)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" }); // already on the road
  });

  it("[D3][C5] an owner of another shop cannot confirm a pickup; nobody confirms one before a rider claimed it", async () => {
    const { id, deliveryId } = await readyForPickup();
    expect(await confirmPickupByOwner(ctx, owner, id)).toMatchObject({ ok: false, code: "INVALID_TRANSITION" }); // no rider yet
    ok(await claimDelivery(ctx, rider, deliveryId));
    expect(await confirmPickupByOwner(ctx, otherOwner, id)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await confirmPickupByOwner(ctx, otherOwner, globalThis.crypto.randomUUID())).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await delivery(id)).toMatchObject({ status: "CLAIMED", startedAt: null, pickedUpBy: null });
    expect(await events(id, "DeliveryStarted")).toHaveLength(0);
    // An admin manages every shop.
    ok(await confirmPickupByOwner(ctx, { id: OWNER2.id, role: "ADMIN" }, id));
    expect((await events(id, "DeliveryStarted"))[0]!.payload).toMatchObject({ actor: { role: "ADMIN" }, payload: { confirmedBy: "OWNER" } });
  });

  it("[D3][F9] riders racing for requests, many races at once: each request has exactly one claimer; florist and rider confirming at once make one pickup", async () => {
    const requests = await Promise.all(Array.from({ length: 6 }, () => readyForPickup()));
    // Riders only need an id and a name here; six of them race for every request at the same time.
    const riders: Rider[] = [rider, rider2, ...Array.from({ length: 4 }, (_, i) => ({ id: globalThis.crypto.randomUUID(), name: `Rider ${i + 3}` }))];
    const results = await Promise.all(requests.flatMap((r) => riders.map(async (x) => ({ r, x, result: await claimDelivery(ctx, x, r.deliveryId) }))));
    for (const { id, deliveryId } of requests) {
      const mine = results.filter((o) => o.r.deliveryId === deliveryId);
      const winners = mine.filter((o) => o.result.ok);
      expect(winners, id).toHaveLength(1);
      expect(mine.filter((o) => !o.result.ok).map((o) => o.result)).toEqual(Array(riders.length - 1).fill(expect.objectContaining({ code: "ALREADY_TAKEN" })));
      expect(await delivery(id)).toMatchObject({ status: "CLAIMED", riderId: winners[0]!.x.id, riderName: winners[0]!.x.name });
      expect(await events(id, "DeliveryClaimed")).toHaveLength(1);
    }

    const pickups = await Promise.all(
      requests.flatMap(({ id, deliveryId }) => {
        const winner = results.find((o) => o.r.deliveryId === deliveryId && o.result.ok)!.x;
        return [confirmPickupByOwner(ctx, owner, id), confirmPickupByRider(ctx, winner, deliveryId), confirmPickupByOwner(ctx, owner, id)];
      }),
    );
    for (const p of pickups) ok(p);
    for (const { id } of requests) {
      expect(await events(id, "DeliveryStarted")).toHaveLength(1);
      await waitFor(() => order(id), (o) => o.status === "DELIVERING", { what: "order DELIVERING" });
    }
  });
});
