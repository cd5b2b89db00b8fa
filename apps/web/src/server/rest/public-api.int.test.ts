// C10: the public REST API is a second inbound adapter over the same use cases as tRPC. A partner
// gets a token and places, reads and cancels an order over HTTP (the route handlers with real
// Requests, the real PostgreSQL, Redis and worker); bad tokens change nothing. C8: every answer
// is checked against the OpenAPI document.
// First: reserves the file's sandbox processor and sets PROCESSOR_URL before ~/env is read below.
import { PROCESSOR_URL } from "../../../../../test/support/processor";
import {
  boardFor,
  createApiClient,
  ProcessorControl,
  issueAccessToken,
  placeOrder as placeOrderUseCase,
  retireSigningKey,
  revokeApiClient,
  rotateSigningKey,
  SigningKeys,
  verifyAccessToken,
} from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { createLocalJWKSet, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as wellKnownJwks } from "~/app/.well-known/jwks.json/route";
import { GET as jwksRoute } from "~/app/api/oauth/jwks/route";
import { POST as tokenRoute } from "~/app/api/oauth/token/route";
import { POST as cancelRoute } from "~/app/api/v1/orders/[orderId]/cancel/route";
import { GET as orderRoute } from "~/app/api/v1/orders/[orderId]/route";
import { POST as ordersRoute } from "~/app/api/v1/orders/route";
import { GET as bouquetsRoute } from "~/app/api/v1/stores/[storeId]/bouquets/route";
import { GET as storesRoute } from "~/app/api/v1/stores/route";
import { resetOrders, testContext } from "../../../../../test/support/app";
import { CARDS, checkout, CUSTOMER, OWNER, ROSES, SOLD_OUT, STORE } from "../../../../../test/support/fixtures";
import { contract } from "../../../../../test/support/openapi-contract";
import { waitFor } from "../../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../../test/support/worker";
import type { WorkerRuntime } from "../../../../../apps/worker/src/runtime";
import { services } from "../services";
import { keyWrap, signingKeys, tokenSettings } from "./access";
import { openApiDocument } from "./openapi";

const BASE = "http://localhost:3000";
const { db } = services();
const { check } = contract(openApiDocument());
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Client = Awaited<ReturnType<typeof createApiClient>>;
type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let worker: WorkerRuntime;
let partner: Client; // orders:read orders:write
let reader: Client; // orders:read only
let other: Client; // another partner
const clients: Client[] = [];

async function newClient(name: string, scopes: string) {
  const c = await createApiClient(db, { name, scopes });
  clients.push(c);
  return c;
}

beforeAll(async () => {
  await resetOrders(db);
  worker = await inProcessWorker(uniquePrefix("public-api"));
  partner = await newClient("Gift Co (test)", "orders:read orders:write");
  reader = await newClient("Read-only partner (test)", "orders:read");
  other = await newClient("Other partner (test)", "orders:read orders:write");
});
afterAll(async () => {
  await worker?.stop();
  await closeDbs();
});

/** Calls a route handler like Next does and checks the answer against the OpenAPI document. */
async function call(route: Route, template: string, method: "get" | "post", url: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  const res = await route(new Request(BASE + url, { method: method.toUpperCase(), ...init }), { params: Promise.resolve(params) });
  const headers = res.headers;
  const body = await check<Json>(template, method, res);
  return { status: res.status, headers, body };
}

const basic = (c: Client) => `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64")}`;

async function tokenFor(c: Client, scope?: string) {
  const form = new URLSearchParams({ grant_type: "client_credentials", ...(scope ? { scope } : {}) });
  const r = await call(tokenRoute as Route, "/api/oauth/token", "post", "/api/oauth/token", {
    headers: { authorization: basic(c), "content-type": "application/x-www-form-urlencoded" },
    body: form,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.access_token as string;
}

const bearer = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra });

