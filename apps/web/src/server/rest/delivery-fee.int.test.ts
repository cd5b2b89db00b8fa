// D1, D6: a delivery priced from the shop's zones, end to end. Outside every zone (or below the
// zone's minimum) is refused before anything is stored or charged; inside, the charge is the items
// plus the fee, and the fee reaches the REST order, the board, the delivery request and the
// rider's card with the facts a rider decides on.
// First: reserves the file's sandbox processor and sets PROCESSOR_URL before ~/env is read below.
import { PROCESSOR_URL } from "../../../../../test/support/processor";
import {
  actOnStoreOrder,
  boardFor,
  claimDelivery,
  completeDelivery,
  confirmPickupByRider,
  createApiClient,
  placeOrder,
  ProcessorControl,
  riderScreen,
  riderToday,
} from "@bloom/app";
import { bouquetId, closeDbs, DEMO_STORES } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as orderRoute } from "~/app/api/v1/orders/[orderId]/route";
import { POST as tokenRoute } from "~/app/api/oauth/token/route";
import { POST as ordersRoute } from "~/app/api/v1/orders/route";
import { quietLog, resetOrders } from "../../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, RIDER } from "../../../../../test/support/fixtures";
import { contract } from "../../../../../test/support/openapi-contract";
import { waitFor } from "../../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../../test/support/worker";
import type { WorkerRuntime } from "../../../../../apps/worker/src/runtime";
import { services } from "../services";
import { openApiDocument } from "./openapi";

const BASE = "http://localhost:3000";
const { db } = services();
const ctx = { ...services(), log: quietLog };
const { check } = contract(openApiDocument());
const processor = new ProcessorControl(PROCESSOR_URL);
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Hongdae Petal Studio (seed): 마포구/서대문구 ₩3,000 from ₩20,000; within 7 km ₩5,000 from ₩30,000.
const HONGDAE = DEMO_STORES[1]!;
const TULIPS = bouquetId(1, 0); // ₩42,000
const BABY_BREATH = bouquetId(1, 2); // ₩29,000
const MAPO = "27 Yanghwa-ro, Mapo-gu, Seoul";
const JUNG = "88 Eulji-ro, Jung-gu, Seoul"; // about 6.6 km away: in the radius zone only
const GANGNAM = "서울 강남구 테헤란로 1"; // about 11 km away: outside both

const order = (address: string, bouquet = TULIPS) =>
  checkout({ storeId: HONGDAE.id, items: [{ bouquetId: bouquet, quantity: 1 }], delivery: { ...checkout().delivery, address } });

let worker: WorkerRuntime;
let token: string;

async function call(route: Route, template: string, method: "get" | "post", url: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  const res = await route(new Request(BASE + url, { method: method.toUpperCase(), ...init }), { params: Promise.resolve(params) });
  return { status: res.status, body: await check<Json>(template, method, res) };
}

/** Everything a refused order must not have changed: rows of every context, and the processor's ledger. */
const everything = async () => ({
  orders: await db.order.count(),
  attempts: await db.paymentAttempt.count(),
  payments: await db.payment.count(),
  reservations: await db.stockReservation.count(),
  outbox: await db.outboxEvent.count(),
  ledger: (await processor.charges()).length,
});

