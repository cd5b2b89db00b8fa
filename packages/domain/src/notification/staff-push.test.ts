import { describe, expect, it } from "vitest";
import { deliveryCancelledPush, newOrderPush, orderCancelledPush, requestOpenedPush, slotText } from "./staff-push";

const shop = {
  name: "Seoul Forest Florist",
  nameKo: "서울숲 꽃집",
  ownerIds: ["owner-1"],
};
const orderId = "0b8f0c0e-1111-4222-8333-944445555666";

describe("staff push texts (X3)", () => {
  it("[X3] a new order rings the shop's owners, in each language, and opens the shop's board", () => {
    const p = newOrderPush(
      {
        orderId,
        storeId: "s1",
        itemCount: 2,
        totalWon: 62000,
        deliveryDate: "2026-12-03",
        timeSlot: "12-15",
      },
      shop,
    );
    expect(p.to).toEqual({ audience: "OWNER", userIds: ["owner-1"] });
    expect(p.payload("ko")).toEqual({
      title: "새 주문 · 서울숲 꽃집",
      body: "꽃다발 2개 · ₩62,000 · 12월 3일 12–15시 배송",
      url: "/board?store=s1",
      tag: `order-${orderId}`,
    });
    expect(p.payload("en").title).toBe("New order · Seoul Forest Florist");
    expect(p.payload("en").body).toBe("2 bouquets · ₩62,000 · delivery Dec 3, 12:00–15:00");
  });

  it("[X3] a cancellation replaces the new order's notification (same tag)", () => {
    const placed = newOrderPush(
      {
        orderId,
        storeId: "s1",
        itemCount: 1,
        totalWon: 1,
        deliveryDate: "2026-12-03",
        timeSlot: "12-15",
      },
      shop,
    );
    const cancelled = orderCancelledPush({ orderId, storeId: "s1" }, shop);
    expect(cancelled.payload("en").tag).toBe(placed.payload("en").tag);
    expect(cancelled.payload("en").body).toContain("0b8f0c0e");
  });

  it("[X3] the rider of a recall is asked to bring it back; a withdrawn claim not to go", () => {
    const recall = deliveryCancelledPush({ deliveryId: "d1", riderId: "r1", recall: true }, shop);
    const withdrawn = deliveryCancelledPush({ deliveryId: "d1", riderId: "r1", recall: false }, shop);
    expect(recall.to).toEqual({ audience: "RIDER", userIds: ["r1"] });
    expect(recall.payload("en").body).toMatch(/bring the bouquet back/);
    expect(withdrawn.payload("ko").body).toMatch(/가지 않아도/);
    expect(recall.payload("ko").url).toBe("/deliveries");
  });

  it("[X3] an open request rings every rider with the fee, distance and slot", () => {
    const p = requestOpenedPush(
      {
        deliveryId: "d1",
        storeId: "s1",
        riderFeeWon: 3000,
        distanceKm: 2.4,
        deliveryDate: "2026-12-03",
        timeSlot: "18-21",
      },
      shop,
    );
    expect(p.to).toEqual({ audience: "RIDER", everyone: true });
    expect(p.payload("en").body).toBe("₩3,000 · 2.4 km · Dec 3, 18:00–21:00");
    expect(p.payload("ko").body).toBe("₩3,000 · 2.4km · 12월 3일 18–21시");
    const unknownDistance = requestOpenedPush(
      {
        deliveryId: "d1",
        storeId: "s1",
        riderFeeWon: 0,
        distanceKm: null,
        deliveryDate: "2026-12-03",
        timeSlot: "18-21",
      },
      shop,
    );
    expect(unknownDistance.payload("en").body).toBe("₩0 · Dec 3, 18:00–21:00");
  });

  it("[X3] every payload fits a push message (4 KB before encryption, far less here)", () => {
    const long = { ...shop, name: "N".repeat(100), nameKo: "가".repeat(100) };
    const p = newOrderPush(
      {
        orderId,
        storeId: "s1",
        itemCount: 20,
        totalWon: 9_999_999,
        deliveryDate: "2026-12-03",
        timeSlot: "12-15",
      },
      long,
    );
    expect(Buffer.byteLength(JSON.stringify(p.payload("ko")))).toBeLessThan(1024);
    expect(slotText("bad", "x", "en")).toBe("bad x");
  });
});
