// placeOrder (F1, F2, N1): validate → price from the catalog → check stock → charge → store the
// order, its payment and OrderPlaced in one transaction. A charge whose order cannot be stored is
// voided. The client's idempotency key makes retries and double-clicks place one order.
import { sqlOf } from "@bloom/db";
import { OUTBOX_CHANNEL } from "../shared/outbox";
import {
  createEvent,
  type CatalogBouquet,
  isSameCheckout,
  type PlaceOrderInput,
  placeOrderSchema,
  priceCart,
  refuse,
  type Result,
} from "@bloom/domain";
import type { PaymentBusyError } from "../payment/resilient-payments";
import type { AppContext } from "../shared/context";
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

  // One round trip: the idempotency key's earlier order (if any), the store, the cart's bouquets.
  const sql = sqlOf(db);
  const { rows } = await sql.query<{ existing: string | null; storeId: string | null; storeName: string | null; bouquets: CatalogBouquet[] }>({
    name: "place-order-lookup",
    text: `SELECT (SELECT id FROM ordering_orders WHERE customer_id = $1 AND idempotency_key = $2) AS existing,
                  s.id AS "storeId", s.name AS "storeName",
                  COALESCE((SELECT json_agg(json_build_object('id', b.id, 'storeId', b.store_id, 'name', b.name,
                                   'priceWon', b.price_won, 'stock', b.stock, 'active', b.active))
                            FROM store_bouquets b WHERE b.id = ANY($4::uuid[])), '[]') AS bouquets
           FROM (SELECT 1) one LEFT JOIN store_stores s ON s.id = $3`,
    values: [customerId, input.idempotencyKey, input.storeId, input.items.map((i) => i.bouquetId)],
  });
  const found = rows[0]!;
  if (found.existing) {
    const existing = await getOrderForCustomer(db, customerId, found.existing);
    if (existing) return replay(existing, input);
  }
  if (!found.storeId || !found.storeName) return refuse("NOT_FOUND", "This store does not exist");
  const store = { id: found.storeId, name: found.storeName };
  const priced = priceCart(store.id, input.items, found.bouquets);
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
  // The delivery details as stored and announced (empty optional texts are stored as null).
  const delivery = {
    recipientName: d.recipientName,
    recipientPhone: d.recipientPhone,
    address: d.address,
    deliveryDate: d.deliveryDate,
    timeSlot: d.timeSlot,
    giftMessage: d.giftMessage || null,
    note: d.note || null,
  };
  const placed = createEvent(
    "OrderPlaced",
    orderId,
    { customerId, storeId: store.id, storeName: store.name, lines: priced.lines, totalWon: priced.totalWon, ...delivery, paymentId },
    { role: "CUSTOMER", id: customerId },
  );
  const now = new Date();
  const order: OrderDetail = {
    id: orderId,
    customerId,
    storeId: store.id,
    storeName: store.name,
    status: "PLACED",
    totalWon: priced.totalWon,
    ...delivery,
    paymentId,
    cardBrand: charge.brand,
    cardLast4: charge.last4,
    refunded: false,
    statusReason: null,
    createdAt: now,
    updatedAt: now,
    lines: priced.lines.map((l) => ({ id: globalThis.crypto.randomUUID(), orderId, ...l })),
    history: [{ id: globalThis.crypto.randomUUID(), orderId, status: "PLACED", note: null, at: now }],
  };
  try {
    // The order, its lines and history, its payment and OrderPlaced: one statement, so one round
    // trip and atomic without an interactive transaction (foreign keys are checked at its end).
    const at = now.toISOString();
    await sql.query({
      name: "place-order-insert",
      text: `WITH o AS (
          INSERT INTO ordering_orders (id, customer_id, store_id, store_name, status, total_won, recipient_name, recipient_phone,
            address, delivery_date, time_slot, gift_message, note, idempotency_key, payment_id, card_brand, card_last4, created_at, updated_at)
          VALUES ($1, $2, $3, $4, 'PLACED', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17) RETURNING id),
        l AS (
          INSERT INTO ordering_order_lines (id, order_id, bouquet_id, name, unit_price_won, quantity)
          SELECT x.id, $1, x."bouquetId", x.name, x."unitPriceWon", x.quantity
          FROM jsonb_to_recordset($18::jsonb) AS x(id uuid, "bouquetId" uuid, name text, "unitPriceWon" int, quantity int)),
        h AS (INSERT INTO ordering_order_history (id, order_id, status, at) VALUES ($19, $1, 'PLACED', $17)),
        p AS (
          INSERT INTO payment_payments (id, order_id, customer_id, amount_won, status, provider_ref, card_brand, card_last4, created_at)
          VALUES ($14, $1, $2, $5, 'APPROVED', $20, $15, $16, $17)),
        e AS (
          INSERT INTO outbox_events (id, type, version, order_id, occurred_at, payload)
          VALUES ($21, $22, $23, $1, $24, $25::jsonb))
        SELECT o.id, pg_notify('${OUTBOX_CHANNEL}', '') FROM o`,
      values: [
        orderId, customerId, store.id, store.name, priced.totalWon, d.recipientName, d.recipientPhone, d.address,
        d.deliveryDate, d.timeSlot, order.giftMessage, order.note, input.idempotencyKey, paymentId, charge.brand, charge.last4,
        at, JSON.stringify(order.lines), order.history[0]!.id, charge.providerRef,
        placed.eventId, placed.type, placed.version, new Date(placed.occurredAt).toISOString(), JSON.stringify(placed),
      ],
    });
  } catch (e) {
    // A concurrent identical request won the race: it holds the same (single) charge.
    if (isUniqueViolation(e)) {
      const winner = await findByKey(ctx, customerId, input.idempotencyKey);
      // Not voided even when it differs: the processor deduplicated by key, so this is the winner's charge.
      if (winner) return replay(winner, input);
    }
    ctx.log.error({ orderId, err: String(e) }, "order could not be stored after payment; voiding the charge");
    await voidQuietly(ctx, chargeKey);
    return refuse("PAYMENT_FAILED", "We could not save your order, so the payment was cancelled. Please try again.");
  }
  ctx.log.info({ orderId, customerId, storeId: store.id, totalWon: priced.totalWon }, "order placed");
  return { ok: true, order, replayed: false };
}

/** A retry gets the order its key placed; the same key with a different checkout is refused. */
function replay(order: OrderDetail, input: PlaceOrderInput): PlaceOrderResult {
  if (!isSameCheckout({ ...order, lines: order.lines }, input)) {
    return refuse("IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different order");
  }
  return { ok: true, order, replayed: true };
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
