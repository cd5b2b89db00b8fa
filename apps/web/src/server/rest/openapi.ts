// The public API's OpenAPI 3.1 document, generated from the same zod schemas that validate the
// requests and shape the answers (z.toJSONSchema, JSON Schema 2020-12 = OpenAPI 3.1's dialect).
import { API_SCOPE_DESCRIPTIONS, cancelOrderSchema, storeSearchSchema } from "@bloom/domain";
import { z } from "zod";
import { apiErrorSchema } from "./errors";
import { addWebhookSchemas, webhookEvents, webhookPaths, WEBHOOKS_TAG } from "./openapi-webhooks";
import {
  bouquetResource,
  IDEMPOTENCY_KEY,
  jwksSchema,
  oauthErrorSchema,
  orderResource,
  placeOrderBodySchema,
  storeListResource,
  storeMenuResource,
  storeResource,
  tokenRequestSchema,
  tokenResponseSchema,
} from "./schemas";

type Json = Record<string, unknown>;
const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const uri = (id: string) => `#/components/schemas/${id}`;

function schemas(): Record<string, Json> {
  const input = z.registry<{ id: string }>();
  input.add(placeOrderBodySchema, { id: "PlaceOrderRequest" });
  input.add(cancelOrderSchema, { id: "CancelOrderRequest" });
  input.add(tokenRequestSchema, { id: "TokenRequest" });
  const output = z.registry<{ id: string }>();
  output.add(storeResource, { id: "Store" });
  output.add(storeListResource, { id: "StoreList" });
  output.add(bouquetResource, { id: "Bouquet" });
  output.add(storeMenuResource, { id: "StoreMenu" });
  output.add(orderResource, { id: "Order" });
  output.add(apiErrorSchema, { id: "Error" });
  output.add(tokenResponseSchema, { id: "TokenResponse" });
  output.add(oauthErrorSchema, { id: "OAuthError" });
  output.add(jwksSchema, { id: "JWKS" });
  addWebhookSchemas(input, output);
  const all = {
    ...z.toJSONSchema(input, { target: "draft-2020-12", io: "input", uri }).schemas,
    ...z.toJSONSchema(output, { target: "draft-2020-12", io: "output", uri }).schemas,
  };
  // Components live inside one document: no $schema or $id of their own.
  return Object.fromEntries(Object.entries(all).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest as Json]));
}

function queryParameters(schema: z.ZodObject): Json[] {
  const js = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input" }) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({ name, in: "query", required: js.required?.includes(name) ?? false, schema: s }));
}

const json = (schema: Json, description: string, extra: Json = {}) => ({ description, content: { "application/json": { schema } }, ...extra });
const errorResponse = (id: string) => ({ $ref: `#/components/responses/${id}` });
const idParam = (name: string, what: string) => ({ name, in: "path", required: true, description: what, schema: { type: "string", format: "uuid" } });

const AUTH_ERRORS = { "401": errorResponse("Unauthorized"), "500": errorResponse("Internal") };
// The token, order and webhook endpoints are rate-limited (per client; the token endpoint per address too).
const LIMITED_ERRORS = { ...AUTH_ERRORS, "429": errorResponse("RateLimited") };

