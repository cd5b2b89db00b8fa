// The checkout form: one zod schema validates it in the browser and again in place-order.
import { z } from "zod";
import { cardSchema } from "../payment/card";
import { textField } from "../shared/text";
import { BOOKING_HORIZON_MAX_DAYS, checkDeliveryDate } from "./delivery-date";
import { mergeAddonLines, mergeCartLines } from "./cart-lines";
import { BOUQUET_TIERS } from "./size-tiers";

export * from "./checkout-rules";
import { ADDRESS_MAX, GIFT_MESSAGE_MAX, MAX_LINES, MAX_QUANTITY, NOTE_MAX, RECIPIENT_NAME_MAX, slotStillOpen, TIME_SLOTS, todayInSeoul } from "./checkout-rules";

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
  /** W4: the size; absent = standard. */
  tier: z.enum(BOUQUET_TIERS, "Unknown size").optional(),
});

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date, today or later, within the longest horizon any shop has (S4). */
export const deliveryDateSchema = z
  .string("Pick a delivery date")
  .regex(DATE_RE, { message: "Pick a delivery date", abort: true })
  .superRefine((date, ctx) => {
    const check = checkDeliveryDate(date, todayInSeoul(), BOOKING_HORIZON_MAX_DAYS);
    if (check === "notADate") ctx.addIssue({ code: "invalid_format", format: "date", message: "This date does not exist", input: date });
    else if (check === "past") ctx.addIssue({ code: "custom", message: "Delivery date must be today or later", input: date });
    else if (check === "beyondHorizon") {
      const message = `Delivery date must be within ${BOOKING_HORIZON_MAX_DAYS} days`;
      ctx.addIssue({ code: "too_big", origin: "date", maximum: BOOKING_HORIZON_MAX_DAYS, inclusive: true, message, input: date });
    }
  })
  .meta({ description: `A calendar date in Korea, from today to the shop's booking horizon (never more than ${BOOKING_HORIZON_MAX_DAYS} days ahead)` });

export const deliveryDetailsSchema = z
  .object({
    recipientName: textField({ min: 1, max: RECIPIENT_NAME_MAX, messages: { tooShort: "Enter the recipient's name", tooLong: "Name is too long" } }),
    recipientPhone: phoneSchema,
    address: textField({ min: 5, max: ADDRESS_MAX, messages: { tooShort: "Enter the full delivery address", tooLong: "Address is too long" } }),
    deliveryDate: deliveryDateSchema,
    timeSlot: z.enum(TIME_SLOTS, "Pick a time slot"),
    giftMessage: textField({ max: GIFT_MESSAGE_MAX, multiline: true, messages: { tooLong: `Gift message is limited to ${GIFT_MESSAGE_MAX} characters` } }).optional(),
    note: textField({ max: NOTE_MAX, multiline: true, messages: { tooLong: `Note is limited to ${NOTE_MAX} characters` } }).optional(),
    /** X2: the recipient's tracking page and messages do not name the sender. Absent means false. */
    sendAnonymously: z.boolean("Choose whether to send anonymously").optional(),
  })
  .superRefine((v, ctx) => {
    // Object refinements run even when a field failed: only a bookable date has slots to check.
    if (typeof v.deliveryDate !== "string" || checkDeliveryDate(v.deliveryDate, todayInSeoul(), BOOKING_HORIZON_MAX_DAYS) !== "ok") return;
    if (!slotStillOpen(v.deliveryDate, v.timeSlot)) {
      ctx.addIssue({ code: "custom", path: ["timeSlot"], message: "This time slot has already passed today" });
    }
  });

/**
 * The cart's lines with each bouquet once (S4): a bouquet sent twice is one line of the summed
 * quantity, so the per-bouquet and per-order limits hold however the lines are split.
 */
export const cartLinesSchema = z
  .array(cartItemSchema)
  .min(1, "Your cart is empty")
  // No merge can bring more lines than this under both limits: refused before any work.
  .max(MAX_LINES * MAX_QUANTITY, "Too many different bouquets")
  .transform((lines, ctx) => {
    const merged = mergeCartLines(lines);
    const over = merged.find((l) => l.quantity > MAX_QUANTITY);
    if (over) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_QUANTITY} of one bouquet (this order has ${over.quantity})`, input: lines });
      return z.NEVER;
    }
    return merged;
  })
  .pipe(z.array(cartItemSchema).max(MAX_LINES, "Too many different bouquets"))
  .meta({ description: `Lines of the same bouquet are added together; then at most ${MAX_LINES} bouquets, ${MAX_QUANTITY} of each` });

/** W4: at most this many different add-ons in one order. */
export const MAX_ADDON_LINES = 10;

export const addonItemSchema = z.object({
  addonId: z.uuid("Unknown add-on"),
  quantity: z
    .number()
    .int("Quantity must be a whole number")
    .min(1, "Quantity must be at least 1")
    .max(MAX_QUANTITY, `At most ${MAX_QUANTITY} of one add-on`),
});

/** W4: the cart's add-ons, each once (lines of the same add-on are added together). */
export const addonLinesSchema = z
  .array(addonItemSchema)
  .max(MAX_ADDON_LINES * MAX_QUANTITY, "Too many add-ons")
  .transform((lines, ctx) => {
    const merged = mergeAddonLines(lines);
    const over = merged.find((l) => l.quantity > MAX_QUANTITY);
    if (over) {
      ctx.addIssue({ code: "custom", message: `At most ${MAX_QUANTITY} of one add-on (this order has ${over.quantity})`, input: lines });
      return z.NEVER;
    }
    return merged;
  })
  .pipe(z.array(addonItemSchema).max(MAX_ADDON_LINES, "Too many different add-ons"))
  .meta({ description: `Lines of the same add-on are added together; then at most ${MAX_ADDON_LINES} add-ons, ${MAX_QUANTITY} of each` });

export const placeOrderSchema = z.object({
  storeId: z.uuid("Unknown store"),
  items: cartLinesSchema,
  /** W4: the shop's add-ons bought with the bouquets; absent = none. */
  addons: addonLinesSchema.optional(),
  delivery: deliveryDetailsSchema,
  card: cardSchema,
  /** Chosen by the client once per checkout: a retried or double-clicked submit places one order. */
  idempotencyKey: z.uuid("Missing idempotency key"),
});
export type PlaceOrderInput = z.infer<typeof placeOrderSchema>;
export type DeliveryDetails = z.infer<typeof deliveryDetailsSchema>;
