// Policy "refund" (F7, F12): a rejected or cancelled order's payment is refunded, exactly once in
// effect — the inbox stops a redelivered job, the payment's status stops a second cause, and the
// processor's refund is idempotent by charge should a crash fall between the two.
import type { Tx } from "@bloom/db";
import { createEvent, SYSTEM, type DomainEvent, type PaymentGateway } from "@bloom/domain";
import { appendEvents } from "../shared/outbox";

export async function refundPayment(
  tx: Tx,
  gateway: PaymentGateway,
  e: DomainEvent<"StoreOrderRejected" | "OrderCancelled">,
) {
  const payment = await tx.payment.findUnique({ where: { orderId: e.orderId } });
  if (!payment) return {};
  const hint = { customerId: payment.customerId };
  if (payment.status !== "APPROVED") return hint;
  await gateway.refund(payment.providerRef);
  await tx.payment.update({ where: { id: payment.id }, data: { status: "REFUNDED", refundedAt: new Date() } });
  await appendEvents(tx, [
    createEvent(
      "PaymentRefunded",
      e.orderId,
      { paymentId: payment.id, amountWon: payment.amountWon, cause: e.type === "OrderCancelled" ? "CANCELLED" : "REJECTED" },
      SYSTEM,
    ),
  ]);
  return hint;
}
