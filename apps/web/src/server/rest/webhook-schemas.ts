// X4: the webhook endpoints' REST contract in zod (requests come from the domain's schemas; the
// answers are shaped here, field by field). The OpenAPI document is generated from these.
import { WEBHOOK_EVENT_TYPES } from "@bloom/domain";
import { z } from "zod";

const timestamp = z.iso.datetime().describe("ISO 8601 time (UTC)");

export const webhookEndpointResource = z.object({
  id: z.uuid(),
  url: z.string(),
  description: z.string().nullable(),
  eventTypes: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  enabled: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const webhookEndpointListResource = z.object({ endpoints: z.array(webhookEndpointResource) });
export const webhookEndpointCreatedResource = webhookEndpointResource.extend({
  secret: z.string().describe("The signing secret (whsec_…): shown only now; verify every delivery with it"),
});
export const webhookSecretResource = z.object({ secret: z.string().describe("The new signing secret (whsec_…), in use at once") });
export const webhookEventTypeListResource = z.object({
  eventTypes: z.array(z.object({ type: z.enum(WEBHOOK_EVENT_TYPES), description: z.string() })),
});

export const webhookDeliveryResource = z.object({
  id: z.uuid(),
  webhookId: z.string().describe("The webhook-id header: the same on every attempt and replay of this delivery"),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  orderId: z.uuid(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED"]),
  createdAt: timestamp,
  deliveredAt: timestamp.nullable(),
  replays: z.number().int(),
  attempts: z.array(
    z.object({
      at: timestamp,
      durationMs: z.number().int(),
      statusCode: z.number().int().nullable().describe("Your server's HTTP status; null when no answer came (error says why)"),
      error: z.string().nullable(),
      responseSnippet: z.string().nullable().describe("The start of your server's answer (at most 1,000 characters)"),
    }),
  ),
});
export const webhookDeliveryListResource = z.object({ deliveries: z.array(webhookDeliveryResource) });
export const webhookReplayResource = z.object({ deliveryId: z.uuid(), status: z.literal("PENDING") });
