// X4: signed webhooks for API partners, end to end — endpoints registered over the REST route
// handlers, events of real orders (placed, accepted, cancelled through the API and the board)
// planned by the real worker runtime's partner-webhooks policy and sent by its webhook-deliveries
// queue to receivers that are real HTTP servers verifying every signature with standardwebhooks.
// One receiver answers 500 for two minutes of real time (the retry schedule is shortened, the
// outage is not) and then gets every event, once each by webhook-id. Every answer of the API is
// checked against the OpenAPI document (C8).
// First: reserves the file's sandbox processor and sets PROCESSOR_URL before ~/env is read below.
import { PROCESSOR_URL } from "../../../../../test/support/processor";
import "../../../../../test/support/webhook-env";
import { actOnStoreOrder, createApiClient, pruneWebhookDeliveries } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cancelRoute } from "~/app/api/v1/orders/[orderId]/cancel/route";
import { GET as deliveriesRoute } from "~/app/api/v1/webhooks/[endpointId]/deliveries/route";
import { POST as replayRoute } from "~/app/api/v1/webhooks/[endpointId]/deliveries/[deliveryId]/replay/route";
import { POST as rotateRoute } from "~/app/api/v1/webhooks/[endpointId]/rotate-secret/route";
import { DELETE as deleteRoute, GET as endpointRoute, PATCH as patchRoute } from "~/app/api/v1/webhooks/[endpointId]/route";
import { GET as eventTypesRoute } from "~/app/api/v1/webhooks/event-types/route";
import { GET as listRoute, POST as createRoute } from "~/app/api/v1/webhooks/route";
import { resetOrders, testContext } from "../../../../../test/support/app";
import { OWNER } from "../../../../../test/support/fixtures";
import { waitFor } from "../../../../../test/support/wait";
import { startReceiver } from "../../../../../test/support/webhook-receiver";
import { workerMetrics } from "../../../../../apps/worker/src/metrics";
import type { WorkerRuntime } from "../../../../../apps/worker/src/runtime";
import { services } from "../services";
import { auth, call, placeOrderAs as placeOrder, tokenFor, webhookWorker, type ApiClient as Client, type Json, type Route } from "./webhook-api.test-support";

void PROCESSOR_URL;
const { db } = services();
const { ctx } = testContext();

// Retries after 1, 5, 10 s, then every 20 s: 11 attempts over ~156 s, so a two-minute outage is
// outlasted (production: 5 s … 10 h, 8 attempts over 27 h).
const TEST_SCHEDULE = [1000, 5000, 10_000, 20_000, 20_000, 20_000, 20_000, 20_000, 20_000, 20_000];
const OUTAGE_MS = 120_000;

let worker: WorkerRuntime;
let a: Client; // partner A: orders + webhooks
let b: Client; // partner B: orders + webhooks
let c: Client; // partner C: orders only
let tokenA: string, tokenB: string, tokenC: string;
const receiverA = await startReceiver();
const receiverB = await startReceiver();

const create = (t: string, body: unknown) =>
  call(createRoute as Route, "/api/v1/webhooks", "post", "/api/v1/webhooks", { headers: auth(t), body: typeof body === "string" ? body : JSON.stringify(body) });
const patch = (t: string, id: string, body: unknown) =>
  call(patchRoute as Route, "/api/v1/webhooks/{endpointId}", "patch", `/api/v1/webhooks/${id}`, { headers: auth(t), body: JSON.stringify(body) }, { endpointId: id });
const deliveries = (t: string, id: string) =>
  call(deliveriesRoute as Route, "/api/v1/webhooks/{endpointId}/deliveries", "get", `/api/v1/webhooks/${id}/deliveries`, { headers: auth(t) }, { endpointId: id });
