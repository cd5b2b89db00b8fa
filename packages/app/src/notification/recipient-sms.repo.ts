// The "recipient-sms" policy's one read (X2): what the text message says, from the order, the
// sender and the sender's language, on the inbox's transaction (ADR 0001).
import { sql } from "kysely";
import type { Transaction } from "../shared/inbox";

export type RecipientSmsFacts = {
  recipientName: string;
  recipientPhone: string;
  storeName: string;
  deliveryDate: string;
  timeSlot: string;
  sendAnonymously: boolean;
  senderName: string | null;
  locale: string | null;
  storeNameKo: string;
};

/** The order's facts for its recipient's message; the delivery's slot when it was rescheduled. */
export async function recipientSmsFacts(tx: Transaction, orderId: string): Promise<RecipientSmsFacts | null> {
  const { rows } = await sql<RecipientSmsFacts>`
    SELECT o.recipient_name AS "recipientName", o.recipient_phone AS "recipientPhone", o.store_name AS "storeName", o.store_name_ko AS "storeNameKo",
           COALESCE(NULLIF(d.delivery_date, ''), o.delivery_date) AS "deliveryDate", COALESCE(NULLIF(d.time_slot, ''), o.time_slot) AS "timeSlot",
           o.send_anonymously AS "sendAnonymously",
           CASE WHEN o.send_anonymously THEN NULL ELSE u.name END AS "senderName", p.locale
    FROM ordering_orders o
    LEFT JOIN identity_users u ON u.id = o.customer_id
    LEFT JOIN delivery_deliveries d ON d.order_id = o.id
    LEFT JOIN notify_preferences p ON p.customer_id = o.customer_id
    WHERE o.id = ${orderId}::uuid`.execute(tx.ky);
  return rows[0] ?? null;
}
