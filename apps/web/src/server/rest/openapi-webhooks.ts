// X4: the webhooks part of the OpenAPI 3.1 document — the endpoints that manage them (paths), and
// what Bloom POSTs to a partner's endpoint (the document's `webhooks` section, one per event type).
import { createWebhookEndpointSchema, MAX_WEBHOOK_ENDPOINTS, updateWebhookEndpointSchema, WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, webhookPayloadSchema, WEBHOOK_RETRY_SCHEDULE_MS } from "@bloom/domain";
import type { z } from "zod";
import {
  webhookDeliveryListResource,
  webhookDeliveryResource,
  webhookEndpointCreatedResource,
  webhookEndpointListResource,
  webhookEndpointResource,
  webhookEventTypeListResource,
  webhookReplayResource,
  webhookSecretResource,
} from "./webhook-schemas";

type Json = Record<string, unknown>;
type Registry = z.core.$ZodRegistry<{ id: string }>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const json = (schema: Json, description: string, extra: Json = {}) => ({ description, content: { "application/json": { schema } }, ...extra });
const err = (id: string) => ({ $ref: `#/components/responses/${id}` });
// Every webhook route counts against the client's limit (API_RATE_LIMIT_WEBHOOKS_PER_MIN).
const AUTH = { "401": err("Unauthorized"), "403": err("Forbidden"), "429": err("RateLimited"), "500": err("Internal") };
const idParam = (name: string, what: string) => ({ name, in: "path", required: true, description: what, schema: { type: "string", format: "uuid" } });
const security = [{ oauth2: ["webhooks:manage"] }];
const TAG = ["Webhooks"];

export function addWebhookSchemas(input: Registry, output: Registry) {
  // The URL rules of production (https, public hosts); the document does not depend on the deployment.
  input.add(createWebhookEndpointSchema({ allowLocal: false }), { id: "CreateWebhookEndpointRequest" });
  input.add(updateWebhookEndpointSchema({ allowLocal: false }), { id: "UpdateWebhookEndpointRequest" });
  output.add(webhookEndpointResource, { id: "WebhookEndpoint" });
  output.add(webhookEndpointListResource, { id: "WebhookEndpointList" });
  output.add(webhookEndpointCreatedResource, { id: "WebhookEndpointCreated" });
  output.add(webhookSecretResource, { id: "WebhookSecret" });
  output.add(webhookEventTypeListResource, { id: "WebhookEventTypeList" });
  output.add(webhookDeliveryResource, { id: "WebhookDelivery" });
  output.add(webhookDeliveryListResource, { id: "WebhookDeliveryList" });
  output.add(webhookReplayResource, { id: "WebhookReplay" });
  output.add(webhookPayloadSchema, { id: "WebhookEvent" });
}

const hours = (ms: number) => (ms >= 3_600_000 ? `${ms / 3_600_000} h` : ms >= 60_000 ? `${ms / 60_000} min` : `${ms / 1000} s`);
const SCHEDULE = WEBHOOK_RETRY_SCHEDULE_MS.map(hours).join(", ");

export const WEBHOOKS_TAG = {
  name: "Webhooks",
  description:
    "Signed webhooks (Standard Webhooks) for your own orders' events. Each delivery is a POST with the headers `webhook-id` " +
    "(the same on every retry and replay: deduplicate on it), `webhook-timestamp` (Unix seconds) and `webhook-signature` " +
    "(`v1,<base64 HMAC-SHA256 of \"id.timestamp.body\">` with the endpoint's secret); verify it with any Standard Webhooks " +
    "library (e.g. `new Webhook(secret).verify(body, headers)`). Answer 2xx within 10 s; anything else (a 3xx too: redirects " +
    `are not followed) is retried after ${SCHEDULE} (${WEBHOOK_RETRY_SCHEDULE_MS.length + 1} attempts over more than 24 h), then the delivery is FAILED ` +
    "and can be replayed. Deliveries can arrive out of order: `data.order.updatedAt` and `timestamp` tell which is newer.",
};

