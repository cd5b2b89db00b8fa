import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEvent, EVENT_TYPES, parseEvent, SYSTEM } from "./catalog";
import { POLICIES, policiesFor } from "./subscriptions";

const ORDER = "7d7d4c1e-4b8b-4c55-9b5d-0f7d1d7b1c11";

describe("event contracts", () => {
  it("[C8][C2] an event written by the current code is read by the consumer's schema, order id included", () => {
    const e = createEvent("StoreOrderRejected", ORDER, { storeId: "s", reason: "OUT_OF_FLOWERS", detail: null }, SYSTEM);
    const wire = JSON.parse(JSON.stringify(e));
    expect(parseEvent(wire)).toEqual(e);
    expect(e).toMatchObject({ version: 1, orderId: ORDER, type: "StoreOrderRejected" });
  });

  it("[C8] an unknown version is refused explicitly; a malformed payload is refused", () => {
    const e = createEvent("DeliveryRequested", ORDER, { deliveryId: "d", storeId: "s" }, SYSTEM);
    expect(() => parseEvent({ ...e, version: 2 })).toThrow(/Unsupported event version 2/);
    expect(() => parseEvent({ ...e, payload: { deliveryId: 1 } })).toThrow();
    expect(() => parseEvent({ ...e, orderId: "not-a-uuid" })).toThrow();
    expect(() => createEvent("DeliveryRequested", ORDER, { deliveryId: "d" } as never, SYSTEM)).toThrow();
  });

  it("[C1] every event type reaches at least MyPage, and every policy listens to real events", () => {
    for (const t of EVENT_TYPES) expect(policiesFor(t)).toContain("mypage-projection");
    expect(policiesFor("OrderCancelled").sort()).toEqual(["delivery-cancellation", "mypage-projection", "refund", "store-order-cancellation"]);
    for (const events of Object.values(POLICIES)) for (const t of events) expect(EVENT_TYPES).toContain(t);
  });
});

describe("domain purity", () => {
  it("[C1] packages/domain imports no framework, database or queue", () => {
    const root = path.resolve(import.meta.dirname, "..");
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = path.join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(10);
    const forbidden = /from\s+["'](next|react|react-dom|@prisma\/[^"']+|prisma|bullmq|ioredis|next-auth|@trpc\/[^"']+|pg|cockatiel|@bloom\/(db|app))["'/]/;
    const offenders = files.filter((f) => forbidden.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