function paths(): Json {
  return {
    "/api/oauth/token": {
      post: {
        tags: ["Authentication"],
        operationId: "getToken",
        summary: "Get an access token (OAuth2 client credentials)",
        description:
          "Send the client id and secret with HTTP Basic (preferred) or in the body. The token is a short-lived ES256 JWT " +
          "(`iss`, `aud` = `bloom-api`, `sub` = client id, `scope`, `exp`, `kid` header); reuse it until it expires.",
        security: [{ clientSecretBasic: [] }, {}],
        requestBody: {
          required: true,
          content: { "application/x-www-form-urlencoded": { schema: ref("TokenRequest") }, "application/json": { schema: ref("TokenRequest") } },
        },
        responses: {
          "200": json(ref("TokenResponse"), "A new access token", { headers: { "Cache-Control": { schema: { type: "string", const: "no-store" } } } }),
          "400": json(ref("OAuthError"), "invalid_request, unsupported_grant_type or invalid_scope"),
          "401": json(ref("OAuthError"), "invalid_client: unknown client, wrong secret, revoked, or no credentials"),
          "429": json(ref("OAuthError"), "rate_limited: too many token requests from this address, or for this (verified) client", { headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } } }),
          "500": json(ref("OAuthError"), "server_error"),
        },
      },
    },
    "/api/oauth/jwks": {
      get: {
        tags: ["Authentication"],
        operationId: "getJwks",
        summary: "Public keys that verify access tokens (JWKS; also at /.well-known/jwks.json)",
        description: "Every key not yet retired, so tokens signed before a key rotation still verify until they expire.",
        security: [],
        responses: { "200": json(ref("JWKS"), "The key set") },
      },
    },
    "/api/v1/stores": {
      get: {
        tags: ["Catalog"],
        operationId: "listStores",
        summary: "List shops",
        description: "Any valid access token may read the catalog.",
        security: [{ oauth2: [] }],
        parameters: queryParameters(storeSearchSchema),
        responses: { "200": json(ref("StoreList"), "The shops, by name"), "400": errorResponse("BadRequest"), ...AUTH_ERRORS },
      },
    },
    "/api/v1/stores/{storeId}/bouquets": {
      get: {
        tags: ["Catalog"],
        operationId: "listBouquets",
        summary: "A shop and the bouquets it sells",
        security: [{ oauth2: [] }],
        parameters: [idParam("storeId", "The shop")],
        responses: { "200": json(ref("StoreMenu"), "The shop and its bouquets, cheapest first"), "404": errorResponse("NotFound"), ...AUTH_ERRORS },
      },
    },
    "/api/v1/orders": {
      post: {
        tags: ["Orders"],
        operationId: "placeOrder",
        summary: "Place and pay an order",
        description:
          "The card is charged at once; a declined or failed payment creates no order. Bouquets must come from one shop " +
          "and be in stock; the delivery date is today or later in Korea, and today's time slot must not have ended. " +
          "Retrying with the same `Idempotency-Key` returns the same order (200) and never charges twice; the same key " +
          "with a different order (shop, bouquets, delivery or card) is refused with 422 IDEMPOTENCY_KEY_REUSED.",
        security: [{ oauth2: ["orders:write"] }],
        parameters: [
          {
            name: IDEMPOTENCY_KEY,
            in: "header",
            required: true,
            description: "A UUID you choose once per order; reuse it when you retry.",
            schema: { type: "string", format: "uuid" },
          },
        ],
        requestBody: { required: true, content: { "application/json": { schema: ref("PlaceOrderRequest") } } },
        responses: {
          "201": json(ref("Order"), "The order was placed and paid", { headers: { Location: { description: "The order's URL", schema: { type: "string" } } } }),
          "200": json(ref("Order"), "A retry with the same Idempotency-Key: the order placed the first time", {
            headers: { "Idempotent-Replayed": { schema: { type: "string", const: "true" } } },
          }),
          "400": errorResponse("BadRequest"),
          "402": json(ref("Error"), "PAYMENT_DECLINED or INSUFFICIENT_FUNDS: the card was refused; no order was created"),
          "403": errorResponse("Forbidden"),
          "404": errorResponse("NotFound"),
          "409": json(ref("Error"), "OUT_OF_STOCK, BOUQUET_UNAVAILABLE (also a size the bouquet is not offered in), ADDON_UNAVAILABLE, STORE_CLOSED, or the delivery slot cannot be booked: SLOT_CLOSED (closed day or hours), SLOT_TOO_SOON (lead time or cutoff), SLOT_FULL (capacity); nothing was charged"),
          "422": json(ref("Error"), "IDEMPOTENCY_KEY_REUSED: this Idempotency-Key already placed a different order; OUTSIDE_DELIVERY_ZONE: the shop does not deliver to the address; BELOW_MINIMUM_ORDER: below the minimum order for the address. Nothing was charged"),
          "502": json(ref("Error"), "PAYMENT_FAILED: the card processor failed; nothing was charged"),
          "503": json(ref("Error"), "PAYMENT_BUSY: payments are slow or failing right now; retry after the time given", {
            headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
          }),
          ...LIMITED_ERRORS,
        },
      },
    },
    "/api/v1/orders/{orderId}": {
      get: {
        tags: ["Orders"],
        operationId: "getOrder",
        summary: "An order's status and details",
        description: "Only orders this client placed; any other id answers 404.",
        security: [{ oauth2: ["orders:read"] }],
        parameters: [idParam("orderId", "The order")],
        responses: { "200": json(ref("Order"), "The order"), "403": errorResponse("Forbidden"), "404": errorResponse("NotFound"), ...LIMITED_ERRORS },
      },
    },
    "/api/v1/orders/{orderId}/cancel": {
      post: {
        tags: ["Orders"],
        operationId: "cancelOrder",
        summary: "Cancel an order",
        description:
          "Allowed until the rider picks the bouquet up at the shop (a rider having only claimed the delivery does not stop it; " +
          "the order's `status` stays `DECORATED` until the pickup, then `DELIVERING`). The payment is refunded and the shop's order and any delivery are cancelled " +
          "shortly after (`payment.refunded` turns true). Cancelling a cancelled order answers 200 again.",
        security: [{ oauth2: ["orders:write"] }],
        parameters: [idParam("orderId", "The order")],
        requestBody: { required: false, content: { "application/json": { schema: ref("CancelOrderRequest") } } },
        responses: {
          "200": json(ref("Order"), "The cancelled order"),
          "400": errorResponse("BadRequest"),
          "403": errorResponse("Forbidden"),
          "404": errorResponse("NotFound"),
          "409": json(ref("Error"), "CANNOT_CANCEL: the bouquet has been picked up, or the order is finished"),
          ...LIMITED_ERRORS,
        },
      },
    },
  };
}