export function webhookPaths(): Json {
  const one = idParam("endpointId", "The webhook endpoint");
  return {
    "/api/v1/webhooks/event-types": {
      get: {
        tags: TAG,
        operationId: "listWebhookEventTypes",
        summary: "The event types an endpoint can subscribe to",
        security,
        responses: { "200": json(ref("WebhookEventTypeList"), "Every published event type"), ...AUTH },
      },
    },
    "/api/v1/webhooks": {
      get: {
        tags: TAG,
        operationId: "listWebhookEndpoints",
        summary: "This client's webhook endpoints",
        security,
        responses: { "200": json(ref("WebhookEndpointList"), "The endpoints, oldest first (secrets are never shown again)"), ...AUTH },
      },
      post: {
        tags: TAG,
        operationId: "createWebhookEndpoint",
        summary: "Register a webhook endpoint",
        description:
          `An https URL on a public host (no user name, password or fragment; private, loopback and link-local addresses are refused, ` +
          `also when the host name resolves to one at delivery time) and at least one event type. At most ${MAX_WEBHOOK_ENDPOINTS} endpoints per client. ` +
          "The answer carries the signing secret, shown only this once.",
        security,
        requestBody: { required: true, content: { "application/json": { schema: ref("CreateWebhookEndpointRequest") } } },
        responses: {
          "201": json(ref("WebhookEndpointCreated"), "The endpoint, with its secret", { headers: { Location: { description: "The endpoint's URL", schema: { type: "string" } } } }),
          "400": err("BadRequest"),
          ...AUTH,
        },
      },
    },
    "/api/v1/webhooks/{endpointId}": {
      get: {
        tags: TAG,
        operationId: "getWebhookEndpoint",
        summary: "One webhook endpoint",
        security,
        parameters: [one],
        responses: { "200": json(ref("WebhookEndpoint"), "The endpoint"), "404": err("NotFound"), ...AUTH },
      },
      patch: {
        tags: TAG,
        operationId: "updateWebhookEndpoint",
        summary: "Change an endpoint: URL, event types, description, enabled",
        description: "A disabled endpoint is sent nothing new; its pending deliveries end FAILED (replay them once it is enabled again).",
        security,
        parameters: [one],
        requestBody: { required: true, content: { "application/json": { schema: ref("UpdateWebhookEndpointRequest") } } },
        responses: { "200": json(ref("WebhookEndpoint"), "The endpoint as changed"), "400": err("BadRequest"), "404": err("NotFound"), ...AUTH },
      },
      delete: {
        tags: TAG,
        operationId: "deleteWebhookEndpoint",
        summary: "Delete an endpoint and its delivery log",
        security,
        parameters: [one],
        responses: { "204": { description: "Deleted" }, "404": err("NotFound"), ...AUTH },
      },
    },
    "/api/v1/webhooks/{endpointId}/rotate-secret": {
      post: {
        tags: TAG,
        operationId: "rotateWebhookSecret",
        summary: "A new signing secret",
        description: "The new secret signs every attempt from now on, retries of older deliveries too; the old one stops at once.",
        security,
        parameters: [one],
        responses: { "200": json(ref("WebhookSecret"), "The new secret, shown only this once"), "404": err("NotFound"), ...AUTH },
      },
    },
    "/api/v1/webhooks/{endpointId}/deliveries": {
      get: {
        tags: TAG,
        operationId: "listWebhookDeliveries",
        summary: "Recent deliveries to an endpoint, with every attempt",
        description: "The 50 most recent, newest first.",
        security,
        parameters: [one],
        responses: { "200": json(ref("WebhookDeliveryList"), "The deliveries"), "404": err("NotFound"), ...AUTH },
      },
    },
    "/api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay": {
      post: {
        tags: TAG,
        operationId: "replayWebhookDelivery",
        summary: "Send a delivery again",
        description: "The same webhook-id and body, a new timestamp and signature, with the full retry schedule.",
        security,
        parameters: [one, idParam("deliveryId", "The delivery")],
        responses: {
          "202": json(ref("WebhookReplay"), "Queued"),
          "404": err("NotFound"),
          "409": json(ref("Error"), "INVALID_TRANSITION: the delivery is still being sent"),
          ...AUTH,
        },
      },
    },
  };
}

/** The `webhooks` section: what Bloom POSTs for each event type. */
export function webhookEvents(): Json {
  const header = (name: string, description: string) => ({ name, in: "header", required: true, description, schema: { type: "string" } });
  return Object.fromEntries(
    WEBHOOK_EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          tags: TAG,
          operationId: `webhook_${type.replace(".", "_")}`,
          summary: WEBHOOK_EVENT_DESCRIPTIONS[type],
          description: "`data.order` is the order as this event left it (the fields of GET /api/v1/orders/{orderId}, without payment card or history).",
          parameters: [
            header("webhook-id", "The message id: the same on every retry and replay; deduplicate on it"),
            header("webhook-timestamp", "Unix time (seconds) of this attempt; refuse ones far from now"),
            header("webhook-signature", "v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\"> with the endpoint's secret"),
          ],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { allOf: [ref("WebhookEvent")], properties: { type: { const: type } } } } },
          },
          responses: { "200": { description: "Any 2xx: received (answer within 10 s; the body is ignored)" } },
        },
      },
    ]),
  );
}
