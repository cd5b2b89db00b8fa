// S1 against the production server as a real process: sign-in is counted on the credentials
// next-auth verifies (decoy fields, encoded callback paths), per account and per address
// (spraying); sign-up and the token endpoint have their limits, and a client id alone cannot lock
// a client out; with Redis unreachable the limits still hold in the process. Limits and the window
// are lowered by env; the server trusts X-Forwarded-For (TRUST_PROXY=1, as behind our nginx), so
// each test speaks from addresses of its own.
import { createApiClient } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../../../test/support/app";
import { freePort, startWeb, stopWeb, type WebProcess } from "../../../../test/support/web";

const PER_ACCOUNT = 3;
const PER_IP = 8;
const SIGNUPS = 3;
const TOKENS_PER_CLIENT = 3;
const TOKENS_PER_IP = 6;
const LIMITS_ENV = {
  TRUST_PROXY: "1",
  RATE_LIMIT_WINDOW_SEC: "6",
  RATE_LIMIT_SIGNIN_PER_MIN: String(PER_ACCOUNT),
  RATE_LIMIT_SIGNIN_PER_IP_PER_MIN: String(PER_IP),
  RATE_LIMIT_PUBLIC_MUTATIONS_PER_MIN: String(SIGNUPS),
  API_RATE_LIMIT_TOKEN_PER_MIN: String(TOKENS_PER_CLIENT),
  API_RATE_LIMIT_TOKEN_PER_IP_PER_MIN: String(TOKENS_PER_IP),
};

const db = testDb();
let web: WebProcess;
const apiClients: Awaited<ReturnType<typeof createApiClient>>[] = [];
const emails: string[] = [];

beforeAll(async () => {
  web = await startWeb(LIMITS_ENV);
}, 600_000);
afterAll(async () => {
  if (web) await stopWeb(web);
  await db.apiClient.deleteMany({ where: { id: { in: apiClients.map((c) => c.clientId) } } });
  await db.user.deleteMany({ where: { OR: [{ id: { in: apiClients.map((c) => c.userId) } }, { email: { in: emails } }] } });
  await closeDbs();
});

const rand = () => Math.floor(Math.random() * 254) + 1;
/** An address no other test (nor an earlier run within the window) speaks from. */
const newIp = () => `10.${rand()}.${rand()}.${rand()}`;
const newEmail = (tag: string) => {
  const e = `s1-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@bloom.test`;
  emails.push(e);
  return e;
};
const PASSWORD = "Tulip-Meadow-4821!";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

async function signUp(base: string, ip: string, email: string) {
  const res = await fetch(`${base}/api/trpc/account.signUp`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip, origin: base },
    body: JSON.stringify({ json: { name: "S1 Customer", email, password: PASSWORD, phone: "010-1234-5678" } }),
  });
  const body = (await res.json()) as { error?: { json: { data: { code: string } } } };
  return { status: res.status, retryAfter: Number(res.headers.get("retry-after")), code: body.error?.json.data.code };
}

/** A customer account whose password is PASSWORD, signed up from an address of its own. */
async function account(tag: string) {
  const email = newEmail(tag);
  const r = await signUp(web.base, newIp(), email);
  if (r.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(r)}`);
  return email;
}

/**
 * One credentials sign-in the way next-auth's client sends it, with the body's `email` fields in
 * the order given (next-auth reads the last) and on any spelling of the callback path.
 */
async function signIn(base: string, o: { ip: string; email: string | string[]; password: string; path?: string }) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": o.ip } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken });
  for (const e of [o.email].flat()) body.append("email", e);
  body.append("password", o.password);
  body.append("json", "true");
  const res = await fetch(`${base}${o.path ?? "/api/auth/callback/credentials"}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; "), "x-forwarded-for": o.ip },
    body,
  });
  const json = (await res.json().catch(() => null)) as { url?: string } | null;
  return {
    status: res.status,
    retryAfter: Number(res.headers.get("retry-after")),
    session: cookiesOf(res).some((c) => c.includes("session-token=")),
    url: json?.url ?? "",
  };
}

