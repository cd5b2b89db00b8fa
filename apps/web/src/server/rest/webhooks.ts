// Public API — webhooks (X4): a partner registers endpoints for its own orders' events, sees the
// recent deliveries with every attempt, and replays one. Scope webhooks:manage. Another client's
// endpoint or delivery answers 404 exactly like one that does not exist.
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  replayWebhookDelivery,
  rotateWebhookSecret,
  updateWebhookEndpoint,
  WebhookSecretBox,
  type WebhookDeliveryView,
  type WebhookEndpointView,
} from "@bloom/app";
import { createWebhookEndpointSchema, updateWebhookEndpointSchema, WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "@bloom/domain";
import { z } from "zod";
import { env } from "~/env";
import { LIMITS } from "../rate-limit";
import { services } from "../services";
import { dispatchWebhook } from "../webhook-queue";
import { apiRoute, json, readJson } from "./api-route";
import { ApiError, refusalError, validationError } from "./errors";
import type { webhookDeliveryResource, webhookEndpointResource } from "./webhook-schemas";

// Every webhook route counts against the client's own limit, the same limiter as the orders API's.
const SCOPE = { scope: "webhooks:manage", limit: LIMITS.apiWebhooks } as const;
const rules = { allowLocal: env.WEBHOOK_ALLOW_LOCAL };
const createSchema = createWebhookEndpointSchema(rules);
const g = globalThis as unknown as { __bloomWebhookBox?: WebhookSecretBox };
/** Seals the endpoints' secrets with the key the worker opens them with (KEY_ENCRYPTION_SECRET, else AUTH_SECRET). */
const box = () => (g.__bloomWebhookBox ??= new WebhookSecretBox(env.KEY_ENCRYPTION_SECRET ?? env.AUTH_SECRET));
const updateSchema = updateWebhookEndpointSchema(rules);

const idOf = (id: string, what: string) => {
  if (!z.uuid().safeParse(id).success) throw new ApiError(404, "NOT_FOUND", `${what} not found`);
  return id;
};

function toEndpoint(e: WebhookEndpointView): z.infer<typeof webhookEndpointResource> {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

function toDelivery(d: WebhookDeliveryView): z.infer<typeof webhookDeliveryResource> {
  return {
    id: d.id,
    webhookId: d.webhookId,
    eventType: d.eventType as z.infer<typeof webhookDeliveryResource>["eventType"],
    orderId: d.orderId,
    status: d.status,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    replays: d.replays,
    attempts: d.attempts.map((a) => ({ at: a.at.toISOString(), durationMs: a.durationMs, statusCode: a.statusCode, error: a.error, responseSnippet: a.responseSnippet })),
  };
}

export const listEventTypesRoute = apiRoute(SCOPE, async () =>
  json({ eventTypes: WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: WEBHOOK_EVENT_DESCRIPTIONS[type] })) }),
);

export const createEndpointRoute = apiRoute(SCOPE, async ({ req, caller }) => {
  const body = createSchema.safeParse(await readJson(req));
  if (!body.success) throw validationError(body.error);
  const r = await createWebhookEndpoint(services().db, box(), caller, body.data);
  if (!r.ok) throw refusalError(r);
  return json({ ...toEndpoint(r.endpoint), secret: r.secret }, 201, { Location: `/api/v1/webhooks/${r.endpoint.id}` });
});

export const listEndpointsRoute = apiRoute(SCOPE, async ({ caller }) => json({ endpoints: (await listWebhookEndpoints(services().db, caller)).map(toEndpoint) }));

export const getEndpointRoute = apiRoute<{ endpointId: string }>(SCOPE, async ({ params, caller }) => {
  const e = await getWebhookEndpoint(services().db, caller, idOf(params.endpointId, "Webhook endpoint"));
  if (!e) throw new ApiError(404, "NOT_FOUND", "Webhook endpoint not found");
  return json(toEndpoint(e));
});

export const updateEndpointRoute = apiRoute<{ endpointId: string }>(SCOPE, async ({ req, params, caller }) => {
  const id = idOf(params.endpointId, "Webhook endpoint");
  const body = updateSchema.safeParse(await readJson(req));
  if (!body.success) throw validationError(body.error);
  const r = await updateWebhookEndpoint(services().db, caller, id, body.data);
  if (!r.ok) throw refusalError(r);
  return json(toEndpoint(r.endpoint));
});

export const deleteEndpointRoute = apiRoute<{ endpointId: string }>(SCOPE, async ({ params, caller }) => {
  const r = await deleteWebhookEndpoint(services().db, caller, idOf(params.endpointId, "Webhook endpoint"));
  if (!r.ok) throw refusalError(r);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
});

export const rotateSecretRoute = apiRoute<{ endpointId: string }>(SCOPE, async ({ params, caller }) => {
  const r = await rotateWebhookSecret(services().db, box(), caller, idOf(params.endpointId, "Webhook endpoint"));
  if (!r.ok) throw refusalError(r);
  return json({ secret: r.secret });
});

export const listDeliveriesRoute = apiRoute<{ endpointId: string }>(SCOPE, async ({ params, caller }) => {
  const r = await listWebhookDeliveries(services().db, caller, idOf(params.endpointId, "Webhook endpoint"));
  if (!r.ok) throw refusalError(r);
  return json({ deliveries: r.deliveries.map(toDelivery) });
});

export const replayDeliveryRoute = apiRoute<{ endpointId: string; deliveryId: string }>(SCOPE, async ({ params, caller }) => {
  const endpointId = idOf(params.endpointId, "Webhook endpoint");
  const deliveryId = idOf(params.deliveryId, "Delivery");
  const r = await replayWebhookDelivery(services().db, dispatchWebhook, caller, endpointId, deliveryId);
  if (!r.ok) throw refusalError(r);
  return json({ deliveryId, status: "PENDING" as const }, 202);
});
