// placeOrder (F1, F2, N1): validate → price from the catalog → check stock → charge → store the
// order, its payment and OrderPlaced in one transaction. A charge whose order cannot be stored is
// voided. The client's idempotency key makes retries and double-clicks place one order.
import {
  createEvent,
  placeOrderSchema,
  priceCart,
  refuse,
  type Result,
} from "@bloom/domain";
import type { PaymentBusyError } from "../payment/resilient-payments";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { isUniqueViolation } from "../shared/prisma-errors";
import { getOrderForCustomer, type OrderDetail } from "./queries";

export type PlaceOrderResult = Result<{ order: OrderDetail; replayed: boolean }> & { retryAfterSec?: number };

export async function placeOrder(ctx: AppContext, customerId: string, rawInput: unknown): Promise<PlaceOrderResult> {
  const parsed = placeOrderSchema.safeParse(rawInput);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return refuse("VALIDATION", `${issue?.path.join(".") ?? "input"}: ${issue?.message ?? "invalid"}`);
  }
  const input = parsed.data;
  const { db } = ctx;

  const existing = await findByKey(ctx, customerId, input.idempotencyKey);
  if (existing) return { ok: true, order: existing, replayed: true };

  const store = await db.store.findUnique({ where: { id: input.storeId } });
  if (!store) return refuse("NOT_FOUND", "This store does not exist");
  const catalog = await db.bouquet.findMany({ where: { id: { in: input.items.map((i) => i.bouquetId) } } });
  const priced = priceCart(store.id, input.items, catalog);
  if (!priced.ok) return priced;

  // The processor deduplicates on this key, so a retried request can never charge twice.
  const chargeKey = `order:${customerId}:${input.idempotencyKey}`;
  let charge;
  try {
    charge = await ctx.payments.charge({ idempotencyKey: chargeKey, amountWon: priced.totalWon, card: input.card });
  } catch (e) {
    // Matched by name, not instanceof: Next may load this module once per server bundle, so the
    // payments service built in one bundle throws classes another bundle does not share.
    if (isNamed(e, "PaymentBusyError") || isNamed(e, "PaymentProviderError")) {
      // A timed-out or failed charge may still land at the processor: cancel it by key. An open
      // breaker sent nothing, so its "busy" answer costs no write (it must stay cheap: during an
      // outage it is most of the traffic).
      const sentNothing = isNamed(e, "PaymentBusyError") && !(e as PaymentBusyError).mayHaveCharged;
      if (!sentNothing) await voidQuietly(ctx, chargeKey);
      if (isNamed(e, "PaymentBusyError")) {
        const busy = e as PaymentBusyError;
        return { ...refuse("PAYMENT_BUSY", busy.message), retryAfterSec: busy.retryAfterSec };
      }
      return refuse("PAYMENT_FAILED", "The card processor had a problem. You were not charged — please try again.");
    }
    throw e;
  }
  if (charge.outcome !== "APPROVED") {
    return refuse(charge.outcome === "INSUFFICIENT_FUNDS" ? "INSUFFICIENT_FUNDS" : "PAYMENT_DECLINED", charge.reason);
  }

  const orderId = globalThis.crypto.randomUUID();
  const paymentId = globalThis.crypto.randomUUID();
  const d = input.delivery;
  const placed = createEvent(
    "OrderPlaced",
    orderId,
    {
      customerId,
      storeId: store.id,
      storeName: store.name,
      lines: priced.lines,
      totalWon: priced.totalWon,
      recipientName: d.recipientName,
      recipientPhone: d.recipientPhone,
      address: d.address,
      deliveryDate: d.deliveryDate,
      timeSlot: d.timeSlot,
      giftMessage: d.giftMessage || null,
      note: d.note || null,
      paymentId,
    },
    { role: "CUSTOMER", id: customerId },
  );
  let created;
  try {
    created = await db.$transaction(async (tx) => {
      const order = await tx.order.create({
        data: {
          id: orderId,
          customerId,
          storeId: store.id,
          storeName: store.name,
          totalWon: priced.totalWon,
          recipientName: d.recipientName,
          recipientPhone: d.recipientPhone,
          address: d.address,
          deliveryDate: d.deliveryDate,
          timeSlot: d.timeSlot,
          giftMessage: d.giftMessage || null,
          note: d.note || null,
          idempotencyKey: input.idempotencyKey,
          paymentId,
          cardBrand: charge.brand,
          cardLast4: charge.last4,
          lines: { create: priced.lines },
          history: { create: { status: "PLACED" } },
        },
        // The answer is built from what was written, not read back in another round trip.
        include: { lines: true, history: { orderBy: { at: "asc" } } },
      });
      await tx.payment.create({
        data: {
          id: paymentId,
          orderId,
          customerId,
          amountWon: priced.totalWon,
          status: "APPROVED",
          providerRef: charge.providerRef,
          cardBrand: charge.brand,
          cardLast4: charge.last4,
        },
      });
      await appendEvents(tx, [placed]);
      return order;
    });
  } catch (e) {
    // A concurrent identical request won the race: it holds the same (single) charge.
    if (isUniqueViolation(e)) {
      const winner = await findByKey(ctx, customerId, input.idempotencyKey);
      if (winner) return { ok: true, order: winner, replayed: true };
    }
    ctx.log.error({ orderId, err: String(e) }, "order could not be stored after payment; voiding the charge");
    await voidQuietly(ctx, chargeKey);
    return refuse("PAYMENT_FAILED", "We could not save your order, so the payment was cancelled. Please try again.");
  }
  ctx.log.info({ orderId, customerId, storeId: store.id, totalWon: priced.totalWon }, "order placed");
  const { idempotencyKey: _key, ...order } = created;
  return { ok: true, order, replayed: false };
}

async function findByKey(ctx: AppContext, customerId: string, key: string) {
  const row = await ctx.db.order.findUnique({
    where: { customerId_idempotencyKey: { customerId, idempotencyKey: key } },
    select: { id: true },
  });
  return row ? getOrderForCustomer(ctx.db, customerId, row.id) : null;
}

const isNamed = (e: unknown, name: string) => e instanceof Error && e.name === name;

async function voidQuietly(ctx: AppContext, chargeKey: string) {
  try {
    await ctx.payments.gateway.void(chargeKey);
  } catch (e) {
    // The void is retried by nobody here; log loudly so an operator reconciles it.
    ctx.log.error({ chargeKey, err: String(e) }, "VOID FAILED: charge without order needs reconciliation");
  }
}
