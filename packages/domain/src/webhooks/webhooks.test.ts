// X4: the pure rules of partners' webhooks — which URLs may receive them (https, no private
// addresses), which events are published and what a partner sees of its order, the retry schedule.
import { describe, expect, it } from "vitest";
import { createEvent, SYSTEM } from "../events/catalog";
import { POLICIES } from "../events/subscriptions";
import { createWebhookEndpointSchema, isPublicAddress, updateWebhookEndpointSchema, webhookUrlProblem } from "./endpoint";
import { WEBHOOK_RETRY_SCHEDULE_MS, webhookRetryDelay } from "./retry";
import { WEBHOOK_SOURCE_EVENTS, webhookPayloadFor, webhookPayloadSchema } from "./events";

const ORDER = "00000000-0000-4000-8000-000000000001";
const STORE = "00000000-0000-4000-8000-000000000002";
const BOUQUET = "00000000-0000-4000-8000-000000000003";
const prod = { allowLocal: false };
const dev = { allowLocal: true };

describe("webhook endpoint URLs (X4)", () => {
  it("[X4] https on a public host only; http only to this machine and only when local endpoints are allowed", () => {
    expect(webhookUrlProblem("https://partner.example.com/hooks", prod)).toBeNull();
    expect(webhookUrlProblem("https://203.0.114.7:8443/hooks", prod)).toBeNull();
    expect(webhookUrlProblem("http://partner.example.com/hooks", prod)).toMatch(/https/);
    expect(webhookUrlProblem("http://partner.example.com/hooks", dev)).toMatch(/https/);
    expect(webhookUrlProblem("http://127.0.0.1:4000/hooks", prod)).toMatch(/https/);
    expect(webhookUrlProblem("http://127.0.0.1:4000/hooks", dev)).toBeNull();
    expect(webhookUrlProblem("http://localhost:4000/hooks", dev)).toBeNull();
    expect(webhookUrlProblem("https://localhost/hooks", prod)).toMatch(/this machine/);
    expect(webhookUrlProblem("ftp://partner.example.com/", prod)).toMatch(/https/);
    expect(webhookUrlProblem("not a url", prod)).toMatch(/full URL/);
    expect(webhookUrlProblem("https://user:pw@partner.example.com/", prod)).toMatch(/password/);
    expect(webhookUrlProblem("https://partner.example.com/#x", prod)).toMatch(/fragment/);
    expect(webhookUrlProblem("https://intranet/hooks", prod)).toMatch(/public host/);
  });

  it("[X4] SSRF: private, loopback, link-local (cloud metadata), CGNAT and mapped addresses are refused", () => {
    for (const ip of ["10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "::", "fc00::1", "fd12::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1"]) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    for (const ip of ["8.8.8.8", "172.32.0.1", "1.1.1.1", "2606:4700:4700::1111"]) expect(isPublicAddress(ip), ip).toBe(true);
    expect(webhookUrlProblem("https://169.254.169.254/latest/meta-data", prod)).toMatch(/private/);
    expect(webhookUrlProblem("https://[fd00::1]/", prod)).toMatch(/private/);
    expect(webhookUrlProblem("https://10.1.2.3/", dev)).toMatch(/private/);
  });

  it("[X4] SSRF: other spellings of a local address are refused too — numeric, octal and hex hosts, a trailing dot, IPv4 inside IPv6, private-network names", () => {
    // The URL parser turns 2130706433, 0177.0.0.1, 127.1 and 0x7f.1 into 127.0.0.1.
    for (const url of ["https://2130706433/", "https://0177.0.0.1/", "https://127.1/", "https://0x7f.1/", "https://localhost./hooks", "https://api.localhost./hooks"]) {
      expect(webhookUrlProblem(url, prod), url).toMatch(/this machine/);
    }
    for (const url of ["https://[::ffff:7f00:1]/", "https://[0:0:0:0:0:ffff:127.0.0.1]/", "https://[::ffff:a9fe:a9fe]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[2002:a9fe:a9fe::1]/", "https://[2002:7f00:1::]/", "https://[::7f00:1]/"]) {
      expect(webhookUrlProblem(url, prod), url).not.toBeNull();
    }
    for (const ip of ["::7f00:1", "::a00:1", "::127.0.0.1", "2002:7f00:1::", "2002:0a00:0001::1", "2002:a9fe:a9fe::", "100::1"]) expect(isPublicAddress(ip), ip).toBe(false);
    // 6to4 of a public address is public.
    expect(isPublicAddress("2002:0808:0808::1")).toBe(true);
    for (const url of ["https://metadata.google.internal/computeMetadata/v1/", "https://printer.local/", "https://nas.home.arpa/", "https://metadata.google.internal./"]) {
      expect(webhookUrlProblem(url, prod), url).toMatch(/private network/);
    }
    // Names that merely contain those words are public.
    expect(webhookUrlProblem("https://internal.partner.example.com/hooks", prod)).toBeNull();
    expect(webhookUrlProblem("https://local.partner.example.com/hooks", prod)).toBeNull();
  });

  it("[X4] event types come from the published list; refusals name the field", () => {
    const create = createWebhookEndpointSchema(prod);
    const ok = create.safeParse({ url: "https://partner.example.com/h", eventTypes: ["order.placed", "order.placed", "order.delivered"] });
    expect(ok.success && ok.data.eventTypes).toEqual(["order.placed", "order.delivered"]);
    expect(ok.success && ok.data.enabled).toBe(true);
    const bad = [
      [{ url: "https://partner.example.com/h", eventTypes: ["order.exploded"] }, "eventTypes.0"],
      [{ url: "https://partner.example.com/h", eventTypes: [] }, "eventTypes"],
      [{ url: "http://partner.example.com/h", eventTypes: ["order.placed"] }, "url"],
      [{ eventTypes: ["order.placed"] }, "url"],
      [{ url: "https://partner.example.com/h", eventTypes: ["order.placed"], secret: "mine" }, ""],
      [{ url: "https://partner.example.com/h", eventTypes: ["order.placed"], description: "a\u0000b" }, "description"],
    ] as const;
    for (const [body, field] of bad) {
      const r = create.safeParse(body);
      expect(r.success, JSON.stringify(body)).toBe(false);
      if (!r.success) expect(r.error.issues[0]!.path.join(".")).toBe(field);
    }
    expect(updateWebhookEndpointSchema(prod).safeParse({}).success).toBe(false);
    expect(updateWebhookEndpointSchema(prod).safeParse({ enabled: false }).success).toBe(true);
  });
});

describe("webhook payloads (X4)", () => {
  const placed = createEvent(
    "OrderPlaced",
    ORDER,
    {
      customerId: "00000000-0000-4000-8000-0000000000c1",
      storeId: STORE,
      storeName: "Seoul Forest Florist",
      lines: [{ bouquetId: BOUQUET, name: "Roses", unitPriceWon: 30000, quantity: 2 }],
      totalWon: 63000,
      recipientName: "Kim",
      recipientPhone: "010-1234-5678",
      address: "Seoul",
      deliveryDate: "2026-12-24",
      timeSlot: "10-12",
      giftMessage: null,
      note: null,
      paymentId: "00000000-0000-4000-8000-0000000000p1".replace("p", "a"),
      deliveryFeeWon: 3000,
    },
    { role: "CUSTOMER", id: "00000000-0000-4000-8000-0000000000c1" },
  );
  const accepted = createEvent("StoreOrderAccepted", ORDER, { storeId: STORE, overStock: false }, SYSTEM);
  const rejected = createEvent("StoreOrderRejected", ORDER, { storeId: STORE, reason: "OUT_OF_FLOWERS", detail: "No roses left" }, SYSTEM);
  const refunded = createEvent("PaymentRefunded", ORDER, { paymentId: "x", amountWon: 63000, cause: "REJECTED" }, SYSTEM);

  it("[X4] the order as each event left it, with the public fields only (no customer, payment, delivery or rider id)", () => {
    const log = [placed, accepted, rejected, refunded];
    const p1 = webhookPayloadFor(log, placed)!;
    expect(p1.type).toBe("order.placed");
    expect(p1.data.order.status).toBe("PLACED");
    expect(p1.data.order.totalWon).toBe(63000);
    const p2 = webhookPayloadFor(log, accepted)!;
    expect([p2.type, p2.data.order.status]).toEqual(["order.accepted", "ACCEPTED"]);
    const p3 = webhookPayloadFor(log, rejected)!;
    expect([p3.type, p3.data.order.status, p3.data.order.statusReason, p3.data.event.reason]).toEqual(["order.rejected", "REJECTED", "No roses left", "OUT_OF_FLOWERS"]);
    expect(p3.data.order.refunded).toBe(false);
    const p4 = webhookPayloadFor(log, refunded)!;
    expect([p4.type, p4.data.order.refunded, p4.data.event.amountWon]).toEqual(["order.refunded", true, 63000]);
    for (const p of [p1, p2, p3, p4]) {
      expect(webhookPayloadSchema.parse(p)).toEqual(p);
      const text = JSON.stringify(p);
      expect(text).not.toContain("customerId");
      expect(text).not.toContain("paymentId");
      expect(text).not.toContain("00000000-0000-4000-8000-0000000000c1");
    }
    // Not published: a rider's claim.
    const claimed = createEvent("DeliveryClaimed", ORDER, { deliveryId: "d", riderId: "r", riderName: "Lee" }, SYSTEM);
    expect(webhookPayloadFor([placed, claimed], claimed)).toBeNull();
  });

  it("[X4] the policy hears exactly the events that have a public type", () => {
    expect([...POLICIES["partner-webhooks"]].sort()).toEqual([...WEBHOOK_SOURCE_EVENTS].sort());
  });
});

describe("webhook retry schedule (X4)", () => {
  it("[X4] eight attempts spanning more than 24 h, with jitter of at most 10 %", () => {
    const total = WEBHOOK_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0);
    expect(total * 0.9).toBeGreaterThan(24 * 3600_000);
    expect(WEBHOOK_RETRY_SCHEDULE_MS.length + 1).toBe(8);
    for (let n = 1; n <= WEBHOOK_RETRY_SCHEDULE_MS.length; n++) {
      const d = webhookRetryDelay(WEBHOOK_RETRY_SCHEDULE_MS, n);
      expect(d).toBeGreaterThanOrEqual(WEBHOOK_RETRY_SCHEDULE_MS[n - 1]! * 0.9);
      expect(d).toBeLessThanOrEqual(WEBHOOK_RETRY_SCHEDULE_MS[n - 1]! * 1.1);
    }
    expect(webhookRetryDelay(WEBHOOK_RETRY_SCHEDULE_MS, WEBHOOK_RETRY_SCHEDULE_MS.length + 1)).toBe(-1);
  });
});
