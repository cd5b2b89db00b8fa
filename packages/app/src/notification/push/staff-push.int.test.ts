// X3: web push to owners and riders, against the real PostgreSQL, Redis and worker (relay, the
// staff-push policy, the message dispatcher with the web-push provider) and a local stand-in for
// the push service (test/support/push-service.ts). Each push is decrypted with the device's own
// keys, and its VAPID signature is checked, as a push service and a browser would.
import {
  actOnStoreOrder,
  cancelOrder,
  claimDelivery,
  placeOrder,
  policyHandlers,
  runPolicy,
  savePushSubscription,
  WebPushProvider,
  type PushMessagePayload,
  type Rider,
} from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { createEvent, parseEvent } from "@bloom/domain";
import webpush from "web-push";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startWorker } from "../../../../../apps/worker/src/runtime";
import { quietLog, resetOrders, testContext } from "../../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, OWNER2, RIDER, RIDER2, STORE } from "../../../../../test/support/fixtures";
import { testProcessor } from "../../../../../test/support/processor";
import { TestPushService, verifyVapid, type TestDevice } from "../../../../../test/support/push-service";
import { waitFor } from "../../../../../test/support/wait";
import { uniquePrefix } from "../../../../../test/support/worker";
import { TEST_REDIS_URL } from "../../../../../test/support/env";

const { ctx, db } = testContext();
const vapid = { ...webpush.generateVAPIDKeys(), subject: "mailto:push-test@bloom.example" };
const owner = { id: OWNER.id, role: "OWNER" };
const rider: Rider = { id: RIDER.id, name: RIDER.name };
let push: TestPushService;
let worker: Awaited<ReturnType<typeof startWorker>>;

async function startTestWorker(name: string) {
  const processor = await testProcessor();
  return startWorker({
    db,
    redisUrl: TEST_REDIS_URL,
    prefix: uniquePrefix(name),
    concurrency: 8,
    relayIntervalMs: 20,
    relayBatch: 200,
    processorUrl: processor.url,
    payments: { refundIntervalMs: 200, refundMaxBackoffMs: 2000 },
    // Short backoff, so the outage test ends soon after the push service is back.
    messages: { providers: [new WebPushProvider(db, { vapid, allowLoopbackHttp: true, log: quietLog })], intervalMs: 100, baseBackoffMs: 200, maxBackoffMs: 1000 },
    log: quietLog,
  });
}

/** Saves a device as the board or rider screen would (the loopback endpoint allowed, as in development). */
async function subscribe(user: { id: string; role: string }, device: TestDevice, locale: "ko" | "en" = "ko") {
  const r = await savePushSubscription(db, user, device.subscription(locale));
  if (!r.ok) throw new Error(r.message);
  return r.id;
}

/** The pushes a device received, decrypted with its own keys. */
const received = (device: TestDevice) => push.to(device.name).map((r) => JSON.parse(device.decrypt(r.body)) as Omit<PushMessagePayload, "ttlSec">);
const pushesTo = (device: TestDevice, n: number, what: string) => waitFor(async () => push.to(device.name).length, (c) => c >= n, { what });

async function placed() {
  const r = await placeOrder(ctx, CUSTOMER.id, checkout());
  if (!r.ok) throw new Error(r.message);
  return r.order.id;
}

beforeAll(async () => {
  push = await TestPushService.start();
});
beforeEach(async () => {
  await resetOrders(db);
  await db.$executeRawUnsafe("TRUNCATE notify_messages, notify_push_subscriptions");
  push.requests.length = 0;
  worker = await startTestWorker("push");
});
afterEach(() => worker.stop());
afterAll(async () => {
  await db.$executeRawUnsafe("TRUNCATE notify_messages, notify_push_subscriptions");
  await push.down();
  await closeDbs();
});

