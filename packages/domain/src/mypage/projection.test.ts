import { describe, expect, it } from "vitest";
import { createEvent, type DomainEvent } from "../events/catalog";
import { projectMyPage } from "./projection";

const ORDER = "0b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";
const at = (s: number) => new Date(Date.UTC(2030, 0, 1, 9, 0, s));
const owner = { role: "OWNER" as const, id: "o" };

function journey(): DomainEvent[] {
  return [
    createEvent("OrderPlaced", ORDER, {
      customerId: "c1", storeId: "s1", storeName: "Seoul Forest Florist",
      lines: [{ bouquetId: "b", name: "Red Rose Classic", unitPriceWon: 59000, quantity: 2 }],
      totalWon: 118000, recipientName: "R", recipientPhone: "010-1111-2222", address: "Addr 1", deliveryDate: "2030-01-02",
      timeSlot: "12-15", giftMessage: null, note: null, paymentId: "p",
    }, { role: "CUSTOMER", id: "c1" }, at(0)),
    createEvent("StoreOrderAccepted", ORDER, { storeId: "s1", overStock: false }, owner, at(1)),
    createEvent("DecorationCompleted", ORDER, { storeId: "s1", storeName: "x", pickupAddress: "p", dropoffAddress: "d", recipientName: "R", recipientPhone: "0", deliveryDate: "2030-01-02", timeSlot: "12-15" }, owner, at(2)),
    createEvent("DeliveryRequested", ORDER, { deliveryId: "d1", storeId: "s1" }, owner, at(3)),
    createEvent("DeliveryStarted", ORDER, { deliveryId: "d1", riderId: "r1", riderName: "Jiho Lee" }, owner, at(4)),
    createEvent("DeliveryCompleted", ORDER, { deliveryId: "d1", riderId: "r1" }, owner, at(5)),
  ];
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe("MyPage projection", () => {
  it("[F14][B2] shows order and delivery status, rider and a timeline of every change", () => {
    const v = projectMyPage(ORDER, journey());
    expect(v).toMatchObject({
      customerId: "c1", storeName: "Seoul Forest Florist", itemsSummary: "Red Rose Classic ×2", totalWon: 118000,
      orderStatus: "DELIVERED", deliveryStatus: "DELIVERED", paymentStatus: "PAID", riderName: "Jiho Lee",
    });
    expect(v.timeline.map((t) => t.type)).toEqual(["OrderPlaced", "StoreOrderAccepted", "DecorationCompleted", "DeliveryRequested", "DeliveryStarted", "DeliveryCompleted"]);
  });

  it("[N4] shuffled and duplicated events give the same view", () => {
    const base = journey();
    const live = projectMyPage(ORDER, base);
    for (let seed = 1; seed < 30; seed++) {
      const messy = shuffled([...base, ...base.slice(0, 3)], seed);
      expect(projectMyPage(ORDER, messy)).toEqual(live);
    }
  });

  it("[F12] a cancelled order shows cancelled and refunded, whatever arrives late", () => {
    const [placed] = journey();
    const cancelled = createEvent("OrderCancelled", ORDER, { customerId: "c1", storeId: "s1", reason: null }, { role: "CUSTOMER", id: "c1" }, at(2));
    const refunded = createEvent("PaymentRefunded", ORDER, { paymentId: "p", amountWon: 118000, cause: "CANCELLED" }, { role: "SYSTEM", id: null }, at(3));
    const lateAccept = createEvent("StoreOrderAccepted", ORDER, { storeId: "s1", overStock: false }, owner, at(4));
    const v = projectMyPage(ORDER, [refunded, lateAccept, cancelled, placed!]);
    expect(v).toMatchObject({ orderStatus: "CANCELLED", paymentStatus: "REFUNDED" });
  });

  it("[F12] cancelled after the pickup: the late pickup and the recall leave it cancelled, and the return shows in the timeline", () => {
    const [placed, accepted, decorated, requested] = journey();
    const sys = { role: "SYSTEM" as const, id: null };
    const cancelled = createEvent("OrderCancelled", ORDER, { customerId: "c1", storeId: "s1", reason: null }, { role: "CUSTOMER", id: "c1" }, at(4));
    const started = createEvent("DeliveryStarted", ORDER, { deliveryId: "d1", riderId: "r1", riderName: "Jiho Lee" }, { role: "RIDER", id: "r1" }, at(4));
    const recalled = createEvent("DeliveryCancelled", ORDER, { deliveryId: "d1", riderId: "r1" }, sys, at(5));
    const refunded = createEvent("PaymentRefunded", ORDER, { paymentId: "p", amountWon: 118000, cause: "CANCELLED" }, sys, at(5));
    const returned = createEvent("DeliveryReturned", ORDER, { deliveryId: "d1", riderId: "r1", riderName: "Jiho Lee" }, { role: "RIDER", id: "r1" }, at(9));
    const events = [placed!, accepted!, decorated!, requested!, cancelled, started, recalled, refunded, returned];
    for (const seed of [1, 2, 3]) {
      const v = projectMyPage(ORDER, shuffled(events, seed));
      expect(v).toMatchObject({ orderStatus: "CANCELLED", deliveryStatus: "CANCELLED", paymentStatus: "REFUNDED" });
      expect(v.timeline.at(-1)).toMatchObject({ type: "DeliveryReturned", label: "Bouquet returned to the shop" });
    }
  });
});

describe("MyPage projection: pickup step (D3)", () => {
  const rider = { role: "RIDER" as const, id: "r1" };
  const sys = { role: "SYSTEM" as const, id: null };
  const claimed = createEvent("DeliveryClaimed", ORDER, { deliveryId: "d1", riderId: "r1", riderName: "Jiho Lee" }, rider, at(4));
  const arrived = createEvent("RiderArrivedAtShop", ORDER, { deliveryId: "d1", riderId: "r1" }, rider, at(5));
  const pickedUp = createEvent("DeliveryStarted", ORDER, { deliveryId: "d1", riderId: "r1", riderName: "Jiho Lee", confirmedBy: "OWNER" }, owner, at(6));
  const upToRequest = () => journey().slice(0, 4);

  it("[D3][F14] a claim shows the rider assigned, an arrival the rider at the shop; the order stays arranged until the pickup", () => {
    expect(projectMyPage(ORDER, [...upToRequest(), claimed])).toMatchObject({ orderStatus: "DECORATED", deliveryStatus: "ASSIGNED", riderName: "Jiho Lee" });
    const atShop = projectMyPage(ORDER, [...upToRequest(), claimed, arrived]);
    expect(atShop).toMatchObject({ orderStatus: "DECORATED", deliveryStatus: "AT_SHOP", riderName: "Jiho Lee" });
    expect(atShop.timeline.slice(-2)).toMatchObject([
      { type: "DeliveryClaimed", label: "Rider assigned" },
      { type: "RiderArrivedAtShop", label: "Rider at the shop" },
    ]);
    expect(projectMyPage(ORDER, [...upToRequest(), claimed, arrived, pickedUp])).toMatchObject({ orderStatus: "DELIVERING", deliveryStatus: "DELIVERING" });
  });

  it("[D3][N4] shuffled, duplicated and slightly skewed events never move the view back from the pickup", () => {
    const events = [...upToRequest(), claimed, arrived, pickedUp];
    const live = projectMyPage(ORDER, events);
    for (let seed = 1; seed < 20; seed++) expect(projectMyPage(ORDER, shuffled([...events, claimed, arrived], seed))).toEqual(live);
    // Written by another process whose clock runs a little behind: the pickup reads older than the arrival.
    const skewed = createEvent("DeliveryStarted", ORDER, { deliveryId: "d1", riderId: "r1", riderName: "Jiho Lee" }, rider, new Date(at(5).getTime() - 5));
    expect(projectMyPage(ORDER, [...upToRequest(), claimed, skewed, arrived])).toMatchObject({ deliveryStatus: "DELIVERING", orderStatus: "DELIVERING" });
  });

  it("[D3][F12] cancelled while a rider had only claimed it: order cancelled, delivery cancelled, no recall", () => {
    const cancelled = createEvent("OrderCancelled", ORDER, { customerId: "c1", storeId: "s1", reason: null }, { role: "CUSTOMER", id: "c1" }, at(6));
    const withdrawn = createEvent("DeliveryCancelled", ORDER, { deliveryId: "d1", riderId: null }, sys, at(7));
    const v = projectMyPage(ORDER, [...upToRequest(), claimed, cancelled, withdrawn]);
    expect(v).toMatchObject({ orderStatus: "CANCELLED", deliveryStatus: "CANCELLED" });
    expect(v.timeline.map((t) => t.type)).not.toContain("DeliveryStarted");
  });
});
