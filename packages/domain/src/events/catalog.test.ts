import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createEvent, EVENT_TYPES, EVENT_VERSION, parseEvent, SYSTEM, type EventPayload, type EventType } from "./catalog";
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
    expect(policiesFor("OrderCancelled").sort()).toEqual(["delivery-cancellation", "mypage-projection", "partner-webhooks", "refund", "sender-email", "staff-push", "store-order-cancellation"]);
    for (const events of Object.values(POLICIES)) for (const t of events) expect(EVENT_TYPES).toContain(t);
  });
});

describe("pickup step (D3)", () => {
  it("[C8][D3] a DeliveryStarted written before D3 (no confirmedBy) still parses; a bad confirmer is refused", () => {
    const old = JSON.parse(JSON.stringify(createEvent("DeliveryStarted", ORDER, { deliveryId: "d", riderId: "r", riderName: "Minho" }, SYSTEM)));
    expect(old.payload).not.toHaveProperty("confirmedBy");
    expect(parseEvent(old)).toEqual(old);
    expect(() => parseEvent({ ...old, payload: { ...old.payload, confirmedBy: "CUSTOMER" } })).toThrow();
  });

  it("[D3] the board and MyPage hear the claim and the arrival; the ordering context does not (the order stays cancellable)", () => {
    for (const t of ["DeliveryClaimed", "RiderArrivedAtShop"] as const) {
      expect(policiesFor(t).sort(), t).toEqual(["mypage-projection", "store-pickup"]);
    }
    expect(policiesFor("DeliveryStarted")).toEqual(expect.arrayContaining(["order-status", "store-pickup", "mypage-projection"]));
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

// One sample payload per event type. Typed over EventType: a new event type without a sample here
// fails the type check, so every type gets the contract tests below.
const SAMPLES: { [K in EventType]: EventPayload<K> } = {
  OrderPlaced: {
    customerId: "c",
    storeId: "s",
    storeName: "Seoulsup Flowers",
    lines: [{ bouquetId: "b", name: "Red roses", unitPriceWon: 59000, quantity: 1 }],
    totalWon: 59000,
    recipientName: "Soyeon Yoon",
    recipientPhone: "010-9876-5432",
    address: "88 Eulji-ro, Jung-gu, Seoul",
    deliveryDate: "2099-01-31",
    timeSlot: "12-15",
    giftMessage: null,
    note: null,
    paymentId: "p",
  },
  OrderCancelled: { customerId: "c", storeId: "s", reason: null },
  StoreOrderAccepted: { storeId: "s", overStock: false },
  DecorationCompleted: {
    storeId: "s",
    storeName: "Seoulsup Flowers",
    pickupAddress: "1 Seoulsup-ro",
    dropoffAddress: "88 Eulji-ro",
    recipientName: "Soyeon Yoon",
    recipientPhone: "010-9876-5432",
    deliveryDate: "2099-01-31",
    timeSlot: "12-15",
  },
  StoreOrderRejected: { storeId: "s", reason: "OUT_OF_MATERIALS", detail: "no ribbon" },
  PaymentRefunded: { paymentId: "p", amountWon: 59000, cause: "CANCELLED" },
  DeliveryRequested: { deliveryId: "d", storeId: "s" },
  DeliveryClaimed: { deliveryId: "d", riderId: "r", riderName: "Minho" },
  RiderArrivedAtShop: { deliveryId: "d", riderId: "r" },
  DeliveryStarted: { deliveryId: "d", riderId: "r", riderName: "Minho", confirmedBy: "OWNER" },
  DeliveryCompleted: { deliveryId: "d", riderId: "r" },
  DeliveryCancelled: { deliveryId: "d" },
  DeliveryReturned: { deliveryId: "d", riderId: "r", riderName: "Minho" },
  DeliveryLeftWithNeighbour: { deliveryId: "d", riderId: "r", name: "Mrs Kim, 302", proof: { photo: true, note: null } },
  DeliveryAttempted: { deliveryId: "d", riderId: "r", reason: "NOBODY_HOME", note: "rang twice", attempt: 1 },
  DeliveryBackAtShop: { deliveryId: "d", riderId: "r", riderName: "Minho" },
  DeliveryRescheduled: { deliveryId: "d", storeId: "s", deliveryDate: "2099-02-01", timeSlot: "15-18", feeWon: 3000 },
  DeliveryAbandoned: { deliveryId: "d", storeId: "s", reason: null },
  ArrangementPhotoSubmitted: { storeId: "s", round: 1, substitutions: "peony → garden rose", dueAt: "2099-01-31T03:30:00.000Z" },
  ArrangementChangeRequested: { storeId: "s", round: 1, note: "More white, please" },
  ArrangementApproved: { storeId: "s", round: 2, by: "timeout" },
};

describe.each(EVENT_TYPES)("event contract: %s", (type) => {
  const written = () => JSON.parse(JSON.stringify(createEvent(type, ORDER, SAMPLES[type], SYSTEM)));

  it(`[C8] ${type} carries version ${EVENT_VERSION}, and as written by the current code is read by the consumer's schema`, () => {
    const wire = written();
    expect(wire).toMatchObject({ type, version: EVENT_VERSION, orderId: ORDER });
    expect(parseEvent(wire)).toEqual(wire);
  });

  it(`[C8] ${type} of an older, newer or missing version is refused explicitly`, () => {
    const wire = written();
    for (const version of [EVENT_VERSION - 1, EVENT_VERSION + 1, undefined, "1"]) {
      expect(() => parseEvent({ ...wire, version }), String(version)).toThrow(/Unsupported event version/);
    }
  });

  it(`[C8] ${type} with a payload missing a field is refused by writer and reader`, () => {
    const wire = written();
    const [first] = Object.keys(SAMPLES[type]);
    const { [first!]: _dropped, ...partial } = wire.payload;
    expect(() => parseEvent({ ...wire, payload: partial })).toThrow();
    expect(() => createEvent(type, ORDER, partial as never, SYSTEM)).toThrow();
  });
});