describe("web push to owners and riders (X3)", () => {
  it("[X3] a new order rings the shop owner's device: the push decrypts with the device's keys and its VAPID signature verifies", async () => {
    const board = push.device("owner-tablet");
    const otherShop = push.device("owner2-phone");
    const riderPhone = push.device("rider-phone");
    const id = await subscribe(owner, board, "ko");
    await subscribe({ id: OWNER2.id, role: "OWNER" }, otherShop);
    await subscribe({ id: RIDER.id, role: "RIDER" }, riderPhone);

    const orderId = await placed();
    await pushesTo(board, 1, "the new order's push");
    const [req] = push.to(board.name);
    expect(req!.headers["content-encoding"]).toBe("aes128gcm");
    expect(req!.headers.urgency).toBe("high");
    expect(Number(req!.headers.ttl)).toBeGreaterThan(0);
    expect(Number(req!.headers.ttl)).toBeLessThanOrEqual(6 * 3600);
    const claims = await verifyVapid(req!.headers.authorization, board.endpoint, vapid.publicKey);
    expect(claims.sub).toBe(vapid.subject);
    // The body is ciphertext: the words appear only once decrypted with this device's keys.
    expect(req!.body.toString("latin1")).not.toContain("board");
    expect(received(board)).toEqual([
      { title: `새 주문 · ${STORE.nameKo}`, body: expect.stringMatching(/^꽃다발 1개 · ₩59,000 · \d+월 \d+일 12–15시 배송$/), url: `/board?store=${STORE.id}`, tag: `order-${orderId}` },
    ]);
    expect(() => otherShop.decrypt(req!.body)).toThrow(); // another device's keys cannot read it

    const msg = await waitFor(() => db.notifyMessage.findFirst({ where: { channel: "push", recipient: id } }), (m) => m?.status === "sent", { what: "message sent" });
    expect(msg).toMatchObject({ kind: "staff.order-placed", orderId, locale: "ko" });
    expect((await db.pushSubscription.findUniqueOrThrow({ where: { id } })).lastSuccessAt).not.toBeNull();
    // Not the other shop's owner, not a rider (no request is open yet).
    expect(await db.notifyMessage.count({ where: { channel: "push" } })).toBe(1);
    expect(push.to(otherShop.name)).toHaveLength(0);
    expect(push.to(riderPhone.name)).toHaveLength(0);
  });

  it("[X3] an arranged bouquet rings every rider; the customer's cancellation then rings the owner and the rider who claimed it, in each device's language", async () => {
    const board = push.device("owner-board-en");
    const riderPhone = push.device("rider-1");
    const otherRider = push.device("rider-2");
    await subscribe(owner, board, "en");
    await subscribe({ id: RIDER.id, role: "RIDER" }, riderPhone, "ko");
    await subscribe({ id: RIDER2.id, role: "RIDER" }, otherRider, "en");

    const orderId = await placed();
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId } }), (s) => s !== null, { what: "store order" });
    expect(await actOnStoreOrder(ctx, owner, orderId, { kind: "accept" })).toMatchObject({ ok: true });
    expect(await actOnStoreOrder(ctx, owner, orderId, { kind: "completeDecoration" })).toMatchObject({ ok: true });
    const delivery = await waitFor(() => db.delivery.findUnique({ where: { orderId } }), (d) => d?.status === "OPEN", { what: "open request" });

    await pushesTo(riderPhone, 1, "the request's push to rider 1");
    await pushesTo(otherRider, 1, "the request's push to rider 2");
    expect(received(riderPhone)[0]).toMatchObject({ title: `새 배송 요청 · ${STORE.nameKo}`, url: "/deliveries", tag: `request-${delivery!.id}` });
    expect(received(otherRider)[0]).toMatchObject({ title: `New delivery request · ${STORE.name}`, body: expect.stringMatching(/^₩[\d,]+ · .*12:00–15:00$/) });

    expect(await claimDelivery(ctx, rider, delivery!.id)).toMatchObject({ ok: true });
    expect(await cancelOrder(ctx, CUSTOMER.id, orderId)).toMatchObject({ ok: true });
    await pushesTo(board, 2, "the cancellation's push to the owner");
    await pushesTo(riderPhone, 2, "the cancellation's push to the rider who claimed it");
    expect(received(board)[1]).toEqual({ title: `Order cancelled · ${STORE.name}`, body: expect.stringContaining(orderId.slice(0, 8)), url: `/board?store=${STORE.id}`, tag: `order-${orderId}` });
    expect(received(riderPhone)[1]).toMatchObject({ title: `배송 취소 · ${STORE.nameKo}`, body: expect.stringContaining("가지 않아도"), tag: `delivery-${delivery!.id}` });
    // The other rider only saw the request; the cancellation is not theirs.
    await waitFor(() => db.notifyMessage.count({ where: { channel: "push", status: "pending" } }), (n) => n === 0, { what: "nothing left to send" });
    expect(push.to(otherRider.name)).toHaveLength(1);
  });

  it("[X3][X5] a redelivered event pushes once: the inbox refuses it, and even a lost inbox row plans nothing twice", async () => {
    const board = push.device("owner-redelivery");
    await subscribe(owner, board);
    const orderId = await placed();
    await pushesTo(board, 1, "the first push");
    const row = await db.outboxEvent.findFirstOrThrow({ where: { orderId, type: "OrderPlaced" } });
    const event = parseEvent(row.payload); // the outbox keeps the whole event, as the relay publishes it
    const handlers = policyHandlers();
    // Delivered again: the inbox says duplicate.
    expect((await runPolicy(db, handlers, "staff-push", event)).outcome).toBe("duplicate");
    // Its inbox row lost (a restore, an operator's retry): the policy runs, and the message's idempotency key holds.
    await db.processedEvent.delete({ where: { consumer_eventId: { consumer: "staff-push", eventId: row.id } } });
    expect((await runPolicy(db, handlers, "staff-push", event)).outcome).toBe("done");
    expect(await db.notifyMessage.count({ where: { eventId: row.id, channel: "push" } })).toBe(1);

    // A later event's push reaching the device shows the dispatcher ran since: still one for the order.
    expect(await cancelOrder(ctx, CUSTOMER.id, orderId)).toMatchObject({ ok: true });
    await pushesTo(board, 2, "the cancellation's push");
    expect(received(board).map((p) => p.title.split(" · ")[0])).toEqual(["새 주문", "주문 취소"]);
  });

  it("[X3] a push service answering 410 Gone removes the subscription, and later events plan nothing for it", async () => {
    const gone = push.device("uninstalled");
    const kept = push.device("kept");
    const goneId = await subscribe(owner, gone);
    await subscribe(owner, kept);
    push.markGone(gone.name);

    const first = await placed();
    await pushesTo(kept, 1, "the push to the live device");
    const dead = await waitFor(() => db.notifyMessage.findFirst({ where: { recipient: goneId } }), (m) => m?.status === "dead", { what: "the gone device's message dead" });
    expect(dead!.lastError).toMatch(/410/);
    expect(dead!.attempts).toBe(1); // not retried
    expect(await db.pushSubscription.findUnique({ where: { id: goneId } })).toBeNull();

    const second = await placed();
    await pushesTo(kept, 2, "the second order's push");
    expect(await db.notifyMessage.count({ where: { recipient: goneId } })).toBe(1);
    expect(received(kept).map((p) => p.tag)).toEqual([`order-${first}`, `order-${second}`]);
  });

  it("[X3] an event handled past its time to live (a redrive, a backlog) rings nobody: the message is skipped", async () => {
    const board = push.device("owner-late");
    const id = await subscribe(owner, board);
    const sevenHoursAgo = new Date(Date.now() - 7 * 3600_000);
    const old = createEvent(
      "OrderPlaced",
      globalThis.crypto.randomUUID(),
      { customerId: CUSTOMER.id, storeId: STORE.id, storeName: STORE.name, lines: [{ bouquetId: "b", name: "Roses", unitPriceWon: 1000, quantity: 1 }], totalWon: 1000, recipientName: "R", recipientPhone: "010", address: "Seoul", deliveryDate: "2026-12-03", timeSlot: "12-15", giftMessage: null, note: null, paymentId: "p" },
      { role: "CUSTOMER", id: CUSTOMER.id },
      sevenHoursAgo,
    );
    expect((await runPolicy(db, policyHandlers(), "staff-push", old)).outcome).toBe("done");
    worker.messages.kick();
    const msg = await waitFor(() => db.notifyMessage.findFirst({ where: { recipient: id } }), (m) => m?.status === "skipped", { what: "the late message skipped" });
    expect(msg!.lastError).toMatch(/time to live/);
    expect(push.to(board.name)).toHaveLength(0);
  });

  it("[X3][X5] the push service down delays the push, and it is delivered when the service is back", async () => {
    const board = push.device("owner-outage");
    const id = await subscribe(owner, board);
    await push.down();
    try {
      const orderId = await placed();
      // Refused at the TCP level, retried with backoff: pending, attempts counting, the error kept.
      const waiting = await waitFor(() => db.notifyMessage.findFirst({ where: { recipient: id } }), (m) => (m?.attempts ?? 0) >= 3, { what: "three failed tries" });
      expect(waiting).toMatchObject({ status: "pending", lastError: expect.stringMatching(/unreachable/) });
      expect(push.requests).toHaveLength(0);
      await push.up();
      await pushesTo(board, 1, "the push after the outage");
      expect(received(board)).toEqual([expect.objectContaining({ tag: `order-${orderId}` })]);
      await waitFor(() => db.notifyMessage.findFirst({ where: { recipient: id } }), (m) => m?.status === "sent", { what: "message sent" });
    } finally {
      await push.up().catch(() => {});
    }
  });
});
