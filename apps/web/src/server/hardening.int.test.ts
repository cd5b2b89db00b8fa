// Hardening of the entry point (C5), against the production server as a real process: security
// headers on every page, and Redis rate limits answering 429 with Retry-After on credential
// sign-in (failures per account; sign-in-throttle.int.test.ts has the rest of S1) and order.place
// (per customer). Limits are lowered here by env.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkout } from "../../../../test/support/fixtures";
import { newCustomer, signIn, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";

const TOKEN = "metrics-token-metrics-token";
let web: WebProcess;
beforeAll(async () => {
  web = await startWeb({ RATE_LIMIT_SIGNIN_PER_MIN: "3", RATE_LIMIT_ORDERS_PER_MIN: "2", METRICS_TOKEN: TOKEN });
}, 600_000);
afterAll(async () => {
  if (web) await stopWeb(web);
});

describe("entry point hardening", () => {
  it("[C5] pages carry a same-origin CSP, frame denial, nosniff, referrer and permissions policies", async () => {
    const res = await fetch(`${web.base}/signin`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:\/\//); // no external origins
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("[C5][S1] credential sign-in past the limit of failures per account answers 429 with Retry-After", async () => {
    const email = `nobody-${Date.now().toString(36)}@bloom.test`;
    for (let i = 0; i < 3; i++) {
      const { res } = await signIn(web.base, email, "wrong-password");
      expect(res.status).not.toBe(429);
    }
    const { res, cookie } = await signIn(web.base, email, "wrong-password");
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(cookie).toBeNull();
    // Another email from the same address is still let through (its per-address budget is wider).
    expect((await signIn(web.base, `other-${email}`, "wrong-password")).res.status).not.toBe(429);
  });

  it("[C5] order.place past the limit per customer answers 429 TOO_MANY_REQUESTS with Retry-After", async () => {
    const { cookie } = await newCustomer(web.base);
    for (let i = 0; i < 2; i++) expect((await trpc(web.base, cookie, "order.place", checkout())).status).toBe(200);
    const third = await trpc(web.base, cookie, "order.place", checkout());
    expect(third.status).toBe(429);
    expect(third.error?.data.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(third.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(third.error?.data.retryAfterSec).toBeGreaterThan(0);
    // Another customer has a bucket of their own.
    const other = await newCustomer(web.base);
    expect((await trpc(web.base, other.cookie, "order.place", checkout())).status).toBe(200);
  });

  it("[C9] with METRICS_TOKEN set, /api/metrics answers only the bearer token", async () => {
    expect((await fetch(`${web.base}/api/metrics`)).status).toBe(401);
    expect((await fetch(`${web.base}/api/metrics`, { headers: { authorization: "Bearer wrong-token-wrong-token" } })).status).toBe(401);
    const res = await fetch(`${web.base}/api/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("bloom_trpc_requests_total");
  });
});
