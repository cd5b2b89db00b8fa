// The checkout form: one zod schema validates it in the browser and again in place-order.
import { z } from "zod";
import { cardSchema } from "../payment/card";
import { isPlainLine, isPlainText, TEXT_REFUSED } from "../shared/text";

export const TIME_SLOTS = ["09-12", "12-15", "15-18", "18-21"] as const;
export type TimeSlot = (typeof TIME_SLOTS)[number];
export const GIFT_MESSAGE_MAX = 150;
export const NOTE_MAX = 200;
export const MAX_QUANTITY = 20;

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and the
// checkout schema asks for the date on every order (it was ~5 % of the web's CPU under load).
const SEOUL_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" });
const SEOUL_HOUR = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Seoul", hour: "2-digit", hour12: false });

/** Today's date in Korea (our shops' time zone), as YYYY-MM-DD. */
export function todayInSeoul(now: Date = new Date()): string {
  return SEOUL_DATE.format(now);
}

/** The hour (0-23) now in Korea. */
export function hourInSeoul(now: Date = new Date()): number {
  return Number(SEOUL_HOUR.format(now).slice(0, 2));
}

/** A slot can still be booked when it has not ended yet. */
export function slotStillOpen(date: string, slot: TimeSlot, now: Date = new Date()): boolean {
  const today = todayInSeoul(now);
  if (date > today) return true;
  if (date < today) return false;
  const end = Number(slot.slice(3));
  return hourInSeoul(now) < end;
}

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^0\d{1,2}-?\d{3,4}-?\d{4}$/, "Enter a phone number like 010-1234-5678");

export const cartItemSchema = z.object({
  bouquetId: z.uuid("Unknown bouquet"),
  quantity: z
    .number()
    .int("Quantity must be a whole number")
    .min(1, "Quantity must be at least 1")
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one bouquet`),
});

export const deliveryDetailsSchema = z
  .object({
    recipientName: z.string().trim().min(1, "Enter the recipient's name").max(40, "Name is too long").refine(isPlainLine, TEXT_REFUSED),
    recipientPhone: phoneSchema,
    address: z.string().trim().min(5, "Enter the full delivery address").max(200, "Address is too long").refine(isPlainLine, TEXT_REFUSED),
    deliveryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a delivery date"),
    timeSlot: z.enum(TIME_SLOTS, "Pick a time slot"),
    giftMessage: z
      .string()
      .trim()
      .max(GIFT_MESSAGE_MAX, `Gift message is limited to ${GIFT_MESSAGE_MAX} characters`)
      .refine(isPlainText, TEXT_REFUSED)
      .optional(),
    note: z.string().trim().max(NOTE_MAX, `Note is limited to ${NOTE_MAX} characters`).refine(isPlainText, TEXT_REFUSED).optional(),
  })
  .superRefine((v, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.deliveryDate)) return;
    if (v.deliveryDate < todayInSeoul()) {
      ctx.addIssue({ code: "custom", path: ["deliveryDate"], message: "Delivery date must be today or later" });
    } else if (!slotStillOpen(v.deliveryDate, v.timeSlot)) {
      ctx.addIssue({ code: "custom", path: ["timeSlot"], message: "This time slot has already passed today" });
    }
  });

export const placeOrderSchema = z.object({
  storeId: z.uuid("Unknown store"),
  items: z.array(cartItemSchema).min(1, "Your cart is empty").max(20, "Too many different bouquets"),
  delivery: deliveryDetailsSchema,
  card: cardSchema,
  /** Chosen by the client once per checkout: a retried or double-clicked submit places one order. */
  idempotencyKey: z.uuid("Missing idempotency key"),
});
export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;
export type DeliveryDetails = z.infer<typeof deliveryDetailsSchema>;
