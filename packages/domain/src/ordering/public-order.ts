// The order as an API partner sees it (C10, X4): the fields GET /api/v1/orders/{id} answers and
// every webhook's data.order carries, in one schema so the REST answer and the webhook body cannot
// drift apart. Each adapter extends it with what only it has (REST: number, payment, history).
import { z } from "zod";
import { ORDER_STATUSES } from "./order";
import { BOUQUET_TIERS } from "./size-tiers";

const won = z.number().int().describe("Amount in Korean won (₩)");
const timestamp = z.iso.datetime().describe("ISO 8601 time (UTC)");

export const publicOrderItemSchema = z.object({
  bouquetId: z.uuid(),
  name: z.string(),
  unitPriceWon: won,
  quantity: z.number().int(),
  nameKo: z.string().describe("W5: the bouquet's Korean name as ordered"),
  tier: z.enum(BOUQUET_TIERS).describe("W4: the size; unitPriceWon is that size's price"),
});

export const publicOrderDeliverySchema = z.object({
  recipientName: z.string(),
  recipientPhone: z.string(),
  address: z.string(),
  deliveryDate: z.string().describe("YYYY-MM-DD"),
  timeSlot: z.string(),
  giftMessage: z.string().nullable(),
  note: z.string().nullable(),
  redeliveryFeeWon: won.describe(
    "Redelivery fees the shop set when rescheduling after failed delivery attempts (D4); recorded for the sender, not charged by this API",
  ),
});

export const publicOrderSchema = z.object({
  id: z.uuid(),
  status: z.enum(ORDER_STATUSES),
  statusReason: z.string().nullable().describe("Why the order was rejected or cancelled, when given"),
  storeId: z.uuid(),
  storeName: z.string(),
  totalWon: won,
  deliveryFeeWon: won.describe("The delivery fee (₩), included in totalWon: totalWon = items + addons + deliveryFeeWon (D1, W4)"),
  items: z.array(publicOrderItemSchema),
  delivery: publicOrderDeliverySchema,
  createdAt: timestamp,
  updatedAt: timestamp,
  storeNameKo: z.string().describe("W5: the shop's Korean name as ordered (the English name on orders placed before it was recorded)"),
  addons: z
    .array(z.object({ addonId: z.uuid(), name: z.string(), nameKo: z.string(), unitPriceWon: won, quantity: z.number().int() }))
    .describe("W4: the add-ons bought with the order, at the price paid"),
});
export type PublicOrder = z.infer<typeof publicOrderSchema>;
