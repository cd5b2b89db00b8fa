// S6: who hears a live change, and how much of it. Riders hear the deliveries they hold in full,
// and of anything else at most that the open requests changed.
import { describe, expect, it } from "vitest";
import { createEvent, SYSTEM, type DomainEvent } from "./catalog";
import { liveChangeSchema, liveMessageFor, riderConcernOf, type LiveChange } from "./live";

const ORDER = "5f0c6b1e-8f0e-4a53-9a2b-2f6a6d1f7c11";
const A = "rider-a";
const B = "rider-b";
const change = (over: Partial<LiveChange>): LiveChange => ({ orderId: ORDER, type: "OrderCancelled", policy: "delivery-cancellation", at: "2026-12-01T00:00:00.000Z", ...over });
const riderA = { role: "RIDER", id: A };
const riderB = { role: "RIDER", id: B };

describe("live changes", () => {
  it("[S6] a rider hears an order only while holding its delivery; otherwise at most 'the market changed', with no order in it", () => {
    const held = change({ riderId: A, storeId: "s1", customerId: "c1" });
    expect(liveMessageFor(held, riderA)).toEqual({ kind: "change", orderId: ORDER, type: "OrderCancelled" });
    expect(liveMessageFor(held, riderB)).toBeNull();
    expect(liveMessageFor(change({ market: true }), riderB)).toEqual({ kind: "market" });
    // What an older worker announced (no rider fields) reaches no rider: closed, not open.
    expect(liveMessageFor(liveChangeSchema.parse({ orderId: ORDER, type: "OrderCancelled", policy: "delivery-cancellation", storeId: "s1", at: "x" }), riderA)).toBeNull();
  });

  it("[S6] customers hear their own orders and owners their shops', whatever the riders hear", () => {
    const c = change({ customerId: "c1", storeId: "s1", riderId: A, market: true });
    expect(liveMessageFor(c, { role: "CUSTOMER", id: "c1" })).toMatchObject({ kind: "change", orderId: ORDER });
    expect(liveMessageFor(c, { role: "CUSTOMER", id: "c2" })).toBeNull();
    expect(liveMessageFor(c, { role: "OWNER", id: "o1", storeIds: ["s1"] })).toMatchObject({ kind: "change" });
    expect(liveMessageFor(c, { role: "OWNER", id: "o2", storeIds: ["s2"] })).toBeNull();
  });

  it("[S6] an event names the rider who holds its delivery, and says whether the open requests changed", () => {
    const ev = (e: DomainEvent) => riderConcernOf(e);
    expect(ev(createEvent("DeliveryRequested", ORDER, { deliveryId: "d", storeId: "s1" }, SYSTEM))).toEqual({ riderId: null, market: true });
    expect(ev(createEvent("DeliveryCompleted", ORDER, { deliveryId: "d", riderId: A }, SYSTEM))).toEqual({ riderId: A, market: false });
    expect(ev(createEvent("DeliveryCancelled", ORDER, { deliveryId: "d", riderId: A }, SYSTEM))).toEqual({ riderId: A, market: false });
    expect(ev(createEvent("DeliveryCancelled", ORDER, { deliveryId: "d", riderId: null }, SYSTEM))).toEqual({ riderId: null, market: true });
    expect(ev(createEvent("OrderCancelled", ORDER, { customerId: "c1", storeId: "s1", reason: null }, SYSTEM))).toEqual({ riderId: null, market: false });
  });
});