describe("sign-in throttling", () => {
  it("[S1] decoy email fields before the real one: counted on the real one, and then even the right password is refused until the window passes", async () => {
    const email = await account("decoy");
    const ip = newIp();
    for (let i = 0; i < PER_ACCOUNT; i++) {
      const r = await signIn(web.base, { ip, email: [newEmail("decoy-field"), email], password: "wrong-password" });
      expect(r).toMatchObject({ status: 401, session: false });
    }
    const limited = await signIn(web.base, { ip, email: [newEmail("decoy-field"), email], password: "wrong-password" });
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(limited.url).toContain("/signin?error=TooManyAttempts"); // what the sign-in page shows as "too many"
    // The right password is refused too, from this address and from any other: the account is counted.
    expect(await signIn(web.base, { ip, email, password: PASSWORD })).toMatchObject({ status: 429, session: false });
    const elsewhere = await signIn(web.base, { ip: newIp(), email: email.toUpperCase(), password: PASSWORD });
    expect(elsewhere).toMatchObject({ status: 429, session: false });
    // Once the window has passed, the owner signs in.
    await sleep(elsewhere.retryAfter * 1000 + 300);
    expect(await signIn(web.base, { ip, email, password: PASSWORD })).toMatchObject({ status: 200, session: true });
  });

  it("[S1] an encoded callback path (credential%73 and others) signs in, so it is counted and refused like the plain one", async () => {
    // The encoded path does reach authorize: the right password signs in through it.
    const other = await account("path-ok");
    expect(await signIn(web.base, { ip: newIp(), email: other, password: PASSWORD, path: "/api/auth/callback/credential%73" })).toMatchObject({
      status: 200,
      session: true,
    });

    const email = await account("path");
    const ip = newIp();
    const paths = ["/api/auth/callback/credential%73", "/api/auth/callback/%63redentials", "/api/auth/callback/credential%73"];
    for (const path of paths) expect(await signIn(web.base, { ip, email, password: "wrong-password", path })).toMatchObject({ status: 401, session: false });
    const limited = await signIn(web.base, { ip, email, password: "wrong-password", path: "/api/auth/callback/cred%65ntials" });
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBeGreaterThan(0);
    for (const path of ["/api/auth/callback/credentials", "/api/auth/callback/credential%73"]) {
      expect(await signIn(web.base, { ip, email, password: PASSWORD, path })).toMatchObject({ status: 429, session: false });
    }
  });

  it("[S1] a successful sign-in does not count against its account", async () => {
    const email = await account("success");
    const ip = newIp();
    for (let i = 0; i < PER_ACCOUNT + 2; i++) expect(await signIn(web.base, { ip, email, password: PASSWORD })).toMatchObject({ status: 200, session: true });
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await signIn(web.base, { ip, email, password: "wrong-password" })).status).toBe(401);
    expect((await signIn(web.base, { ip, email, password: "wrong-password" })).status).toBe(429);
  });

  it("[S1] spraying many emails from one address (even rotating through an IPv6 /64) runs out of the per-address budget; another address is not affected", async () => {
    const victim = await account("spray");
    const net = `2001:db8:${rand().toString(16)}:${rand().toString(16)}`;
    for (let i = 0; i < PER_IP; i++) {
      const r = await signIn(web.base, { ip: `${net}::${(i + 1).toString(16)}`, email: newEmail("sprayed"), password: "Spring2024!" });
      expect(r).toMatchObject({ status: 401, session: false });
    }
    const limited = await signIn(web.base, { ip: `${net}::ffff:1`, email: newEmail("sprayed"), password: "Spring2024!" });
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBeGreaterThan(0);
    // The budget is the address's: even a right password from it waits...
    expect(await signIn(web.base, { ip: `${net}::abcd`, email: victim, password: PASSWORD })).toMatchObject({ status: 429, session: false });
    // ...while another address signs the same account in: the address's refusal did not count against it.
    expect(await signIn(web.base, { ip: newIp(), email: victim, password: PASSWORD })).toMatchObject({ status: 200, session: true });
  });
});