beforeAll(async () => {
  await resetOrders(db);
  await db.webhookEndpoint.deleteMany({});
  // The sweep re-adds only rows PENDING for 30 s: a replay that arrives sooner came through web's own queue add.
  worker = await webhookWorker({ retryScheduleMs: TEST_SCHEDULE, sweepIntervalMs: 2000, sweepAfterMs: 30_000 });
  a = await createApiClient(db, { name: "Partner A (webhooks test)", scopes: "orders:read orders:write webhooks:manage" });
  b = await createApiClient(db, { name: "Partner B (webhooks test)", scopes: "orders:read orders:write webhooks:manage" });
  c = await createApiClient(db, { name: "Partner C (webhooks test)", scopes: "orders:read orders:write" });
  [tokenA, tokenB, tokenC] = await Promise.all([tokenFor(a), tokenFor(b), tokenFor(c)]);
});
afterAll(async () => {
  await worker?.stop();
  await receiverA.close();
  await receiverB.close();
  await closeDbs();
});

describe("partner webhooks (X4)", () => {
  it("[X4] registrations are refused before anything is stored: no token, no scope, bad URLs, unknown event types", async () => {
    const good = { url: receiverA.url, eventTypes: ["order.placed"] };
    expect((await call(createRoute as Route, "/api/v1/webhooks", "post", "/api/v1/webhooks", { body: JSON.stringify(good) })).status).toBe(401);
    const noScope = await create(tokenC, good);
    expect([noScope.status, noScope.body.error.code]).toEqual([403, "INSUFFICIENT_SCOPE"]);
    const refused: [unknown, string][] = [
      [{ url: "http://partner.example.com/hooks", eventTypes: ["order.placed"] }, "url"],
      [{ url: "https://10.0.0.7/hooks", eventTypes: ["order.placed"] }, "url"],
      [{ url: "https://169.254.169.254/latest/meta-data", eventTypes: ["order.placed"] }, "url"],
      [{ url: "https://user:pw@partner.example.com/hooks", eventTypes: ["order.placed"] }, "url"],
      [{ url: "ftp://partner.example.com/hooks", eventTypes: ["order.placed"] }, "url"],
      [{ url: receiverA.url, eventTypes: ["order.exploded"] }, "eventTypes.0"],
      [{ url: receiverA.url, eventTypes: [] }, "eventTypes"],
      [{ url: receiverA.url }, "eventTypes"],
      [{ url: receiverA.url, eventTypes: ["order.placed"], description: "bad\u0007text" }, "description"],
    ];
    for (const [body, field] of refused) {
      const r = await create(tokenA, body);
      expect([r.status, r.body.error.code, r.body.error.field], JSON.stringify(body)).toEqual([400, "VALIDATION", field]);
    }
    expect((await create(tokenA, "{not json")).status).toBe(400);
    expect((await create(tokenA, { ...good, secret: "whsec_mine" })).status).toBe(400);
    expect(await db.webhookEndpoint.count()).toBe(0);
  });

  it("[X4] a partner registers, lists, changes, rotates and deletes its endpoints; another partner's are not found", async () => {
    const types = await call(eventTypesRoute as Route, "/api/v1/webhooks/event-types", "get", "/api/v1/webhooks/event-types", { headers: auth(tokenA) });
    expect(types.body.eventTypes.map((t: Json) => t.type)).toContain("order.delivered");

    const made = await create(tokenA, { url: receiverA.url, eventTypes: ["order.placed"], description: "test receiver" });
    expect(made.status).toBe(201);
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = made.body.id as string;
    // Stored sealed: the database alone cannot sign (or forge) a delivery.
    const stored = (await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).secret;
    expect(stored).toMatch(/^A256GCM\./);
    expect(stored).not.toContain(made.body.secret.slice("whsec_".length, 20));
    const listed = await call(listRoute as Route, "/api/v1/webhooks", "get", "/api/v1/webhooks", { headers: auth(tokenA) });
    expect(listed.body.endpoints.map((e: Json) => e.id)).toEqual([id]);
    expect(JSON.stringify(listed.body)).not.toContain("whsec_");
    expect((await call(listRoute as Route, "/api/v1/webhooks", "get", "/api/v1/webhooks", { headers: auth(tokenB) })).body.endpoints).toEqual([]);

    const changed = await patch(tokenA, id, { eventTypes: ["order.placed", "order.accepted", "order.cancelled"] });
    expect(changed.body.eventTypes).toEqual(["order.placed", "order.accepted", "order.cancelled"]);
    expect((await patch(tokenA, id, { url: "http://partner.example.com/x" })).body.error.field).toBe("url");
    expect((await patch(tokenA, id, {})).status).toBe(400);
    // B can neither see, change, rotate nor delete A's endpoint.
    expect((await call(endpointRoute as Route, "/api/v1/webhooks/{endpointId}", "get", `/api/v1/webhooks/${id}`, { headers: auth(tokenB) }, { endpointId: id })).status).toBe(404);
    expect((await patch(tokenB, id, { enabled: false })).status).toBe(404);
    expect((await call(rotateRoute as Route, "/api/v1/webhooks/{endpointId}/rotate-secret", "post", `/api/v1/webhooks/${id}/rotate-secret`, { headers: auth(tokenB) }, { endpointId: id })).status).toBe(404);
    expect((await call(deleteRoute as Route, "/api/v1/webhooks/{endpointId}", "delete", `/api/v1/webhooks/${id}`, { headers: auth(tokenB) }, { endpointId: id })).status).toBe(404);
    expect((await deliveries(tokenB, id)).status).toBe(404);

    // The secret is rotated: the receiver knows only the new one, so every delivery below proves it signs.
    const rotated = await call(rotateRoute as Route, "/api/v1/webhooks/{endpointId}/rotate-secret", "post", `/api/v1/webhooks/${id}/rotate-secret`, { headers: auth(tokenA) }, { endpointId: id });
    expect(rotated.body.secret).not.toBe(made.body.secret);
    receiverA.state.secret = rotated.body.secret;

    // A throwaway endpoint is deleted.
    const extra = await create(tokenA, { url: receiverA.url, eventTypes: ["order.refunded"] });
    expect((await call(deleteRoute as Route, "/api/v1/webhooks/{endpointId}", "delete", `/api/v1/webhooks/${extra.body.id}`, { headers: auth(tokenA) }, { endpointId: extra.body.id })).status).toBe(204);
    expect(await db.webhookEndpoint.count({ where: { clientId: a.clientId } })).toBe(1);

    const madeB = await create(tokenB, { url: receiverB.url, eventTypes: ["order.placed", "order.accepted", "order.cancelled", "order.refunded"] });
    receiverB.state.secret = madeB.body.secret;
  });

  it("[X4] a receiver that answers 500 for two minutes gets every event afterwards, once each, signed; partner A never gets B's orders; a replay resends the same webhook-id", async () => {
    const [endpointA] = await db.webhookEndpoint.findMany({ where: { clientId: a.clientId } });
    const [endpointB] = await db.webhookEndpoint.findMany({ where: { clientId: b.clientId } });
    const downFrom = Date.now();
    receiverA.state.downUntil = downFrom + OUTAGE_MS;

    // A: two orders, the shop accepts one, A cancels the other. B: one order.
    const a1 = await placeOrder(tokenA);
    const a2 = await placeOrder(tokenA);
    const b1 = await placeOrder(tokenB);
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId: a1 } }), (so) => Boolean(so), { what: "A's first order on the board" });
    expect(await actOnStoreOrder(ctx, { id: OWNER.id, role: "OWNER" }, a1, { kind: "accept" })).toMatchObject({ ok: true });
    const cancelled = await call(cancelRoute as Route, "/api/v1/orders/{orderId}/cancel", "post", `/api/v1/orders/${a2}/cancel`, {
      headers: auth(tokenA),
      body: JSON.stringify({ reason: "changed plans" }),
    }, { orderId: a2 });
    expect(cancelled.status).toBe(200);
    const expectedA = [`${a1} order.placed`, `${a2} order.placed`, `${a1} order.accepted`, `${a2} order.cancelled`].sort();

    // B is up: its order.placed (and the refund of nothing) arrives at once; only B's order.
    await waitFor(async () => receiverB.accepted().size, (n) => n >= 1, { what: "B's order.placed", timeoutMs: 30_000 });
    // The planned deliveries for A exist, and A's receiver is refusing them.
    await waitFor(() => db.webhookDelivery.count({ where: { endpointId: endpointA!.id } }), (n) => n === 4, { what: "A's four deliveries planned", timeoutMs: 30_000 });
    await waitFor(async () => receiverA.state.received.filter((r) => r.answered === 500).length, (n) => n >= 8, { what: "A's receiver refusing retries", timeoutMs: 60_000 });

    // After the outage every event arrives: wait (bounded) for the four, well past two minutes.
    await waitFor(async () => receiverA.accepted().size, (n) => n >= 4, { what: "A's four events after the outage", timeoutMs: OUTAGE_MS + 90_000, everyMs: 500 });
    const okA = receiverA.state.received.filter((r) => r.answered < 300);
    expect(Math.min(...okA.map((r) => r.at))).toBeGreaterThanOrEqual(downFrom + OUTAGE_MS);
    expect(okA.map((r) => `${r.body.data.order.id} ${r.body.type}`).sort()).toEqual(expectedA);
    expect([...receiverA.accepted().values()]).toEqual([1, 1, 1, 1]);
    // Every request — refused or accepted — carried a valid signature of the current secret.
    expect(receiverA.state.received.every((r) => r.verified)).toBe(true);
    expect(receiverB.state.received.every((r) => r.verified)).toBe(true);
    // Retries keep their webhook-id: each id was refused at least once before it was accepted.
    for (const id of receiverA.accepted().keys()) expect(receiverA.state.received.filter((r) => r.webhookId === id && r.answered === 500).length).toBeGreaterThan(0);
    // The order as each event left it: accepted → ACCEPTED; cancelled → CANCELLED; no internal ids.
    const byType = Object.fromEntries(okA.map((r) => [`${r.body.data.order.id} ${r.body.type}`, r.body]));
    expect(byType[`${a1} order.accepted`]!.data.order.status).toBe("ACCEPTED");
    expect(byType[`${a2} order.cancelled`]!.data.order).toMatchObject({ status: "CANCELLED", statusReason: "changed plans" });
    for (const r of [...receiverA.state.received, ...receiverB.state.received]) {
      expect(JSON.stringify(r.body)).not.toMatch(new RegExp(`customerId|paymentId|${a.userId}|${b.userId}`));
    }
    // Isolation: A never received B's order, B never A's.
    expect(receiverA.state.received.some((r) => r.body.data.order.id === b1)).toBe(false);
    expect(receiverB.state.received.every((r) => r.body.data.order.id === b1)).toBe(true);
    expect(receiverB.state.received.filter((r) => r.answered < 300).map((r) => r.body.type)).toEqual(["order.placed"]);

    // The partner's log: each delivery with its attempts (500s, then the 2xx). The worker records an
    // attempt after the receiver has answered it, so wait for the rows (not the API: each call counts
    // against the client's rate limit) before reading the log once.
    await waitFor(() => db.webhookDelivery.findMany({ where: { endpointId: endpointA!.id } }), (ds) => ds.length === 4 && ds.every((d) => d.status === "DELIVERED"), { what: "A's four deliveries recorded DELIVERED" });
    const log = await deliveries(tokenA, endpointA!.id);
    expect(log.body.deliveries).toHaveLength(4);
    for (const d of log.body.deliveries as Json[]) {
      expect(d.status).toBe("DELIVERED");
      expect(d.attempts.length).toBeGreaterThanOrEqual(2);
      expect(d.attempts[0]).toMatchObject({ statusCode: 500, responseSnippet: "receiver is down (test)" });
      expect(d.attempts.at(-1).statusCode).toBe(204);
    }

    // Replay: the same webhook-id again, a fresh signature.
    const target = (log.body.deliveries as Json[])[0]!;
    const replay = await call(replayRoute as Route, "/api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay", "post", `/api/v1/webhooks/${endpointA!.id}/deliveries/${target.id}/replay`, {
      headers: auth(tokenA),
    }, { endpointId: endpointA!.id, deliveryId: target.id });
    expect(replay.status).toBe(202);
    await waitFor(async () => receiverA.accepted().get(target.webhookId) ?? 0, (n) => n === 2, { what: "the replayed delivery", timeoutMs: 15_000 });
    expect(receiverA.state.received.every((r) => r.verified)).toBe(true);
    const after = await waitFor(() => deliveries(tokenA, endpointA!.id), (r) => (r.body.deliveries as Json[]).find((d) => d.id === target.id)?.status === "DELIVERED", { what: "replay logged" });
    expect((after.body.deliveries as Json[]).find((d) => d.id === target.id)).toMatchObject({ replays: 1, webhookId: target.webhookId });
    // B cannot replay A's delivery.
    const foreign = await call(replayRoute as Route, "/api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay", "post", `/api/v1/webhooks/${endpointA!.id}/deliveries/${target.id}/replay`, {
      headers: auth(tokenB),
    }, { endpointId: endpointA!.id, deliveryId: target.id });
    expect(foreign.status).toBe(404);
    void endpointB;

    // A job lost between the commit and the queue (a crash, Redis losing it): the sweep sends the PENDING row.
    const lost = (log.body.deliveries as Json[])[1]!;
    await db.$executeRaw`UPDATE webhook_deliveries SET status = 'PENDING', job_id = ${`${lost.id}-lost`}, updated_at = now() - interval '1 minute' WHERE id = ${lost.id}::uuid`;
    await waitFor(async () => receiverA.accepted().get(lost.webhookId) ?? 0, (n) => n === 2, { what: "the swept delivery", timeoutMs: 15_000 });

    // Metrics: outcomes counted by the worker. The receiver counts a delivery when it answers; the
    // worker counts it once it has read that answer, a moment later: wait for the seventh.
    const valueIn = (text: string, outcome: string) => Number(new RegExp(`bloom_webhook_deliveries_total\\{[^}]*outcome="${outcome}"[^}]*\\} (\\d+)`).exec(text)?.[1] ?? -1);
    const metrics = workerMetrics(worker, db, "webhooks-test");
    const text = await waitFor(() => metrics.metrics(), (t) => valueIn(t, "delivered") >= 7, { what: "the worker's count of the swept delivery", timeoutMs: 15_000 });
    const value = (outcome: string) => valueIn(text, outcome);
    expect(value("delivered")).toBe(7); // A's four, the replay, the swept one, B's one
    expect(text).toMatch(/bloom_queue_jobs\{[^}]*queue="webhook-deliveries"/);
    expect(value("retrying")).toBeGreaterThanOrEqual(8);
    expect(value("failed")).toBe(0);

    // Retention: settled deliveries older than 30 days are pruned; a pending one, however old, is kept.
    const [old1, old2] = [(log.body.deliveries as Json[])[2]!.id as string, (log.body.deliveries as Json[])[3]!.id as string];
    await db.$executeRaw`UPDATE webhook_deliveries SET created_at = now() - interval '31 days' WHERE id IN (${old1}::uuid, ${old2}::uuid)`;
    await db.$executeRaw`UPDATE webhook_deliveries SET status = 'PENDING', updated_at = now() WHERE id = ${old2}::uuid`;
    expect(await pruneWebhookDeliveries(db)).toBe(1);
    expect(await db.webhookDelivery.findUnique({ where: { id: old1 } })).toBeNull();
    expect(await db.webhookDeliveryAttempt.count({ where: { deliveryId: old1 } })).toBe(0);
    expect(await db.webhookDelivery.findUnique({ where: { id: old2 } })).not.toBeNull();
  }, 300_000);
});