beforeAll(async () => {
  await resetOrders(db);
  worker = await inProcessWorker(uniquePrefix("delivery-fee"));
  const client = await createApiClient(db, { name: "Zones partner (test)", scopes: "orders:read orders:write" });
  const form = new URLSearchParams({ grant_type: "client_credentials", client_id: client.clientId, client_secret: client.clientSecret });
  const t = await call(tokenRoute as Route, "/api/oauth/token", "post", "/api/oauth/token", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  token = t.body.access_token;
});
afterAll(async () => {
  await worker?.stop();
  await closeDbs();
});

describe("delivery zones at payment", () => {
  it("[D1] an address outside every zone is refused before payment: nothing stored, nothing charged", async () => {
    const before = await everything();
    const r = await placeOrder(ctx, CUSTOMER.id, order(GANGNAM));
    expect(r).toMatchObject({ ok: false, code: "OUTSIDE_DELIVERY_ZONE" });
    const unplaced = await placeOrder(ctx, CUSTOMER.id, order("somewhere without a district"));
    expect(unplaced).toMatchObject({ ok: false, code: "OUTSIDE_DELIVERY_ZONE" });
    expect(await everything()).toEqual(before);
  });

  it("[D1] below the covering zone's minimum is refused before payment, over REST too (422)", async () => {
    const before = await everything();
    expect(await placeOrder(ctx, CUSTOMER.id, order(JUNG, BABY_BREATH))).toMatchObject({ ok: false, code: "BELOW_MINIMUM_ORDER" });
    const { idempotencyKey, ...body } = order(GANGNAM);
    const rest = await call(ordersRoute as Route, "/api/v1/orders", "post", "/api/v1/orders", {
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify(body),
    });
    expect(rest).toMatchObject({ status: 422, body: { error: { code: "OUTSIDE_DELIVERY_ZONE" } } });
    expect(await everything()).toEqual(before);
  });

  it("[D1][D6] inside a zone: charged items + fee; the fee is on the REST order, the board, the delivery request and the rider's card", async () => {
    const { idempotencyKey, ...body } = order(MAPO);
    const placed = await call(ordersRoute as Route, "/api/v1/orders", "post", "/api/v1/orders", {
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify(body),
    });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ totalWon: 42_000 + 3_000, deliveryFeeWon: 3_000 });
    const orderId = placed.body.id as string;
    const read = await call(orderRoute as Route, "/api/v1/orders/{orderId}", "get", `/api/v1/orders/${orderId}`, { headers: { authorization: `Bearer ${token}` } }, { orderId });
    expect(read.body).toMatchObject({ totalWon: 45_000, deliveryFeeWon: 3_000 });
    const captured = (await processor.charges()).filter((c) => c.status === "CAPTURED");
    expect(captured.map((c) => c.amountWon)).toContain(45_000);

    // The radius zone prices the Jung-gu address at its own fee.
    const far = await placeOrder(ctx, CUSTOMER.id, order(JUNG));
    expect(far.ok && { total: far.order.totalWon, fee: far.order.deliveryFeeWon }).toEqual({ total: 47_000, fee: 5_000 });

    const owner = { id: OWNER.id, role: "OWNER" };
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId } }), (s) => s?.status === "NEW", { what: "store order on the board" });
    const board = await boardFor(db, owner, HONGDAE.id);
    expect(board.orders.find((o) => o.orderId === orderId)).toMatchObject({ totalWon: 45_000, deliveryFeeWon: 3_000 });

    expect(await actOnStoreOrder(ctx, owner, orderId, { kind: "accept" })).toMatchObject({ ok: true });
    expect(await actOnStoreOrder(ctx, owner, orderId, { kind: "completeDecoration" })).toMatchObject({ ok: true });
    const delivery = await waitFor(() => db.delivery.findUnique({ where: { orderId } }), (d) => d?.status === "OPEN", { what: "delivery request" });
    expect(delivery).toMatchObject({ riderFeeWon: 3_000, storePhone: HONGDAE.phone, items: [{ name: "Tulip Party", quantity: 1 }] });
    // Shop (Hongdae) → the centroid of 마포구: district-level, about 2 km.
    expect(delivery!.distanceKm).toBeGreaterThan(0.5);
    expect(delivery!.distanceKm).toBeLessThan(3);

    const screen = await riderScreen(db, { id: RIDER.id, name: RIDER.name });
    expect(screen.open.find((d) => d.orderId === orderId)).toMatchObject({ riderFeeWon: 3_000, storePhone: HONGDAE.phone, timeSlot: "12-15" });
    expect(await riderToday(db, RIDER.id)).toEqual({ delivered: 0, earnedWon: 0 });

    // Delivered: today's summary counts it with the rider's fee.
    const rider = { id: RIDER.id, name: RIDER.name };
    expect(await claimDelivery(ctx, rider, delivery!.id)).toMatchObject({ ok: true });
    expect(await confirmPickupByRider(ctx, rider, delivery!.id)).toMatchObject({ ok: true });
    expect(await completeDelivery(ctx, rider, delivery!.id)).toMatchObject({ ok: true });
    expect(await riderToday(db, RIDER.id)).toEqual({ delivered: 1, earnedWon: 3_000 });
    // Tomorrow (in Seoul) starts a new day.
    expect(await riderToday(db, RIDER.id, new Date(Date.now() + 24 * 3600 * 1000))).toEqual({ delivered: 0, earnedWon: 0 });
  });
});
