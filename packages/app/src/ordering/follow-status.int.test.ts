// F13: the ordering context follows the other contexts' events even when two events of one order
// are handled at the same moment (the order-status queue runs several jobs at once).
import { closeDbs, inTransaction } from "@bloom/db";
import { createEvent, SYSTEM } from "@bloom/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER } from "../../../../test/support/fixtures";
import { placeOrder } from "./place-order";
import { followOrderStatus } from "./follow-status";

const { ctx, db } = testContext();
beforeAll(() => resetOrders(db));
afterAll(() => closeDbs());

describe("order status follows events", () => {
  it("[F13] two events of one order handled at once both count: accepted and arranged ends arranged", async () => {
    for (let i = 0; i < 10; i++) {
      const placed = await placeOrder(ctx, CUSTOMER.id, checkout());
      if (!placed.ok) throw new Error(placed.message);
      const id = placed.order.id;
      const storeId = checkout().storeId;
      const accepted = createEvent("StoreOrderAccepted", id, { storeId, overStock: false }, SYSTEM);
      const decorated = createEvent("DecorationCompleted", id, {
        storeId, storeName: "s", pickupAddress: "p", dropoffAddress: "d", recipientName: "r", recipientPhone: "010-0000-0000", deliveryDate: "2030-01-02", timeSlot: "12-15",
      }, SYSTEM);
      await Promise.all([accepted, decorated].map((e) => inTransaction(db, (tx) => followOrderStatus(tx, e))));
      const order = await db.order.findUniqueOrThrow({ where: { id } });
      expect(order.status, `order ${i}`).toBe("DECORATED");
      const history = await db.orderHistory.findMany({ where: { orderId: id }, orderBy: { at: "asc" } });
      expect(history.map((h) => h.status).at(-1)).toBe("DECORATED");
    }
  });
});