const place = (token: string, body: unknown, key: string | null = globalThis.crypto.randomUUID()) =>
  call(ordersRoute as Route, "/api/v1/orders", "post", "/api/v1/orders", {
    headers: bearer(token, { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}) }),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const getOrder = (headers: Record<string, string>, orderId: string) =>
  call(orderRoute as Route, "/api/v1/orders/{orderId}", "get", `/api/v1/orders/${orderId}`, { headers }, { orderId });

const cancel = (headers: Record<string, string>, orderId: string, body: unknown = {}) =>
  call(cancelRoute as Route, "/api/v1/orders/{orderId}/cancel", "post", `/api/v1/orders/${orderId}/cancel`, {
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  }, { orderId });

/** The checkout body of the web app, without its idempotency key (the header carries it). */
function orderBody(over: Record<string, unknown> = {}) {
  const { idempotencyKey: _k, ...body } = checkout(over);
  return body;
}

const orderCount = () => db.order.count();
const processor = new ProcessorControl(PROCESSOR_URL);
/** Charges in the processor's ledger (its own API): a refused request must not add one. */
const chargeCount = async () => (await processor.charges()).length;

describe("public API: tokens", () => {
  it("[C10][C8] client credentials (Basic or body, form or JSON) give a short-lived ES256 JWT that the JWKS verifies", async () => {
    const token = await tokenFor(partner);
    const json = await call(tokenRoute as Route, "/api/oauth/token", "post", "/api/oauth/token", {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", client_id: reader.clientId, client_secret: reader.clientSecret }),
    });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ token_type: "Bearer", expires_in: 600, scope: "orders:read" });
    expect(json.headers.get("cache-control")).toBe("no-store");

    const jwks = await call(jwksRoute as Route, "/api/oauth/jwks", "get", "/api/oauth/jwks");
    expect(jwks.body.keys.length).toBeGreaterThan(0);
    expect(JSON.stringify(jwks.body)).not.toMatch(/"d"/); // public halves only
    expect(await (await wellKnownJwks()).json()).toEqual(jwks.body);
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks.body as never), { audience: "bloom-api", issuer: "bloom" });
    expect(protectedHeader).toMatchObject({ alg: "ES256", typ: "at+jwt" });
    expect(jwks.body.keys.map((k: Json) => k.kid)).toContain(protectedHeader.kid);
    expect(payload).toMatchObject({ sub: partner.clientId, scope: "orders:read orders:write", aud: "bloom-api" });
    expect(payload.exp! - payload.iat!).toBe(600);

    // a narrower scope on request
    const narrow = await tokenFor(partner, "orders:read");
    expect((await jwtVerify(narrow, createLocalJWKSet(jwks.body as never))).payload.scope).toBe("orders:read");
  });

  it("[C10][C8] the token endpoint refuses wrong secrets, other grants and scopes the client does not have", async () => {
    const post = (init: RequestInit) => call(tokenRoute as Route, "/api/oauth/token", "post", "/api/oauth/token", init);
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const wrong = await post({ headers: { ...form, authorization: `Basic ${Buffer.from(`${partner.clientId}:nope`).toString("base64")}` }, body: "grant_type=client_credentials" });
    expect(wrong).toMatchObject({ status: 401, body: { error: "invalid_client" } });
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Basic/);
    expect((await post({ headers: form, body: "grant_type=client_credentials" })).body.error).toBe("invalid_client");
    expect((await post({ headers: { ...form, authorization: basic(partner) }, body: "grant_type=password" })).body.error).toBe("unsupported_grant_type");
    expect((await post({ headers: { ...form, authorization: basic(reader) }, body: "grant_type=client_credentials&scope=orders:write" })).body.error).toBe("invalid_scope");
    expect((await post({ headers: { ...form, authorization: basic(partner) }, body: "" })).body.error).toBe("invalid_request");
  });
});

