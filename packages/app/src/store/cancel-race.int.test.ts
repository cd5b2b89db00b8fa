// F6/F12: a customer's cancellation reaching the store at the moment its owner accepts. Either the
// accept wins and the cancellation then releases the stock it reserved, or the accept finds the
// order cancelled — never a cancelled order holding stock.
import { actOnStoreOrder } from "./board";
import { cancelStoreOrderFor } from "./on-order-cancelled";
import { closeDbs, inTransaction } from "@bloom/db";
import { createEvent } from "@bloom/domain";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { CUSTOMER, OWNER, ROSES, STORE } from "../../../../test/support/fixtures";

const { ctx, db } = testContext();
beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

const owner = { id: OWNER.id, role: "OWNER" };

describe("store order: cancellation against the owner's accept", () => {
  it("[F6][F12] accept and cancellation at once never leave a cancelled order holding stock", async () => {
    const stock = async () => (await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).stock;
    const before = await stock();
    for (let i = 0; i < 10; i++) {
      const orderId = crypto.randomUUID();
      await db.storeOrder.create({
        data: {
          orderId, storeId: STORE.id, status: "NEW", totalWon: 59000, recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432",
          address: "88 Eulji-ro, Jung-gu, Seoul", deliveryDate: "2030-01-02", timeSlot: "12-15",
          lines: [{ bouquetId: ROSES, name: "Red Rose Classic", nameKo: "빨간 장미 클래식", unitPriceWon: 59000, quantity: 1 }],
        },
      });
      const cancelled = createEvent("OrderCancelled", orderId, { customerId: CUSTOMER.id, storeId: STORE.id, reason: null }, { role: "CUSTOMER", id: CUSTOMER.id });
      await Promise.all([inTransaction(db, (tx) => cancelStoreOrderFor(tx, cancelled)), actOnStoreOrder(ctx, owner, orderId, { kind: "accept" })]);
      expect((await db.storeOrder.findUniqueOrThrow({ where: { orderId } })).status, `order ${i}`).toBe("CANCELLED");
      expect(await stock(), `stock after order ${i}`).toBe(before);
    }
  });
});
