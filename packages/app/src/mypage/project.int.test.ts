// N4/F14: the MyPage read model, written only by the worker from events, matches what happened;
// shuffled and duplicated redelivery changes nothing; a rebuild from the event log equals live.
import { actOnStoreOrder, arriveAtShop, cancelOrder, claimDelivery, completeDelivery, confirmPickupByRider, myPageFor, placeOrder, projectEvent, rebuildMyPage } from "@bloom/app";
import { closeDbs, inTransaction } from "@bloom/db";
import { parseEvent } from "@bloom/domain";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, RIDER } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

const snapshot = async () =>
  (await db.myPageOrder.findMany({ orderBy: { orderId: "asc" }, omit: { events: true } })).map((r) => ({ ...r, timeline: r.timeline }));

describe("MyPage projection", () => {
  it("[N4][F14][B2] after full journeys the rows and timelines match; redelivery and rebuild change nothing", async () => {
    const worker = await inProcessWorker(uniquePrefix("mypage"));
    const owner = { id: OWNER.id, role: "OWNER" };
    try {
      const delivered = await placeOrder(ctx, CUSTOMER.id, checkout());
      const cancelled = await placeOrder(ctx, CUSTOMER.id, checkout());
      if (!delivered.ok || !cancelled.ok) throw new Error("order failed");
      const a = delivered.order.id;
      await waitFor(() => db.storeOrder.count(), (n) => n === 2);
      await actOnStoreOrder(ctx, owner, a, { kind: "accept" });
      await actOnStoreOrder(ctx, owner, a, { kind: "completeDecoration" });
      const d = await waitFor(() => db.delivery.findUnique({ where: { orderId: a } }), (x) => x !== null);
      await claimDelivery(ctx, { id: RIDER.id, name: RIDER.name }, d!.id);
      await arriveAtShop(ctx, { id: RIDER.id, name: RIDER.name }, d!.id);
      await confirmPickupByRider(ctx, { id: RIDER.id, name: RIDER.name }, d!.id);
      await completeDelivery(ctx, { id: RIDER.id, name: RIDER.name }, d!.id);
      await cancelOrder(ctx, CUSTOMER.id, cancelled.order.id);
      // Quiet when the last events (delivery done, refund) exist and every event is projected.
      await waitFor(() => db.outboxEvent.count({ where: { type: { in: ["PaymentRefunded", "DeliveryCompleted"] } } }), (n) => n === 2, { what: "refund and delivery events" });
      await waitFor(
        async () => [await db.outboxEvent.count(), await db.processedEvent.count({ where: { consumer: "mypage-projection" } })],
        ([events, projected]) => events === projected,
        { what: "all events projected" },
      );
    } finally {
      await worker.stop();
    }

    const pageOf = async (filter: "all" | "active" | "past", limit: number) => {
      const r = await myPageFor(db, CUSTOMER.id, { filter, limit });
      if (!r.ok) throw new Error(r.message);
      return r.page;
    };
    const page = await pageOf("all", 10);
    const byStatus = Object.fromEntries(page.items.map((r) => [r.orderStatus, r]));
    expect(byStatus.DELIVERED).toMatchObject({ deliveryStatus: "DELIVERED", paymentStatus: "PAID", riderName: RIDER.name, totalWon: 59000, itemsSummary: "Red Rose Classic" });
    expect((byStatus.DELIVERED!.timeline as { type: string }[]).map((t) => t.type)).toEqual([
      "OrderPlaced", "StoreOrderAccepted", "DecorationCompleted", "DeliveryRequested", "DeliveryClaimed", "RiderArrivedAtShop", "DeliveryStarted",
      "DeliveryCompleted",
    ]);
    expect(byStatus.CANCELLED).toMatchObject({ paymentStatus: "REFUNDED", deliveryStatus: "NONE" });
    expect((await pageOf("active", 10)).items).toEqual([]);
    expect((await pageOf("past", 1)).nextCursor).not.toBeNull();

    const live = await snapshot();
    // Redeliver every event again, newest first, straight into the projection.
    const log = await db.outboxEvent.findMany({ orderBy: { seq: "desc" } });
    for (const row of log) await inTransaction(db, (tx) => projectEvent(tx.client, parseEvent(row.payload)));
    expect(await snapshot()).toEqual(live);

    expect(await rebuildMyPage(db)).toBe(2);
    expect(await snapshot()).toEqual(live);
  });
});
