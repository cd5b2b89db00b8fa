// X4 integration tests' shared setup (webhooks.int.test.ts, webhooks-failed.int.test.ts): a
// partner's calls to the real route handlers, each answer checked against the OpenAPI document
// (C8), and the real worker runtime that plans and sends the deliveries. Import it after
// test/support/processor and test/support/webhook-env (they set the environment ~/env reads).
import { createApiClient } from "@bloom/app";
import { expect } from "vitest";
import { POST as tokenRoute } from "~/app/api/oauth/token/route";
import { POST as ordersRoute } from "~/app/api/v1/orders/route";
import { env } from "~/env";
import { checkout } from "../../../../../test/support/fixtures";
import { contract } from "../../../../../test/support/openapi-contract";
import { WEBHOOK_TEST_PREFIX } from "../../../../../test/support/webhook-env";
import { inProcessWorker } from "../../../../../test/support/worker";
import { openApiDocument } from "./openapi";

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Route = (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type ApiClient = Awaited<ReturnType<typeof createApiClient>>;

const BASE = "http://localhost:3000";
const { check } = contract(openApiDocument());

/** Calls a route handler as the API's HTTP adapter would; the answer must be one the document declares. */
export async function call(route: Route, template: string, method: "get" | "post" | "patch" | "delete", url: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  const res = await route(new Request(BASE + url, { method: method.toUpperCase(), ...init }), { params: Promise.resolve(params) });
  const body = await check<Json>(template, method, res);
  return { status: res.status, body };
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

/** An access token for the client (client credentials, HTTP Basic). */
export async function tokenFor(cl: ApiClient): Promise<string> {
  const r = await call(tokenRoute as Route, "/api/oauth/token", "post", "/api/oauth/token", {
    headers: { authorization: `Basic ${Buffer.from(`${cl.clientId}:${cl.clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials" }),
  });
  expect(r.status).toBe(200);
  return r.body.access_token as string;
}

/** Places an order over POST /api/v1/orders as the token's client; returns its id. */
export async function placeOrderAs(token: string): Promise<string> {
  const { idempotencyKey: _k, ...body } = checkout();
  const r = await call(ordersRoute as Route, "/api/v1/orders", "post", "/api/v1/orders", {
    headers: { ...auth(token), "idempotency-key": globalThis.crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** The real worker runtime on the webhook tests' queue prefix, sending to local receivers on a short schedule. */
export function webhookWorker(opts: { retryScheduleMs: number[]; sweepIntervalMs: number; sweepAfterMs: number }) {
  return inProcessWorker(WEBHOOK_TEST_PREFIX, undefined, {}, {
    webhooks: {
      allowLocal: true,
      // The web's key-encryption secret, so the worker opens the secrets web sealed (as in production).
      sealSecret: env.KEY_ENCRYPTION_SECRET ?? env.AUTH_SECRET,
      ...opts,
    },
  });
}
