// X4: the end of the retry schedule and a disabled endpoint, against the real worker runtime and a
// receiver that is a real HTTP server: a delivery refused on every attempt ends FAILED (each
// attempt logged, counted as failed once), a replay after the receiver recovers delivers it with
// the same webhook-id, and a disabled endpoint is planned nothing for new events.
// First: reserves the file's sandbox processor and sets PROCESSOR_URL before ~/env is read below.
import { PROCESSOR_URL } from "../../../../../test/support/processor";
import "../../../../../test/support/webhook-env";
import { createApiClient } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as deliveriesRoute } from "~/app/api/v1/webhooks/[endpointId]/deliveries/route";
import { POST as replayRoute } from "~/app/api/v1/webhooks/[endpointId]/deliveries/[deliveryId]/replay/route";
import { PATCH as patchRoute } from "~/app/api/v1/webhooks/[endpointId]/route";
import { POST as createRoute } from "~/app/api/v1/webhooks/route";
import { resetOrders } from "../../../../../test/support/app";
import { waitFor } from "../../../../../test/support/wait";
import { startReceiver } from "../../../../../test/support/webhook-receiver";
import type { WorkerRuntime } from "../../../../../apps/worker/src/runtime";
import { services } from "../services";
import { auth as authOf, call, placeOrderAs, tokenFor, webhookWorker, type Json, type Route } from "./webhook-api.test-support";

void PROCESSOR_URL;
const { db } = services();

let worker: WorkerRuntime;
let token = "";
const receiver = await startReceiver();

const auth = () => authOf(token);
const placeOrder = () => placeOrderAs(token);

beforeAll(async () => {
  await resetOrders(db);
  await db.webhookEndpoint.deleteMany({});
  // Two retries, 0.2 s and 0.4 s apart: three attempts, then FAILED.
  worker = await webhookWorker({ retryScheduleMs: [200, 400], sweepIntervalMs: 1000, sweepAfterMs: 30_000 });
  token = await tokenFor(await createApiClient(db, { name: "Partner E (webhooks test)", scopes: "orders:read orders:write webhooks:manage" }));
});
afterAll(async () => {
  await worker?.stop();
  await receiver.close();
  await closeDbs();
});

describe("partner webhooks: failed deliveries (X4)", () => {
  it("[X4] refused on every attempt: FAILED after the schedule, each attempt logged; replayed once the receiver is back; a disabled endpoint is planned nothing", async () => {
    const made = await call(createRoute as Route, "/api/v1/webhooks", "post", "/api/v1/webhooks", { headers: auth(), body: JSON.stringify({ url: receiver.url, eventTypes: ["order.placed"] }) });
    const endpointId = made.body.id as string;
    receiver.state.secret = made.body.secret;
    receiver.state.downUntil = Number.POSITIVE_INFINITY;

    const order1 = await placeOrder();
    const failed = await waitFor(() => db.webhookDelivery.findFirst({ where: { orderId: order1 }, include: { attempts: true } }), (d) => d?.status === "FAILED", { what: "the delivery to end FAILED" });
    expect(failed!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    expect(failed!.lastError).toBe("HTTP 500");
    expect(receiver.state.received.map((r) => r.webhookId)).toEqual([failed!.messageId, failed!.messageId, failed!.messageId]);
    expect(receiver.state.received.every((r) => r.verified)).toBe(true);
    expect(worker.webhooks.stats).toMatchObject({ failed: 1, retrying: 2, delivered: 0 });

    receiver.state.downUntil = 0;
    const replay = await call(replayRoute as Route, "/api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay", "post", `/api/v1/webhooks/${endpointId}/deliveries/${failed!.id}/replay`, { headers: auth() }, { endpointId, deliveryId: failed!.id });
    expect(replay.status).toBe(202);
    await waitFor(async () => receiver.accepted().get(failed!.messageId) ?? 0, (n) => n === 1, { what: "the replay accepted" });
    const log = await waitFor(
      () => call(deliveriesRoute as Route, "/api/v1/webhooks/{endpointId}/deliveries", "get", `/api/v1/webhooks/${endpointId}/deliveries`, { headers: auth() }, { endpointId }),
      (r) => r.body.deliveries[0]?.status === "DELIVERED",
      { what: "the replay logged" },
    );
    expect(log.body.deliveries[0]).toMatchObject({ replays: 1, webhookId: failed!.messageId });
    expect(log.body.deliveries[0].attempts.map((a: Json) => a.statusCode)).toEqual([500, 500, 500, 204]);

    // Disabled: the next order's event is handled by the policy (its inbox row) and plans nothing.
    const off = await call(patchRoute as Route, "/api/v1/webhooks/{endpointId}", "patch", `/api/v1/webhooks/${endpointId}`, { headers: auth(), body: JSON.stringify({ enabled: false }) }, { endpointId });
    expect(off.body.enabled).toBe(false);
    const order2 = await placeOrder();
    const handled = async () => {
      const rows = await db.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM inbox_processed_events i JOIN outbox_events o ON o.id = i.event_id
        WHERE i.consumer = 'partner-webhooks' AND o.order_id = ${order2}::uuid`;
      return rows[0]!.n;
    };
    await waitFor(handled, (n) => n >= 1, { what: "partner-webhooks to handle the second order's OrderPlaced" });
    expect(await db.webhookDelivery.count({ where: { orderId: order2 } })).toBe(0);
  });
});