function build(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Bloom public API",
      version: "1.0.0",
      description:
        "Order bouquets from Bloom's flower shops for your customers. Get an access token with your client credentials " +
        "(`POST /api/oauth/token`), then call `/api/v1` with `Authorization: Bearer <token>`. Prices are in Korean won. " +
        "Errors answer `{ \"error\": { \"code\", \"message\", \"field\"? } }`; `code` is stable, `message` is for people.",
    },
    servers: [{ url: "/" }],
    tags: [
      { name: "Authentication", description: "OAuth2 client credentials and the token signing keys" },
      { name: "Catalog", description: "Shops and bouquets" },
      { name: "Orders", description: "Orders this client places, reads and cancels" },
      WEBHOOKS_TAG,
    ],
    paths: { ...paths(), ...webhookPaths() },
    webhooks: webhookEvents(),
    components: {
      schemas: schemas(),
      securitySchemes: {
        oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/api/oauth/token", scopes: API_SCOPE_DESCRIPTIONS } } },
        clientSecretBasic: { type: "http", scheme: "basic", description: "client_id and client_secret as HTTP Basic user and password" },
      },
      headers: {
        "Retry-After": { description: "Seconds to wait before retrying", required: true, schema: { type: "string", pattern: "^\\d+$" } },
        "WWW-Authenticate": { description: "The Bearer challenge (RFC 6750) with the reason", required: true, schema: { type: "string" } },
      },
      responses: {
        BadRequest: json(ref("Error"), "VALIDATION: the request is malformed; `field` names the field or header at fault"),
        Unauthorized: json(ref("Error"), "UNAUTHORIZED: no access token, or it is expired, badly signed, for another audience, or revoked", {
          headers: { "WWW-Authenticate": { $ref: "#/components/headers/WWW-Authenticate" } },
        }),
        Forbidden: json(ref("Error"), "INSUFFICIENT_SCOPE: the token lacks the scope this call needs", {
          headers: { "WWW-Authenticate": { $ref: "#/components/headers/WWW-Authenticate" } },
        }),
        NotFound: json(ref("Error"), "NOT_FOUND: no such shop, bouquet or order (another client's orders read as not found)"),
        RateLimited: json(ref("Error"), "RATE_LIMITED: too many calls by this client; retry after the time given", {
          headers: { "Retry-After": { $ref: "#/components/headers/Retry-After" } },
        }),
        Internal: json(ref("Error"), "INTERNAL: our fault; nothing about it is shown"),
      },
    },
  };
}

let doc: Json | undefined;
/** The document (built once per process: it depends only on code). */
export const openApiDocument = (): Json => (doc ??= build());
