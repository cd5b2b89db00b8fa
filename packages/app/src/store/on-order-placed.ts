// Policy "store-notification" (F3): a paid order lands on its store's board with a notification.
// It runs once for every order, so it is plain SQL: the claim, the store order and the
// notification are one statement (handleOnce's InStatement).
import type { DomainEvent } from "@bloom/domain";
import type { InStatement } from "../shared/inbox";

/** The store order and its notification, as the CTEs of the inbox claim's statement. */
export function putOrderOnBoard(e: DomainEvent<"OrderPlaced">): InStatement {
  const p = e.payload;
  // Never over stock: the order's units were reserved when it was placed (M5).
  const overStock = false;
  const items = p.lines.reduce((n, l) => n + l.quantity, 0);
  // Upsert: a cancellation that overtook this event left a CANCELLED tombstone; keep its status.
  return {
    name: "board-put-order-w4",
    ctes: `so AS (
        INSERT INTO store_orders (id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address,
          delivery_date, time_slot, gift_message, note, over_stock, created_at, updated_at, delivery_fee_won, addons)
        SELECT $3, $4, $5, 'NEW', $6::jsonb, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $20, $21::jsonb WHERE EXISTS (SELECT 1 FROM claim)
        ON CONFLICT (order_id) DO UPDATE SET lines = EXCLUDED.lines, total_won = EXCLUDED.total_won,
          recipient_name = EXCLUDED.recipient_name, recipient_phone = EXCLUDED.recipient_phone, address = EXCLUDED.address,
          delivery_date = EXCLUDED.delivery_date, time_slot = EXCLUDED.time_slot, gift_message = EXCLUDED.gift_message,
          note = EXCLUDED.note, over_stock = EXCLUDED.over_stock, delivery_fee_won = EXCLUDED.delivery_fee_won,
          updated_at = EXCLUDED.updated_at, addons = EXCLUDED.addons),
      notified AS (
        INSERT INTO store_notifications (id, store_id, order_id, message, created_at)
        SELECT $18, $5, $4, $19, $17 WHERE EXISTS (SELECT 1 FROM claim))`,
    values: [
      globalThis.crypto.randomUUID(), e.orderId, p.storeId, JSON.stringify(p.lines), p.totalWon, p.recipientName, p.recipientPhone,
      p.address, p.deliveryDate, p.timeSlot, p.giftMessage, p.note, overStock, new Date(e.occurredAt).toISOString(),
      new Date().toISOString(), globalThis.crypto.randomUUID(),
      `New order: ${items} bouquet${items > 1 ? "s" : ""} for ${p.deliveryDate} ${p.timeSlot}`,
      p.deliveryFeeWon ?? 0,
      // W4: the add-ons, for the card and the ticket.
      JSON.stringify(p.addons ?? []),
    ],
  };
}
