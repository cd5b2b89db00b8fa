// C8: the public API's OpenAPI document is valid OpenAPI 3.1 (checked by a maintained validator),
// generated from the same zod schemas the handlers use, and its reference page is self-contained.
import { Validator } from "@seriousme/openapi-schema-validator";
import { addDays, API_SCOPES, DOMAIN_ERROR_CODES, todayInSeoul, WEBHOOK_EVENT_TYPES } from "@bloom/domain";
import { describe, expect, it } from "vitest";
import { contract } from "../../../../../test/support/openapi-contract";
import { renderDocsPage } from "./docs-page";
import { openApiDocument } from "./openapi";
import { placeOrderBodySchema } from "./schemas";

const doc = openApiDocument();
const paths = doc.paths as Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>;

const body = {
  storeId: "9f1c3f5e-2b4a-4c1d-8e5f-6a7b8c9d0e1f",
  items: [{ bouquetId: "0b1c2d3e-4f5a-4b6c-8d7e-8f9a0b1c2d3e", quantity: 2 }],
  delivery: { recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432", address: "88 Eulji-ro, Jung-gu, Seoul", deliveryDate: addDays(todayInSeoul(), 30), timeSlot: "12-15" },
  card: { number: "4242 4242 4242 4242", expiry: "12/99", cvc: "123" },
};

describe("OpenAPI document", () => {
  it("[C8] is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const res = await validator.validate(structuredClone(doc));
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("[C8][C10] documents every public endpoint, and every operation its auth and error answers", () => {
    expect(Object.keys(paths).sort()).toEqual([
      "/api/oauth/jwks",
      "/api/oauth/token",
      "/api/v1/orders",
      "/api/v1/orders/{orderId}",
      "/api/v1/orders/{orderId}/cancel",
      "/api/v1/stores",
      "/api/v1/stores/{storeId}/bouquets",
      "/api/v1/webhooks",
      "/api/v1/webhooks/event-types",
      "/api/v1/webhooks/{endpointId}",
      "/api/v1/webhooks/{endpointId}/deliveries",
      "/api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay",
      "/api/v1/webhooks/{endpointId}/rotate-secret",
    ]);
    for (const [path, methods] of Object.entries(paths)) {
      for (const op of Object.values(methods)) {
        expect(op.operationId).toBeTruthy();
        if (path.startsWith("/api/v1")) expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401"]));
        if (path.startsWith("/api/v1")) expect(Object.keys(op.responses).some((c) => /^2\d\d$/.test(c))).toBe(true);
        if (path.startsWith("/api/v1/orders")) expect(Object.keys(op.responses)).toContain("429");
      }
    }
    const scopes = (doc.components as { securitySchemes: { oauth2: { flows: { clientCredentials: { scopes: object } } } } }).securitySchemes.oauth2.flows
      .clientCredentials.scopes;
    expect(Object.keys(scopes)).toEqual([...API_SCOPES]);
  });

  it("[C8] the request schema in the document and the zod schema the handler uses agree", () => {
    const { validateComponent } = contract(doc);
    expect(placeOrderBodySchema.safeParse(body).success).toBe(true);
    expect(validateComponent("PlaceOrderRequest", body)).toEqual([]);
    const broken = [
      { ...body, items: [] },
      { ...body, delivery: { ...body.delivery, timeSlot: "25-26" } },
      { ...body, delivery: { ...body.delivery, recipientPhone: "call me" } },
      { ...body, storeId: "not-a-uuid" },
    ];
    for (const b of broken) {
      expect(placeOrderBodySchema.safeParse(b).success).toBe(false);
      expect(validateComponent("PlaceOrderRequest", b)).not.toEqual([]);
    }
    type ErrorSchema = { properties: { error: { properties: { code: { enum: string[] } } } } };
    const codes = (doc.components as { schemas: { Error: ErrorSchema } }).schemas.Error.properties.error.properties.code.enum;
    expect(codes).toEqual(expect.arrayContaining([...DOMAIN_ERROR_CODES]));
  });

  it("[C8] the reference page lists every operation and loads nothing from elsewhere", () => {
    const html = renderDocsPage(doc);
    for (const methods of Object.values(paths)) for (const op of Object.values(methods)) expect(html).toContain(`id="${op.operationId}"`);
    expect(html).toContain('id="schema-Order"');
    expect(html).toContain('id="webhook_order_placed"'); // X4: what Bloom sends, too
    expect(html).not.toMatch(/<script|<link|src="https?:|href="https?:/);
  });

  it("[X4][C8] the webhooks section describes a signed POST for every published event type, its body the WebhookEvent schema", () => {
    const hooks = doc.webhooks as Record<string, { post: { parameters: { name: string }[]; requestBody: { content: Record<string, { schema: { allOf: { $ref: string }[] } }> } } }>;
    expect(Object.keys(hooks)).toEqual([...WEBHOOK_EVENT_TYPES]);
    for (const h of Object.values(hooks)) {
      expect(h.post.parameters.map((p) => p.name)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
      expect(h.post.requestBody.content["application/json"]!.schema.allOf[0]!.$ref).toBe("#/components/schemas/WebhookEvent");
    }
    const { validateComponent } = contract(doc);
    const order = {
      id: "00000000-0000-4000-8000-000000000001", status: "PLACED", statusReason: null, storeId: "00000000-0000-4000-8000-000000000002",
      storeName: "S", storeNameKo: "S", totalWon: 1, deliveryFeeWon: 0, items: [], addons: [], refunded: false, createdAt: "2026-12-01T00:00:00.000Z", updatedAt: "2026-12-01T00:00:00.000Z",
      delivery: { recipientName: "R", recipientPhone: "010", address: "A", deliveryDate: "2026-12-02", timeSlot: "10-12", giftMessage: null, note: null, redeliveryFeeWon: 0 },
    };
    expect(validateComponent("WebhookEvent", { type: "order.placed", timestamp: "2026-12-01T00:00:00.000Z", data: { order, event: {} } })).toEqual([]);
    expect(validateComponent("WebhookEvent", { type: "order.exploded", timestamp: "2026-12-01T00:00:00.000Z", data: { order, event: {} } })).not.toEqual([]);
  });
});