describe("public API: orders", () => {
  it("[C10][F1][F2][F3][F11][F13] a client places, reads and cancels an order over HTTP; it reaches the store board like any other", async () => {
    const token = await tokenFor(partner);
    const stores = await call(storesRoute as Route, "/api/v1/stores", "get", "/api/v1/stores", { headers: bearer(token) });
    expect(stores.status).toBe(200);
    expect(stores.body.stores.map((s: Json) => s.id)).toContain(STORE.id);
    const filtered = await call(storesRoute as Route, "/api/v1/stores", "get", `/api/v1/stores?area=${encodeURIComponent(STORE.area)}`, { headers: bearer(token) });
    expect(filtered.body.stores.every((s: Json) => s.area === STORE.area)).toBe(true);
    const menu = await call(bouquetsRoute as Route, "/api/v1/stores/{storeId}/bouquets", "get", `/api/v1/stores/${STORE.id}/bouquets`, { headers: bearer(token) }, { storeId: STORE.id });
    expect(menu.status).toBe(200);
    expect(menu.body.bouquets.find((b: Json) => b.id === ROSES)).toMatchObject({ priceWon: 59000, stock: 12 });

    const key = globalThis.crypto.randomUUID();
    const placed = await place(token, orderBody(), key);
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    expect(placed.body).toMatchObject({ status: "PLACED", totalWon: 59000, storeId: STORE.id, payment: { cardBrand: "VISA", cardLast4: "4242", refunded: false } });
    const orderId = placed.body.id as string;
    expect(placed.headers.get("location")).toBe(`/api/v1/orders/${orderId}`);

    // The same Idempotency-Key again: the same order, no second charge.
    const again = await place(token, orderBody(), key);
    expect(again).toMatchObject({ status: 200, body: { id: orderId } });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.order.count({ where: { customerId: partner.userId } })).toBe(1);
    expect(await db.payment.count({ where: { orderId } })).toBe(1);
    // The same key with a different order is a client bug: refused, nothing charged or stored.
    const charges = await chargeCount();
    const reused = await place(token, orderBody({ items: [{ bouquetId: ROSES, quantity: 2 }] }), key);
    expect(reused).toMatchObject({ status: 422, body: { error: { code: "IDEMPOTENCY_KEY_REUSED" } } });
    expect(await chargeCount()).toBe(charges);
    expect(await db.order.count({ where: { customerId: partner.userId } })).toBe(1);

    // The worker puts it on the shop's board, exactly as an order from the web app.
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId } }), (s) => s?.status === "NEW", { what: "store order on the board" });
    const board = await boardFor(db, { id: OWNER.id, role: "OWNER" }, STORE.id);
    expect(board.orders.map((o) => o.orderId)).toContain(orderId);

    const read = await getOrder(bearer(token), orderId);
    expect(read).toMatchObject({ status: 200, body: { id: orderId, status: "PLACED" } });
    // W6: the order number the screens show, as its own field.
    expect(read.body.number).toBe(orderId.slice(0, 8).toUpperCase());

    const cancelled = await cancel(bearer(token), orderId, { reason: "The recipient moved" });
    expect(cancelled).toMatchObject({ status: 200, body: { status: "CANCELLED", statusReason: "The recipient moved" } });
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId } }), (s) => s?.status === "CANCELLED", { what: "store order cancelled" });
    await waitFor(() => getOrder(bearer(token), orderId), (r) => r.body.payment.refunded === true, { what: "refund over the API" });
    expect((await cancel(bearer(token), orderId)).status).toBe(200); // cancelling twice is harmless
  });

  it("[C10][C5] a client sees only the orders it placed", async () => {
    const mine = await place(await tokenFor(partner), orderBody());
    expect(mine.status).toBe(201);
    const theirs = await tokenFor(other);
    expect((await getOrder(bearer(theirs), mine.body.id)).status).toBe(404);
    expect((await cancel(bearer(theirs), mine.body.id)).status).toBe(404);
    const { ctx } = testContext();
    const webOrder = await placeOrderUseCase(ctx, CUSTOMER.id, checkout());
    if (!webOrder.ok) throw new Error(webOrder.message);
    expect((await getOrder(bearer(theirs), webOrder.order.id)).status).toBe(404);
    expect((await db.order.findUniqueOrThrow({ where: { id: mine.body.id } })).status).toBe("PLACED");
  });

  it("[C10][F2] domain refusals answer the mapped HTTP status and code, and create no order", async () => {
    const token = await tokenFor(other);
    const before = await orderCount();
    const expectError = (r: { status: number; body: Json }, status: number, code: string) => {
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error.code).toBe(code);
    };
    expectError(await place(token, orderBody({ card: { number: CARDS.decline, expiry: "12/30", cvc: "123" } })), 402, "PAYMENT_DECLINED");
    expectError(await place(token, orderBody({ card: { number: CARDS.insufficient, expiry: "12/30", cvc: "123" } })), 402, "INSUFFICIENT_FUNDS");
    expectError(await place(token, orderBody({ card: { number: CARDS.processingError, expiry: "12/30", cvc: "123" } })), 502, "PAYMENT_FAILED");
    expectError(await place(token, orderBody({ items: [{ bouquetId: SOLD_OUT, quantity: 1 }] })), 409, "OUT_OF_STOCK");
    expectError(await place(token, orderBody({ storeId: globalThis.crypto.randomUUID() })), 404, "NOT_FOUND");
    const phone = await place(token, orderBody({ delivery: { ...checkout().delivery, recipientPhone: "call me" } }));
    expectError(phone, 400, "VALIDATION");
    expect(phone.body.error.field).toBe("delivery.recipientPhone");
    const noKey = await place(token, orderBody(), null);
    expectError(noKey, 400, "VALIDATION");
    expect(noKey.body.error.field).toBe("Idempotency-Key");
    expectError(await place(token, orderBody(), "not-a-uuid"), 400, "VALIDATION");
    expectError(await place(token, "{not json"), 400, "VALIDATION");
    expectError(await getOrder(bearer(token), globalThis.crypto.randomUUID()), 404, "NOT_FOUND");
    expectError(await getOrder(bearer(token), "not-an-id"), 404, "NOT_FOUND");
    const shop = await call(bouquetsRoute as Route, "/api/v1/stores/{storeId}/bouquets", "get", "/api/v1/stores/x/bouquets", { headers: bearer(token) }, { storeId: "x" });
    expectError(shop, 404, "NOT_FOUND");
    expect(await orderCount()).toBe(before);
  });
});

