// Policy "store-notification" (F3): a paid order lands on its store's board with a notification.
// Plain SQL on the consumer's transaction (see handleOnceSql): it runs once for every order.
import type { SqlClient } from "@bloom/db";
import { isOverStock, type DomainEvent } from "@bloom/domain";

export async function putOrderOnBoard(c: SqlClient, e: DomainEvent<"OrderPlaced">) {
  const p = e.payload;
  const { rows: stock } = await c.query<{ id: string; stock: number }>({
    name: "board-stock",
    text: "SELECT id, stock FROM store_bouquets WHERE id = ANY($1::uuid[])",
    values: [p.lines.map((l) => l.bouquetId)],
  });
  const overStock = isOverStock(p.lines, new Map(stock.map((b) => [b.id, b.stock])));
  const items = p.lines.reduce((n, l) => n + l.quantity, 0);
  const now = new Date().toISOString();
  // Upsert: a cancellation that overtook this event left a CANCELLED tombstone; keep its status.
  await c.query({
    name: "board-put-order",
    text: `WITH so AS (
        INSERT INTO store_orders (id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address,
          delivery_date, time_slot, gift_message, note, over_stock, created_at, updated_at)
        VALUES ($1, $2, $3, 'NEW', $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (order_id) DO UPDATE SET lines = EXCLUDED.lines, total_won = EXCLUDED.total_won,
          recipient_name = EXCLUDED.recipient_name, recipient_phone = EXCLUDED.recipient_phone, address = EXCLUDED.address,
          delivery_date = EXCLUDED.delivery_date, time_slot = EXCLUDED.time_slot, gift_message = EXCLUDED.gift_message,
          note = EXCLUDED.note, over_stock = EXCLUDED.over_stock, updated_at = EXCLUDED.updated_at)
      INSERT INTO store_notifications (id, store_id, order_id, message, created_at) VALUES ($16, $3, $2, $17, $15)`,
    values: [
      globalThis.crypto.randomUUID(), e.orderId, p.storeId, JSON.stringify(p.lines), p.totalWon, p.recipientName, p.recipientPhone,
      p.address, p.deliveryDate, p.timeSlot, p.giftMessage, p.note, overStock, new Date(e.occurredAt).toISOString(), now,
      globalThis.crypto.randomUUID(), `New order: ${items} bouquet${items > 1 ? "s" : ""} for ${p.deliveryDate} ${p.timeSlot}`,
    ],
  });
}