describe("sign-up and public mutations", () => {
  it("[S1] sign-up past its per-address limit answers 429 with Retry-After and stores no user; another address still signs up", async () => {
    const ip = newIp();
    for (let i = 0; i < SIGNUPS; i++) expect((await signUp(web.base, ip, newEmail("signup"))).status).toBe(200);
    const refused = newEmail("signup-refused");
    const r = await signUp(web.base, ip, refused);
    expect(r).toMatchObject({ status: 429, code: "TOO_MANY_REQUESTS" });
    expect(r.retryAfter).toBeGreaterThan(0);
    expect(await db.user.findUnique({ where: { email: refused } })).toBeNull();
    expect((await signUp(web.base, newIp(), newEmail("signup-other"))).status).toBe(200);
  });

  it("[S1] a batch of sign-ups is counted call by call: no more than the limit are stored", async () => {
    const batch = Array.from({ length: SIGNUPS + 2 }, () => newEmail("batch"));
    const input = Object.fromEntries(batch.map((email, i) => [i, { json: { name: "S1 Batch", email, password: PASSWORD } }]));
    const res = await fetch(`${web.base}/api/trpc/${batch.map(() => "account.signUp").join(",")}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": newIp(), origin: web.base },
      body: JSON.stringify(input),
    });
    const answers = (await res.json()) as { error?: { json: { data: { code: string } } } }[];
    expect(answers.filter((a) => a.error?.json.data.code === "TOO_MANY_REQUESTS")).toHaveLength(2);
    expect(await db.user.count({ where: { email: { in: batch } } })).toBe(SIGNUPS);
  });
});

describe("API token endpoint", () => {
  const requestToken = (ip: string, clientId: string, secret: string) =>
    fetch(`${web.base}/api/oauth/token`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": ip,
      },
      body: "grant_type=client_credentials",
    });

  it("[S1] wrong secrets for a known client id do not lock the client out; the guessing address runs out of its own budget", async () => {
    const c = await createApiClient(db, { name: "S1 partner", scopes: "orders:read" });
    apiClients.push(c);
    // More wrong guesses than the client's own limit, from two addresses up to their budgets.
    const guessers = [newIp(), newIp()];
    for (const ip of guessers) for (let i = 0; i < TOKENS_PER_IP; i++) expect((await requestToken(ip, c.clientId, "wrong-secret")).status).toBe(401);
    const blocked = await requestToken(guessers[0]!, c.clientId, "wrong-secret");
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.json()).toMatchObject({ error: "rate_limited" });
    // Per address, every request counts: even the right secret from a guessing address waits.
    expect((await requestToken(guessers[1]!, c.clientId, c.clientSecret)).status).toBe(429);

    // The real client, from its own address, still gets its tokens — up to its own limit, which
    // counts only requests that proved the secret.
    const home = newIp();
    for (let i = 0; i < TOKENS_PER_CLIENT; i++) {
      const ok = await requestToken(home, c.clientId, c.clientSecret);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ token_type: "Bearer" });
    }
    const perClient = await requestToken(newIp(), c.clientId, c.clientSecret);
    expect(perClient.status).toBe(429);
    expect(await perClient.json()).toMatchObject({ error: "rate_limited", error_description: expect.stringContaining("this client") });
  });

  it("[S1] malformed token requests count against the address too", async () => {
    const ip = newIp();
    for (let i = 0; i < TOKENS_PER_IP; i++) {
      const r = await fetch(`${web.base}/api/oauth/token`, { method: "POST", headers: { "x-forwarded-for": ip }, body: "" });
      expect(r.status).toBe(400);
    }
    expect((await fetch(`${web.base}/api/oauth/token`, { method: "POST", headers: { "x-forwarded-for": ip }, body: "" })).status).toBe(429);
  });
});

describe("with Redis unreachable", () => {
  let offline: WebProcess | undefined;
  afterAll(async () => {
    if (offline) await stopWeb(offline);
  });

  it("[S1] the sign-in limits still hold, in the process's memory", async () => {
    const email = await account("offline"); // through the server that has Redis
    offline = await startWeb({ ...LIMITS_ENV, REDIS_URL: `redis://127.0.0.1:${await freePort()}/0` });
    const ip = newIp();
    for (let i = 0; i < PER_ACCOUNT; i++) expect((await signIn(offline.base, { ip, email, password: "wrong-password" })).status).toBe(401);
    const limited = await signIn(offline.base, { ip, email: [newEmail("decoy-field"), email], password: "wrong-password" });
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBeGreaterThan(0);
    expect(await signIn(offline.base, { ip: newIp(), email, password: PASSWORD })).toMatchObject({ status: 429, session: false });
    expect(offline.output()).toContain("rate limit store unavailable; limiting in this process");
  }, 120_000);
});
