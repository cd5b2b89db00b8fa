import { describe, expect, it } from "vitest";
import { EVENT_TYPES } from "../events/event-types";
import { ACTIVE_STATUSES, CANCELLABLE_STATUSES, decideCancel, followEvent, ORDER_STATUSES, orderStatusAfter } from "./order";
import { priceCart } from "./price-cart";

describe("Order state machine", () => {
  it("[F13] follows the store and delivery events in order, never backwards", () => {
    expect(followEvent("PLACED", "StoreOrderAccepted")).toBe("ACCEPTED");
    expect(followEvent("ACCEPTED", "DecorationCompleted")).toBe("DECORATED");
    expect(followEvent("DECORATED", "DeliveryStarted")).toBe("DELIVERING");
    expect(followEvent("DELIVERING", "DeliveryCompleted")).toBe("DELIVERED");
    expect(followEvent("DELIVERED", "StoreOrderAccepted")).toBeNull();
    expect(followEvent("DELIVERING", "DecorationCompleted")).toBeNull();
  });

  it("[F12] a cancelled order ignores late events", () => {
    for (const t of ["StoreOrderAccepted", "DecorationCompleted", "DeliveryStarted", "DeliveryCompleted", "StoreOrderRejected"] as const) {
      expect(followEvent("CANCELLED", t)).toBeNull();
    }
  });

  it("[D3] a rider's claim and arrival at the shop leave the order arranged and cancellable; the pickup ends that", () => {
    expect(followEvent("DECORATED", "DeliveryClaimed")).toBeNull();
    expect(followEvent("DECORATED", "RiderArrivedAtShop")).toBeNull();
    expect(decideCancel("DECORATED")).toEqual({ ok: true, alreadyCancelled: false });
    expect(followEvent("DECORATED", "DeliveryStarted")).toBe("DELIVERING");
    expect(decideCancel("DELIVERING")).toMatchObject({ ok: false, code: "CANNOT_CANCEL", message: expect.stringMatching(/picked up/) });
  });

  it("[F11] can be cancelled until the delivery starts; twice is harmless; after that it is refused", () => {
    expect(decideCancel("PLACED")).toEqual({ ok: true, alreadyCancelled: false });
    expect(decideCancel("DECORATED")).toEqual({ ok: true, alreadyCancelled: false });
    expect(decideCancel("CANCELLED")).toEqual({ ok: true, alreadyCancelled: true });
    expect(decideCancel("DELIVERING")).toMatchObject({ ok: false, code: "CANNOT_CANCEL" });
    expect(decideCancel("DELIVERED")).toMatchObject({ ok: false, code: "CANNOT_CANCEL" });
    expect(decideCancel("REJECTED")).toMatchObject({ ok: false, code: "CANNOT_CANCEL" });
  });
});

describe("priceCart", () => {
  const catalog = [
    { id: "a", storeId: "s1", name: "Roses", priceWon: 59000, stock: 3, active: true },
    { id: "b", storeId: "s1", name: "Lilies", priceWon: 64000, stock: 0, active: true },
    { id: "c", storeId: "s2", name: "Tulips", priceWon: 42000, stock: 9, active: true },
    { id: "d", storeId: "s1", name: "Retired", priceWon: 1000, stock: 9, active: false },
  ];
  it("[F11] the cancellable statuses are exactly those decideCancel lets through (the web's button and the app's update use the list)", () => {
    for (const s of ORDER_STATUSES) {
      const d = decideCancel(s);
      expect(d.ok && !d.alreadyCancelled, s).toBe(CANCELLABLE_STATUSES.includes(s));
    }
  });

  it("[F13] one status machine: the order's own OrderCancelled from any active status, other events as followEvent; final statuses never move", () => {
    for (const s of ORDER_STATUSES) {
      expect(orderStatusAfter(s, "OrderCancelled"), s).toBe(ACTIVE_STATUSES.includes(s) ? "CANCELLED" : null);
      for (const t of EVENT_TYPES) {
        if (t !== "OrderCancelled") expect(orderStatusAfter(s, t), `${s} ${t}`).toBe(followEvent(s, t));
        if (!ACTIVE_STATUSES.includes(s)) expect(orderStatusAfter(s, t), `${s} ${t}`).toBeNull();
      }
    }
  });

  it("[F1] prices from the catalog and merges repeated lines", () => {
    const r = priceCart("s1", [{ bouquetId: "a", quantity: 1 }, { bouquetId: "a", quantity: 2 }], catalog);
    expect(r).toEqual({ ok: true, totalWon: 177000, lines: [{ bouquetId: "a", name: "Roses", unitPriceWon: 59000, quantity: 3 }] });
  });
  it("[F1] refuses sold out, beyond stock, other stores and retired bouquets", () => {
    expect(priceCart("s1", [{ bouquetId: "b", quantity: 1 }], catalog)).toMatchObject({ code: "OUT_OF_STOCK", message: "Lilies is sold out" });
    expect(priceCart("s1", [{ bouquetId: "a", quantity: 4 }], catalog)).toMatchObject({ code: "OUT_OF_STOCK", message: "Only 3 of Roses left" });
    expect(priceCart("s1", [{ bouquetId: "c", quantity: 1 }], catalog)).toMatchObject({ code: "MIXED_STORES" });
    expect(priceCart("s1", [{ bouquetId: "d", quantity: 1 }], catalog)).toMatchObject({ code: "BOUQUET_UNAVAILABLE" });
    expect(priceCart("s1", [{ bouquetId: "zz", quantity: 1 }], catalog)).toMatchObject({ code: "BOUQUET_UNAVAILABLE" });
  });
});
