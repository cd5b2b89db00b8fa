// placeOrder (F1, F2, N1, M1, M2, M5, S4): validate → the shop's booking horizon → price from the catalog → claim the idempotency
// key for a recorded attempt → reserve the stock → charge → store the order, its payment and
// OrderPlaced in one statement. Anything that fails after the charge voids it; a crash between the
// charge and the order is settled by the worker's reconciler. The client's idempotency key makes
// retries and double-clicks one order and one charge, and binds the key to this checkout.
// D1: the shop's zones price the delivery (or refuse the address) before the key is claimed; the
// charged total is the lines plus the fee.
import { sqlOf } from "@bloom/db";
import { OUTBOX_CHANNEL } from "../shared/outbox";
import {
  checkoutFingerprintText,
  createEvent,
  type BouquetTier,
  type CatalogAddon,
  type CatalogBouquet,
  DEFAULT_BOOKING_HORIZON_DAYS,
  isSameCheckout,
  type PlaceOrderInput,
  placeOrderSchema,
  priceAddons,
  priceCart,
  refuse,
  refuseBeyondHorizon,
  type Result,
  todayInSeoul,
} from "@bloom/domain";
import type { PaymentBusyError } from "../payment/resilient-payments";
import type { AppContext } from "../shared/context";
import { chargeKeyOf, claimAttempt, fingerprintOf, settleAttempt } from "../payment/attempts";
import { reserveStock } from "../store/inventory";
import { reserveSlot } from "../store/slot-capacity";
import { refuseUnbookableSlotAt } from "./slot-check";
import { getOrderForCustomer, type OrderDetail } from "./queries";
import { priceDelivery, type ZoneColumns } from "./delivery-fee";

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
  const { rows } = await sql.query<{
    existing: string | null;
    storeId: string | null;
    storeName: string | null;
    storeNameKo: string | null;
    nameKo: Record<string, string> | null;
    bookingHorizonDays: number | null;
    bouquets: CatalogBouquet[];
    addons: CatalogAddon[];
  } & ZoneColumns>({
    // W4: the sizes' prices and the cart's add-ons come in the same round trip.
    name: "place-order-lookup-w4",
    text: `SELECT (SELECT id FROM ordering_orders WHERE customer_id = $1 AND idempotency_key = $2) AS existing,
                  s.id AS "storeId", s.name AS "storeName", s.booking_horizon_days AS "bookingHorizonDays",
                  s.lat, s.lng, s.delivery_zones AS "deliveryZones",
                  COALESCE((SELECT json_agg(json_build_object('id', b.id, 'storeId', b.store_id, 'name', b.name,
                                   'priceWon', b.price_won, 'stock', b.stock, 'active', b.active,
                                   'deluxePriceWon', b.deluxe_price_won, 'premiumPriceWon', b.premium_price_won))
                            FROM store_bouquets b WHERE b.id = ANY($4::uuid[])), '[]') AS bouquets,
                  s.name_ko AS "storeNameKo",
                  (SELECT json_object_agg(b.id, b.name_ko) FROM store_bouquets b WHERE b.id = ANY($4::uuid[])) AS "nameKo",
                  COALESCE((SELECT json_agg(json_build_object('id', a.id, 'storeId', a.store_id, 'name', a.name, 'nameKo', a.name_ko,
                                   'priceWon', a.price_won, 'stock', a.stock, 'active', a.active))
                            FROM store_addons a WHERE a.id = ANY($5::uuid[])), '[]') AS addons
           FROM (SELECT 1) one LEFT JOIN store_stores s ON s.id = $3`,
    values: [customerId, input.idempotencyKey, input.storeId, input.items.map((i) => i.bouquetId), (input.addons ?? []).map((a) => a.addonId)],
  });
  const found = rows[0]!;
  if (found.existing) {
    const existing = await getOrderForCustomer(db, customerId, found.existing);
    if (existing) return replay(existing, input);
  }
  if (!found.storeId || !found.storeName) return refuse("NOT_FOUND", "This store does not exist");
  const store = { id: found.storeId, name: found.storeName, nameKo: found.storeNameKo ?? "" };
  // The schema capped the date for every shop; this shop's own horizon is known only now, and is
  // checked before any key is claimed, stock reserved or card charged (S4).
  const late = refuseBeyondHorizon(input.delivery.deliveryDate, todayInSeoul(), found.bookingHorizonDays ?? DEFAULT_BOOKING_HORIZON_DAYS);
  if (late) return late;
  // When the shop delivers (D2): a closed day, a slot too soon or already full, before any claim.
  const unbookable = await refuseUnbookableSlotAt(sql, store.id, input.delivery.deliveryDate, input.delivery.timeSlot, new Date());
  if (unbookable) return unbookable;
  const pricedCart = priceCart(store.id, input.items, found.bouquets);
  if (!pricedCart.ok) return pricedCart;
  // W5: each line carries its bouquet's Korean name as ordered, next to the English one.
  const priced = { ...pricedCart, lines: pricedCart.lines.map((l) => ({ ...l, nameKo: found.nameKo?.[l.bouquetId] ?? "" })) };
  // W4: add-ons are priced from the shop's add-ons like bouquets (an unknown, retired or short one is refused here).
  const extras = priceAddons(store.id, input.addons ?? [], found.addons);
  if (!extras.ok) return extras;
  const goodsWon = priced.totalWon + extras.totalWon;
  const fee = await priceDelivery(found, input.delivery.address, goodsWon);
  if (!fee.ok) return refuse(fee.code, fee.message);
  // totalWon = lines + add-ons + delivery fee.
  const totalWon = goodsWon + fee.feeWon;

  // 1. Claim the key for a new attempt, recorded before anything is charged (M1, M2).
  const orderId = globalThis.crypto.randomUUID();
  const paymentId = globalThis.crypto.randomUUID();
  const attemptId = globalThis.crypto.randomUUID();
  const fingerprint = fingerprintOf(checkoutFingerprintText(input, totalWon));
  const claim = await claimAttempt(sql, { id: attemptId, customerId, idempotencyKey: input.idempotencyKey, fingerprint, orderId, amountWon: totalWon });
  if (!claim.claimed) {
    if (claim.live.fingerprint !== fingerprint) return refuse("IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different order");
    if (claim.live.status === "ORDERED") {
      const existing = await getOrderForCustomer(db, customerId, claim.live.orderId);
      if (existing) return replay(existing, input);
    }
    return inProgress();
  }

  // 2a. Take the slot's unit before the card (D2): capacity holds under concurrent orders, and
  // settleAttempt gives it back with the stock if the attempt never becomes an order.
  if (!(await reserveSlot(sql, orderId, store.id, input.delivery.deliveryDate, input.delivery.timeSlot)).ok) {
    await settleAttempt(sql, attemptId, "FAILED", "slot full");
    return refuse("SLOT_FULL", "This time slot is fully booked; pick another one");
  }

  // 2. Take the stock before the card (M5): the last unit is bought once, and a sold-out answer
  // comes before any charge.
  const reserved = await reserveStock(sql, orderId, priced.lines, extras.addons);
  if (!reserved.ok) {
    await settleAttempt(sql, attemptId, "FAILED", "sold out");
    const name = reserved.addonId
      ? (extras.addons.find((a) => a.addonId === reserved.addonId)?.name ?? "An add-on")
      : (priced.lines.find((l) => l.bouquetId === reserved.bouquetId)?.name ?? "A bouquet");
    return refuse("OUT_OF_STOCK", `${name} is sold out`);
  }

  // 3. Charge, under this attempt's own processor key.
  const chargeKey = chargeKeyOf(attemptId);
  let charge;
  try {
    charge = await ctx.payments.charge({ idempotencyKey: chargeKey, amountWon: totalWon, card: input.card, description: describe(priced.lines, extras.addons) });
  } catch (e) {
    // Matched by name, not instanceof: Next may load this module once per server bundle, so the
    // payments service built in one bundle throws classes another bundle does not share.
    if (isNamed(e, "PaymentBusyError") || isNamed(e, "PaymentProviderError") || isNamed(e, "IdempotencyConflictError")) {
      // A timed-out or failed charge may still land at the processor: cancel it by key. An open
      // breaker (or a refused key) sent nothing, so it costs no processor call.
      const sentNothing = isNamed(e, "IdempotencyConflictError") || (isNamed(e, "PaymentBusyError") && !(e as PaymentBusyError).mayHaveCharged);
      if (sentNothing) await settleAttempt(sql, attemptId, "FAILED", (e as Error).message);
      else await voidAttempt(ctx, sql, attemptId, chargeKey, (e as Error).message);
      if (isNamed(e, "PaymentBusyError")) {
        const busy = e as PaymentBusyError;
        return { ...refuse("PAYMENT_BUSY", busy.message), retryAfterSec: busy.retryAfterSec };
      }
      if (isNamed(e, "IdempotencyConflictError")) return inProgress();
      return refuse("PAYMENT_FAILED", "The card processor had a problem. You were not charged — please try again.");
    }
    await voidAttempt(ctx, sql, attemptId, chargeKey, String(e));
    throw e;
  }
  if (charge.outcome !== "APPROVED") {
    await settleAttempt(sql, attemptId, "DECLINED", charge.reason);
    return refuse(charge.outcome === "INSUFFICIENT_FUNDS" ? "INSUFFICIENT_FUNDS" : "PAYMENT_DECLINED", charge.reason);
  }
  // The order stores what was captured, and nothing else (M1).
  if (charge.amountWon !== totalWon) {
    ctx.log.error({ orderId, chargeKey, capturedWon: charge.amountWon, totalWon }, "captured amount differs from the order total; voiding");
    await voidAttempt(ctx, sql, attemptId, chargeKey, `captured ${charge.amountWon}, total ${totalWon}`);
    return refuse("PAYMENT_FAILED", "The payment did not match your order, so it was cancelled. Please try again.");
  }

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
    sendAnonymously: d.sendAnonymously ?? false,
  };
  const placed = createEvent(
    "OrderPlaced",
    orderId,
    {
      customerId, storeId: store.id, storeName: store.name, lines: priced.lines, totalWon, ...delivery, paymentId, deliveryFeeWon: fee.feeWon,
      storeNameKo: store.nameKo,
      ...(extras.addons.length > 0 && { addons: extras.addons }),
    },
    { role: "CUSTOMER", id: customerId },
  );
  const now = new Date();
  const order: OrderDetail = {
    id: orderId,
    customerId,
    storeId: store.id,
    storeName: store.name,
    status: "PLACED",
    totalWon,
    ...delivery,
    paymentId,
    cardBrand: charge.brand,
    cardLast4: charge.last4,
    refunded: false,
    redeliveryFeeWon: 0,
    statusReason: null,
    deliveryFeeWon: fee.feeWon,
    storeNameKo: store.nameKo,
    createdAt: now,
    updatedAt: now,
    lines: priced.lines.map(({ tier, ...l }) => ({ id: globalThis.crypto.randomUUID(), orderId, ...l, tier: tier ?? "STANDARD" })),
    addons: extras.addons.map((a) => ({ id: globalThis.crypto.randomUUID(), orderId, ...a })),
    history: [{ id: globalThis.crypto.randomUUID(), orderId, status: "PLACED", note: null, at: now }],
  };
  // 4. The order, its lines and history, its payment, OrderPlaced and the attempt's end: one
  // statement, so one round trip and atomic without an interactive transaction (foreign keys are
  // checked at its end). Every insert hangs on the attempt still being PENDING: if the reconciler
  // took it over (this process stalled past the grace period), nothing is stored and it voids.
  let stored = false;
  try {
    const at = now.toISOString();
    const { rows: done } = await sql.query({
      name: "place-order-insert-w4",
      text: `WITH a AS (
          UPDATE payment_attempts SET status = 'ORDERED', provider_ref = $20, updated_at = now()
          WHERE id = $26 AND status = 'PENDING' RETURNING id),
        o AS (
          INSERT INTO ordering_orders (id, customer_id, store_id, store_name, status, total_won, recipient_name, recipient_phone,
            address, delivery_date, time_slot, gift_message, note, idempotency_key, payment_id, card_brand, card_last4, created_at, updated_at,
            delivery_fee_won, send_anonymously, store_name_ko)
          SELECT $1, $2, $3, $4, 'PLACED', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $17, $27, $28, $29 FROM a RETURNING id),
        l AS (
          INSERT INTO ordering_order_lines (id, order_id, bouquet_id, name, unit_price_won, quantity, name_ko, tier)
          SELECT x.id, o.id, x."bouquetId", x.name, x."unitPriceWon", x.quantity, COALESCE(x."nameKo", ''), x.tier
          FROM o, jsonb_to_recordset($18::jsonb) AS x(id uuid, "bouquetId" uuid, name text, "unitPriceWon" int, quantity int, "nameKo" text, tier text)),
        ad AS (
          INSERT INTO ordering_order_addons (id, order_id, addon_id, name, name_ko, unit_price_won, quantity)
          SELECT x.id, o.id, x."addonId", x.name, x."nameKo", x."unitPriceWon", x.quantity
          FROM o, jsonb_to_recordset($30::jsonb) AS x(id uuid, "addonId" uuid, name text, "nameKo" text, "unitPriceWon" int, quantity int)),
        h AS (INSERT INTO ordering_order_history (id, order_id, status, at) SELECT $19, o.id, 'PLACED', $17 FROM o),
        p AS (
          INSERT INTO payment_payments (id, order_id, customer_id, amount_won, status, provider_ref, card_brand, card_last4, created_at)
          SELECT $14, o.id, $2, $5, 'APPROVED', $20, $15, $16, $17 FROM o),
        e AS (
          INSERT INTO outbox_events (id, type, version, order_id, occurred_at, payload)
          SELECT $21, $22, $23, o.id, $24, $25::jsonb FROM o)
        SELECT o.id, pg_notify('${OUTBOX_CHANNEL}', '') FROM o`,
      values: [
        orderId, customerId, store.id, store.name, totalWon, d.recipientName, d.recipientPhone, d.address,
        d.deliveryDate, d.timeSlot, order.giftMessage, order.note, input.idempotencyKey, paymentId, charge.brand, charge.last4,
        at, JSON.stringify(order.lines), order.history[0]!.id, charge.providerRef,
        placed.eventId, placed.type, placed.version, new Date(placed.occurredAt).toISOString(), JSON.stringify(placed), attemptId,
        fee.feeWon, delivery.sendAnonymously, store.nameKo, JSON.stringify(order.addons),
      ],
    });
    stored = done.length === 1;
  } catch (e) {
    ctx.log.error({ orderId, err: String(e) }, "order could not be stored after payment; voiding the charge");
    await voidAttempt(ctx, sql, attemptId, chargeKey, `order not stored: ${String(e).slice(0, 200)}`);
    return refuse("PAYMENT_FAILED", "We could not save your order, so the payment was cancelled. Please try again.");
  }
  if (!stored) {
    ctx.log.error({ orderId, chargeKey }, "the reconciler took this attempt over before its order was stored; it voids the charge");
    return refuse("PAYMENT_FAILED", "We could not save your order, so the payment was cancelled. Please try again.");
  }
  ctx.log.info({ orderId, customerId, storeId: store.id, totalWon }, "order placed");
  return { ok: true, order, replayed: false };
}

