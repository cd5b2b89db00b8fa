// X4: the webhook management routes (scope webhooks:manage) count every call against the client's
// limit — the same Redis-backed limiter as the orders API and sign-in: past it, 429 with
// Retry-After, nothing stored, and another client is not affected. Answers checked against the
// OpenAPI document (C8).
// First: a limit of 3 calls per window for this file, set before ~/env is read below.
import { WEBHOOK_CALLS_PER_WINDOW } from "../../../../../test/support/webhook-rate-limit-env";
import { createApiClient } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as tokenRoute } from "~/app/api/oauth/token/route";
import { GET as eventTypesRoute } from "~/app/api/v1/webhooks/event-types/route";
import { GET as listRoute, POST as createRoute } from "~/app/api/v1/webhooks/route";
import { contract } from "../../../../../test/support/openapi-contract";
import { services } from "../services";
import { openApiDocument } from "./openapi";

const { db } = services();
const { check } = contract(openApiDocument());
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Route = (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(route: Route, template: string, method: "get" | "post", token: string, body?: unknown) {
  const res = await route(
    new Request(`http://localhost:3000${template}`, { method: method.toUpperCase(), headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await check<Json>(template, method, res) };
}
async function tokenOf(name: string) {
  const cl = await createApiClient(db, { name, scopes: "webhooks:manage" });
  const res = await (tokenRoute as Route)(
    new Request("http://localhost:3000/api/oauth/token", {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${cl.clientId}:${cl.clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials" }),
    }),
    { params: Promise.resolve({}) },
  );
  expect(res.status).toBe(200);
  return { clientId: cl.clientId, token: ((await res.json()) as Json).access_token as string };
}

let a: { clientId: string; token: string };
let b: { clientId: string; token: string };
beforeAll(async () => {
  a = await tokenOf("Partner R (webhook rate limit)");
  b = await tokenOf("Partner S (webhook rate limit)");
});
afterAll(() => closeDbs());

describe("webhook routes' rate limit (X4)", () => {
  it("[X4] past the client's limit every webhook route answers 429 with Retry-After, before anything is stored; another client is unaffected", async () => {
    const endpoint = { url: "https://partner.example.com/hooks", eventTypes: ["order.placed"] };
    // Within the limit: reads, then a registration as the last call the window allows — all counted.
    for (let i = 0; i < WEBHOOK_CALLS_PER_WINDOW - 1; i++) {
      expect((await call((i % 2 ? listRoute : eventTypesRoute) as Route, i % 2 ? "/api/v1/webhooks" : "/api/v1/webhooks/event-types", "get", a.token)).status).toBe(200);
    }
    expect((await call(createRoute as Route, "/api/v1/webhooks", "post", a.token, endpoint)).status).toBe(201);

    const over = await call(createRoute as Route, "/api/v1/webhooks", "post", a.token, { ...endpoint, url: "https://partner.example.com/other" });
    expect([over.status, over.body.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(await db.webhookEndpoint.count({ where: { clientId: a.clientId } })).toBe(1);
    for (const [route, template, method] of [
      [listRoute, "/api/v1/webhooks", "get"],
      [eventTypesRoute, "/api/v1/webhooks/event-types", "get"],
    ] as const) {
      expect((await call(route as Route, template, method, a.token)).status, template).toBe(429);
    }

    // Partner S has a window of its own.
    expect((await call(createRoute as Route, "/api/v1/webhooks", "post", b.token, endpoint)).status).toBe(201);
    expect(await db.webhookEndpoint.count({ where: { clientId: b.clientId } })).toBe(1);
  });
});
