// Observability of the web tier (C9): /api/metrics exposes tRPC request rate and latency by
// procedure, order outcomes and the payment breaker, in Prometheus text, from a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CARDS, checkout } from "../../../../test/support/fixtures";
import { sample } from "../../../../test/support/prometheus";
import { newCustomer, startWeb, stopWeb, trpc, type WebProcess } from "../../../../test/support/web";

let web: WebProcess;
beforeAll(async () => {
  web = await startWeb();
}, 600_000);
afterAll(async () => {
  if (web) await stopWeb(web);
});

describe("web metrics", () => {
  it("[C9] /api/metrics exposes request rate/latency by procedure, orders placed/refused/rejected/cancelled and the breaker", async () => {
    const { cookie } = await newCustomer(web.base);
    const placed = await trpc(web.base, cookie, "order.place", checkout());
    expect(placed.status).toBe(200);
    const declined = await trpc(web.base, cookie, "order.place", checkout({ card: { number: CARDS.decline, expiry: "12/30", cvc: "123" } }));
    expect(declined.error?.data.domainCode).toBe("PAYMENT_DECLINED");
    expect((await trpc(web.base, cookie, "order.cancel", { orderId: (placed.data as { id: string }).id })).status).toBe(200);

    const res = await fetch(`${web.base}/api/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    const place = { procedure: "order.place", type: "mutation" };
    expect(sample(text, "bloom_trpc_requests_total", { ...place, code: "OK" })).toBe(1);
    expect(sample(text, "bloom_trpc_requests_total", { ...place, code: "PAYMENT_REQUIRED" })).toBe(1);
    expect(sample(text, "bloom_trpc_request_duration_seconds_count", place)).toBe(2);
    expect(sample(text, "bloom_trpc_request_duration_seconds_bucket", { ...place, le: "+Inf" })).toBe(2);
    expect(sample(text, "bloom_orders_placed_total", { service: "web" })).toBe(1);
    expect(sample(text, "bloom_orders_place_refused_total", { code: "PAYMENT_DECLINED" })).toBe(1);
    expect(sample(text, "bloom_orders_cancelled_total")).toBe(1);
    expect(sample(text, "bloom_orders_rejected_total")).toBe(0);
    expect(sample(text, "bloom_payment_breaker_state", { state: "closed" })).toBe(1);
    expect(sample(text, "bloom_payment_breaker_state", { state: "open" })).toBe(0);
    expect(sample(text, "bloom_payment_charges_total", { outcome: "approved" })).toBe(1);
    expect(sample(text, "bloom_payment_charges_total", { outcome: "declined" })).toBe(1);
    expect(text).toContain("# TYPE bloom_rate_limited_total counter");
    expect(text).toContain("bloom_web_process_resident_memory_bytes");
  });
});
