// C10 over real HTTP, against the production web process: the served OpenAPI document, reference
// page and JWKS; a partner's token and calls over the wire; per-client rate limits on the token
// and order endpoints answering 429 with Retry-After (limits lowered by env; the token endpoint's
// per-address limit is in sign-in-throttle.int.test.ts). C8: answers are
// checked against the document.
import { createApiClient } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../../test/support/app";
import { contract } from "../../../../../test/support/openapi-contract";
import { startWeb, stopWeb, type WebProcess } from "../../../../../test/support/web";
import { openApiDocument } from "./openapi";

const TOKEN_LIMIT = 3;
const ORDERS_LIMIT = 3;
const db = testDb();
const { check } = contract(openApiDocument());
let web: WebProcess;
type Client = Awaited<ReturnType<typeof createApiClient>>;
const clients: Client[] = [];

beforeAll(async () => {
  web = await startWeb({ API_RATE_LIMIT_TOKEN_PER_MIN: String(TOKEN_LIMIT), API_RATE_LIMIT_ORDERS_PER_MIN: String(ORDERS_LIMIT) });
}, 600_000);
afterAll(async () => {
  if (web) await stopWeb(web);
  await db.apiClient.deleteMany({ where: { id: { in: clients.map((c) => c.clientId) } } });
  await db.user.deleteMany({ where: { id: { in: clients.map((c) => c.userId) } } });
  await closeDbs();
});

async function newClient(scopes = "orders:read orders:write") {
  const c = await createApiClient(db, { name: "Server test partner", scopes });
  clients.push(c);
  return c;
}

const requestToken = (c: Client, secret = c.clientSecret) =>
  fetch(`${web.base}/api/oauth/token`, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${c.clientId}:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
  });

describe("public API over HTTP", () => {
  it("[C10][C8] serves the OpenAPI document, a self-contained reference page and the JWKS", async () => {
    const doc = await fetch(`${web.base}/api/v1/openapi.json`);
    expect(doc.status).toBe(200);
    expect(await doc.json()).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    const page = await fetch(`${web.base}/api/v1/docs`);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("POST</span> <code>/api/v1/orders</code>");
    expect(html).not.toMatch(/<script|src="https?:|href="https?:/);
    const jwks = await check<{ keys: { kid: string }[] }>("/api/oauth/jwks", "get", await fetch(`${web.base}/api/oauth/jwks`));
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(await (await fetch(`${web.base}/.well-known/jwks.json`)).json()).toEqual(jwks);
  });

  it("[C10] a partner gets a token over HTTP and reads the catalog with it; without one, 401", async () => {
    const c = await newClient();
    const token = await check<{ access_token: string }>("/api/oauth/token", "post", await requestToken(c));
    const stores = await fetch(`${web.base}/api/v1/stores`, { headers: { authorization: `Bearer ${token.access_token}` } });
    expect(stores.status).toBe(200);
    expect((await check<{ stores: unknown[] }>("/api/v1/stores", "get", stores)).stores.length).toBeGreaterThan(0);
    const anonymous = await fetch(`${web.base}/api/v1/stores`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await check("/api/v1/stores", "get", anonymous);
  });

  it("[C10][C5][S1] token requests past the limit per client answer 429 with Retry-After — wrong secrets do not count against the client", async () => {
    const c = await newClient();
    for (let i = 0; i < TOKEN_LIMIT; i++) expect((await requestToken(c, "wrong-secret")).status).toBe(401);
    for (let i = 0; i < TOKEN_LIMIT; i++) expect((await requestToken(c)).status).toBe(200);
    const limited = await requestToken(c);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await check("/api/oauth/token", "post", limited)).toMatchObject({ error: "rate_limited" });
    expect((await requestToken(await newClient())).status).toBe(200); // another client has its own bucket
  });

  it("[C10][C5] order calls past the limit per client answer 429 RATE_LIMITED with Retry-After", async () => {
    const c = await newClient();
    const other = await newClient();
    const tokens = await Promise.all([c, other].map(async (x) => ((await (await requestToken(x)).json()) as { access_token: string }).access_token));
    const read = (token: string) =>
      fetch(`${web.base}/api/v1/orders/${globalThis.crypto.randomUUID()}`, { headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < ORDERS_LIMIT; i++) expect((await read(tokens[0]!)).status).toBe(404);
    const limited = await read(tokens[0]!);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await check("/api/v1/orders/{orderId}", "get", limited)).toMatchObject({ error: { code: "RATE_LIMITED" } });
    expect((await read(tokens[1]!)).status).toBe(404);
  });
});