describe("public API: bad tokens", () => {
  it("[C10] expired, badly signed, wrong-audience, wrong-issuer, unsigned, revoked or absent tokens get 401; a missing scope 403; nothing changes", async () => {
    const target = await place(await tokenFor(partner), orderBody());
    expect(target.status).toBe(201);
    const [orders, charges] = [await orderCount(), await chargeCount()];
    const keys = signingKeys();
    const grant = { clientId: partner.clientId, scopes: ["orders:read", "orders:write"] as const };
    const { kid } = await keys.signing();
    const claims = { scope: "orders:read orders:write", client_id: partner.clientId };
    const forge = async (key: CryptoKey | Uint8Array, alg: string, header: Json = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg, kid, typ: "at+jwt", ...header })
        .setIssuer(tokenSettings.issuer)
        .setAudience(tokenSettings.audience)
        .setSubject(partner.clientId)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(key);
    const stranger = await generateKeyPair("ES256");
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const revokedClient = await newClient("Revoked partner (test)", "orders:read orders:write");
    const revokedToken = await tokenFor(revokedClient);
    await revokeApiClient(db, revokedClient.clientId);

    const bad: Record<string, Record<string, string>> = {
      none: {},
      "not Bearer": { authorization: "Token abc" },
      garbage: bearer("abc.def.ghi"),
      expired: bearer((await issueAccessToken(keys, tokenSettings, grant, new Date(Date.now() - 20 * 60_000))).accessToken),
      "wrong signature": bearer(await forge(stranger.privateKey, "ES256")),
      "unknown kid": bearer(await forge(stranger.privateKey, "ES256", { kid: "not-our-key" })),
      "wrong audience": bearer((await issueAccessToken(keys, { ...tokenSettings, audience: "another-api" }, grant)).accessToken),
      "wrong issuer": bearer((await issueAccessToken(keys, { ...tokenSettings, issuer: "someone-else" }, grant)).accessToken),
      "alg none": bearer(`${b64({ alg: "none", kid, typ: "at+jwt" })}.${b64({ ...claims, sub: partner.clientId, iss: "bloom", aud: "bloom-api", iat: now, exp: now + 300 })}.`),
      "HS256 with a guessable key": bearer(await forge(new TextEncoder().encode("bloom-development-secret-not-for-production"), "HS256")),
      revoked: bearer(revokedToken),
    };
    for (const [what, headers] of Object.entries(bad)) {
      const placed = await call(ordersRoute as Route, "/api/v1/orders", "post", "/api/v1/orders", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json", "idempotency-key": globalThis.crypto.randomUUID() },
        body: JSON.stringify(orderBody()),
      });
      expect(placed.status, what).toBe(401);
      expect(placed.body.error.code, what).toBe("UNAUTHORIZED");
      expect(placed.headers.get("www-authenticate"), what).toMatch(/^Bearer realm="bloom-api"/);
      expect((await cancel(headers, target.body.id)).status, what).toBe(401);
      expect((await call(storesRoute as Route, "/api/v1/stores", "get", "/api/v1/stores", { headers })).status, what).toBe(401);
    }
    expect(bad.expired && (await getOrder(bad.expired, target.body.id)).body.error.message).toMatch(/expired/);

    // A valid token without the scope: 403, and the order stays as it was.
    const readOnly = await tokenFor(reader);
    const forbidden = await place(readOnly, orderBody());
    expect(forbidden).toMatchObject({ status: 403, body: { error: { code: "INSUFFICIENT_SCOPE" } } });
    expect(forbidden.headers.get("www-authenticate")).toMatch(/error="insufficient_scope", scope="orders:write"/);
    const narrowed = await tokenFor(partner, "orders:read");
    expect((await cancel(bearer(narrowed), target.body.id)).status).toBe(403);
    expect((await getOrder(bearer(narrowed), target.body.id)).status).toBe(200);

    expect(await orderCount()).toBe(orders);
    expect(await chargeCount()).toBe(charges);
    expect((await db.order.findUniqueOrThrow({ where: { id: target.body.id } })).status).toBe("PLACED");
  });

  it("[C10] key rotation: tokens of the previous key keep working, new tokens use the new key, a retired key's tokens are refused", async () => {
    const before = await tokenFor(partner);
    const oldKid = decodeProtectedHeader(before).kid!;
    const newKid = await rotateSigningKey(db, keyWrap());
    const after = await tokenFor(partner);
    expect(decodeProtectedHeader(after).kid).toBe(newKid);
    const stores = (token: string) => call(storesRoute as Route, "/api/v1/stores", "get", "/api/v1/stores", { headers: bearer(token) });
    expect((await stores(before)).status).toBe(200);
    expect((await stores(after)).status).toBe(200);

    expect(await retireSigningKey(db, newKid)).toBe("active");
    expect(await retireSigningKey(db, oldKid)).toBe("retired");
    // A process reading the keys afresh (the cache keeps a retired key at most a minute).
    const fresh = new SigningKeys(db, keyWrap(), 0);
    expect((await fresh.jwks()).keys.map((k) => k.kid)).not.toContain(oldKid);
    expect(await verifyAccessToken(fresh, tokenSettings, before)).toMatchObject({ ok: false });
    expect(await verifyAccessToken(fresh, tokenSettings, after)).toMatchObject({ ok: true, clientId: partner.clientId });
  });
});

afterAll(async () => {
  // The partners' orders go with resetOrders; their accounts are removed here.
  const ids = clients.map((c) => c.clientId);
  await db.apiClient.deleteMany({ where: { id: { in: ids } } }).catch(() => {});
  await db.user.deleteMany({ where: { id: { in: clients.map((c) => c.userId) } } }).catch(() => {});
});
