// S3 against the production web server as a real process: tRPC takes at most TRPC_MAX_BATCH_SIZE
// procedures a request and TRPC_MAX_BODY_BYTES a body (declared or streamed), and a mutation only
// as JSON from this site — each refusal comes before anything runs, so nothing is stored. The REST
// API bounds its bodies too. Same-origin and header-less (non-browser) mutations still work.
import { randomUUID } from "node:crypto";
import { createApiClient } from "@bloom/app";
import { closeDbs, DEMO_PASSWORD } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/support/app";
import { checkout, OWNER, STORE } from "../../../../test/support/fixtures";
import { newCustomer, signIn, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";
import { TRPC_MAX_BATCH_SIZE, TRPC_MAX_BODY_BYTES } from "../trpc/limits";

const db = testDb();
let web: WebProcess;
let owner: string;
const apiClients: Awaited<ReturnType<typeof createApiClient>>[] = [];
const notifications: string[] = [];

beforeAll(async () => {
  web = await startWeb();
  owner = (await signIn(web.base, OWNER.email, DEMO_PASSWORD)).cookie!;
}, 600_000);
afterAll(async () => {
  if (web) await stopWeb(web);
  await db.storeNotification.deleteMany({ where: { id: { in: notifications } } });
  await db.apiClient.deleteMany({ where: { id: { in: apiClients.map((c) => c.clientId) } } });
  await db.user.deleteMany({ where: { id: { in: apiClients.map((c) => c.userId) } } });
  await closeDbs();
});

/** A raw POST to a tRPC path, as a page of any site (or a script) could send it. */
const post = (path: string, init: { headers?: Record<string, string>; body?: BodyInit; cookie?: string | null; duplex?: "half" }) =>
  fetch(`${web.base}/api/trpc/${path}`, {
    method: "POST",
    ...init,
    headers: { ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
  } as RequestInit);

const JSON_TYPE = { "content-type": "application/json" };
const markReadBody = JSON.stringify({ json: null });

/** An unread notification on the owner's shop, for store.markRead to act on. */
async function unreadNotification() {
  const n = await db.storeNotification.create({ data: { storeId: STORE.id, orderId: randomUUID(), message: "S3 test" } });
  notifications.push(n.id);
  return { stillUnread: async () => (await db.storeNotification.findUniqueOrThrow({ where: { id: n.id } })).readAt === null };
}

const ordersOf = async (email: string) => db.order.count({ where: { customerId: (await db.user.findUniqueOrThrow({ where: { email } })).id } });

describe("tRPC transport limits", () => {
  it(`[S3] a batch of 300 procedures is refused before any runs (400): none of its 300 sign-ups exists`, async () => {
    const emails = Array.from({ length: 300 }, (_, i) => `batch-${i}-${randomUUID().slice(0, 8)}@bloom.test`);
    const inputs = Object.fromEntries(emails.map((email, i) => [i, { json: { name: "Batch", email, password: "long-enough-pass-1", phone: "010-1234-5678" } }]));
    const res = await post(`${emails.map(() => "account.signUp").join(",")}?batch=1`, { headers: JSON_TYPE, body: JSON.stringify(inputs) });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("Batch call exceeds maximum size");
    expect(await db.user.count({ where: { email: { in: emails } } })).toBe(0);

    const queries = await fetch(`${web.base}/api/trpc/${Array.from({ length: 300 }, () => "account.ping").join(",")}?batch=1&input={}`, { headers: { cookie: owner } });
    expect(queries.status).toBe(400);
  });

  it(`[S3] a batch of ${TRPC_MAX_BATCH_SIZE} procedures (the browser client's most) is served`, async () => {
    const res = await fetch(`${web.base}/api/trpc/${Array.from({ length: TRPC_MAX_BATCH_SIZE }, () => "account.ping").join(",")}?batch=1&input={}`, {
      headers: { cookie: owner },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as unknown[]).length).toBe(TRPC_MAX_BATCH_SIZE);
  });

  it("[S3] a body over the limit is refused with 413, by Content-Length and streamed without one; no order is stored", async () => {
    const { email, cookie } = await newCustomer(web.base);
    const big = JSON.stringify({ json: checkout({ delivery: { ...checkout().delivery, giftMessage: "x".repeat(TRPC_MAX_BODY_BYTES) } }) });

    const declared = await post("order.place", { cookie, headers: JSON_TYPE, body: big });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { json: { data: { code: string } } } }).error.json.data.code).toBe("PAYLOAD_TOO_LARGE");

    // Chunked, no Content-Length: counted as it arrives.
    const chunks = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let at = 0; at < chunks.length; at += 8192) c.enqueue(chunks.subarray(at, at + 8192));
        c.close();
      },
    });
    const streamed = await post("order.place", { cookie, headers: JSON_TYPE, body: stream, duplex: "half" });
    expect(streamed.status).toBe(413);
    expect(await ordersOf(email)).toBe(0);

    // The same order at its normal size goes through: the size alone was refused.
    expect((await trpc(web.base, cookie, "order.place", checkout())).status).toBe(200);
    expect(await ordersOf(email)).toBe(1);
  });

  it("[S3] a mutation from another site (Origin, or Referer without Origin, or Origin null) is refused 403 and changes nothing", async () => {
    const n = await unreadNotification();
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { referer: "https://evil.example/page" }, { origin: "null" }, { origin: "http://127.0.0.1.evil.example" }];
    for (const headers of crossSite) {
      const res = await post("store.markRead", { cookie: owner, headers: { ...JSON_TYPE, ...headers }, body: markReadBody });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await n.stillUnread()).toBe(true);
    }
    // A browser that sends no Origin still says where the request came from.
    const noOrigin = await post("store.markRead", { cookie: owner, headers: { ...JSON_TYPE, "sec-fetch-site": "cross-site" }, body: markReadBody });
    expect(noOrigin.status).toBe(403);
    // A batch is refused as a whole.
    const batch = await post("store.markRead,store.markRead?batch=1", { cookie: owner, headers: { ...JSON_TYPE, origin: "https://evil.example" }, body: JSON.stringify({}) });
    expect(batch.status).toBe(403);
    expect(await n.stillUnread()).toBe(true);
  });

  it("[S3] the cross-site multipart form of the finding, and any non-JSON mutation, is refused (403/415) and changes nothing", async () => {
    const n = await unreadNotification();
    const form = () => {
      const f = new FormData();
      f.set("anything", "1");
      return f;
    };
    // As the attacker's page sends it: a cross-site form post.
    expect((await post("store.markRead", { cookie: owner, headers: { origin: "https://evil.example" }, body: form() })).status).toBe(403);
    // The content type is refused on its own, even from this site.
    expect((await post("store.markRead", { cookie: owner, headers: { origin: web.base }, body: form() })).status).toBe(415);
    expect((await post("store.markRead", { cookie: owner, body: form() })).status).toBe(415);
    for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
      expect((await post("store.markRead", { cookie: owner, headers: { "content-type": type }, body: markReadBody })).status, type).toBe(415);
    }
    expect(await n.stillUnread()).toBe(true);
  });

  it("[S3] same-origin JSON mutations still work: with this site's Origin, with its Referer, and from clients that send neither", async () => {
    const thisSite: Record<string, string>[] = [{ origin: web.base, "sec-fetch-site": "same-origin" }, { referer: `${web.base}/store` }, {}];
    for (const headers of thisSite) {
      const n = await unreadNotification();
      const res = await post("store.markRead", { cookie: owner, headers: { ...JSON_TYPE, ...headers }, body: markReadBody });
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(await n.stillUnread()).toBe(false);
    }
    // Queries and the live stream (GET) are not held to the origin rule.
    expect((await fetch(`${web.base}/api/trpc/account.ping?input={}`, { headers: { cookie: owner, origin: "https://evil.example" } })).status).toBe(200);
  });
});

describe("REST body limit", () => {
  it("[S3] POST /api/v1/orders over the limit is refused with 413, announced or streamed, and stores nothing", async () => {
    const c = await createApiClient(db, { name: "S3 body limit partner", scopes: "orders:read orders:write" });
    apiClients.push(c);
    const token = await fetch(`${web.base}/api/oauth/token`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${c.clientId}:${c.clientSecret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=client_credentials",
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const headers = { authorization: `Bearer ${token.access_token}`, "content-type": "application/json", "idempotency-key": randomUUID() };
    const big = JSON.stringify({ padding: "x".repeat(70 * 1024) });

    const declared = await fetch(`${web.base}/api/v1/orders`, { method: "POST", headers, body: big });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: { code: "VALIDATION" } });
    // Announced too large: refused before the token is even looked at.
    expect((await fetch(`${web.base}/api/v1/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: big })).status).toBe(413);

    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(ctl) {
        for (let at = 0; at < bytes.length; at += 8192) ctl.enqueue(bytes.subarray(at, at + 8192));
        ctl.close();
      },
    });
    const streamed = await fetch(`${web.base}/api/v1/orders`, { method: "POST", headers, body: stream, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await db.order.count({ where: { customerId: c.userId } })).toBe(0);
  });
});