/** A retry gets the order its key placed; the same key with a different checkout is refused. */
function replay(order: OrderDetail, input: PlaceOrderInput): PlaceOrderResult {
  const lines = order.lines.map((l) => ({ bouquetId: l.bouquetId, quantity: l.quantity, tier: l.tier as BouquetTier }));
  if (!isSameCheckout({ ...order, lines }, input)) {
    return refuse("IDEMPOTENCY_KEY_REUSED", "This idempotency key was already used for a different order");
  }
  return { ok: true, order, replayed: true };
}

const isNamed = (e: unknown, name: string) => e instanceof Error && e.name === name;

const inProgress = (): PlaceOrderResult => ({
  ...refuse("PAYMENT_IN_PROGRESS", "This payment is still being processed — try again in a moment"),
  retryAfterSec: 1,
});

/** The processor's description of the charge: part of its fingerprint for the attempt's key. */
const describe = (lines: { bouquetId: string; quantity: number; tier?: string }[], addons: { addonId: string; quantity: number }[]) =>
  [
    ...lines.map((l) => `${l.quantity}x ${l.bouquetId}${l.tier ? ` ${l.tier}` : ""}`),
    ...addons.map((a) => `${a.quantity}x addon ${a.addonId}`),
  ].join(", ");

/**
 * Voids the attempt's charge by its key and ends the attempt (giving its stock back). If the void
 * cannot be confirmed the attempt is left VOIDING: the worker's reconciler retries it (M2).
 */
async function voidAttempt(ctx: AppContext, sql: Parameters<typeof settleAttempt>[0], attemptId: string, chargeKey: string, why: string) {
  try {
    await ctx.payments.gateway.void(chargeKey);
    await settleAttempt(sql, attemptId, "VOIDED", why);
  } catch (e) {
    ctx.log.error({ chargeKey, err: String(e) }, "void failed: the reconciler will retry it");
    await settleAttempt(sql, attemptId, "VOIDING", `${why}; void failed: ${String(e).slice(0, 200)}`);
  }
}
