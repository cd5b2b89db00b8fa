// cancelOrder (F11): allowed until the delivery starts; cancelling twice is harmless. The refund,
// store-order and delivery cancellation follow from OrderCancelled through the worker (F12).
import { CANCELLABLE_STATUSES, createEvent, decideCancel, refuse, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { getOrderForCustomer, type OrderDetail } from "./queries";

export async function cancelOrder(
  ctx: AppContext,
  customerId: string,
  orderId: string,
  reason: string | null = null,
): Promise<Result<{ order: OrderDetail; alreadyCancelled: boolean }>> {
  const order = await ctx.db.order.findFirst({ where: { id: orderId, customerId } });
  if (!order) return refuse("NOT_FOUND", "Order not found");
  const decision = decideCancel(order.status);
  if (!decision.ok) return decision;
  if (!decision.alreadyCancelled) {
    const changed = await ctx.db.$transaction(async (tx) => {
      // Conditional on the status, so a delivery that starts meanwhile wins cleanly.
      const n = await tx.order.updateMany({
        where: { id: orderId, status: { in: [...CANCELLABLE_STATUSES] } },
        data: { status: "CANCELLED", statusReason: reason },
      });
      if (n.count === 0) return false;
      await tx.orderHistory.create({ data: { orderId, status: "CANCELLED", note: reason } });
      await appendEvents(tx, [
        createEvent("OrderCancelled", orderId, { customerId, storeId: order.storeId, reason }, { role: "CUSTOMER", id: customerId }),
      ]);
      return true;
    });
    if (!changed) {
      const now = await ctx.db.order.findUniqueOrThrow({ where: { id: orderId } });
      const again = decideCancel(now.status);
      if (!again.ok) return again;
    } else {
      ctx.log.info({ orderId, customerId }, "order cancelled");
    }
  }
  const detail = await getOrderForCustomer(ctx.db, customerId, orderId);
  return { ok: true, order: detail!, alreadyCancelled: decision.alreadyCancelled };
}
