// W2: printable tickets from the board — which orders a print asks for, in which layout, and which
// orders "all of a day" means. The one source of these rules for the web page and the use case.
import { z } from "zod";
import { TIME_SLOTS } from "../ordering/checkout";
import { isCalendarDate } from "../ordering/delivery-date";
import { boardLaneOf } from "./board-lanes";
import type { StoreOrderStatus } from "./store-order";

export const TICKET_LAYOUTS = ["a4", "thermal"] as const;
export type TicketLayout = (typeof TICKET_LAYOUTS)[number];
/** Orders one print may name by id (a day's print has no such limit). */
export const TICKET_MAX_ORDERS = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a print asks for, from the page's query string: either `orders` (ids, comma-separated) or a
 * `date` (with an optional `store` and `slot`: that day's open orders), never both; `layout`
 * defaults to A4.
 */
export const ticketQuerySchema = z
  .object({
    orders: z
      .string()
      .max(TICKET_MAX_ORDERS * 37)
      .transform((s) => [...new Set(s.split(",").map((x) => x.trim().toLowerCase()).filter(Boolean))])
      .pipe(
        z
          .array(z.string().regex(UUID, "Each order must be an order id"))
          .min(1, "Name at least one order")
          .max(TICKET_MAX_ORDERS, `At most ${TICKET_MAX_ORDERS} orders per print`),
      )
      .optional(),
    store: z.uuid("The shop must be a shop id").optional(),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "The day must be written YYYY-MM-DD")
      .refine(isCalendarDate, "This date does not exist")
      .optional(),
    slot: z.enum(TIME_SLOTS, "Unknown delivery slot").optional(),
    layout: z.enum(TICKET_LAYOUTS, "The layout is a4 or thermal").default("a4"),
  })
  .superRefine((q, ctx) => {
    if (q.orders && (q.date || q.store || q.slot)) ctx.addIssue({ code: "custom", path: ["orders"], message: "Ask for orders or for a day, not both" });
    else if (!q.orders && !q.date) ctx.addIssue({ code: "custom", path: ["date"], message: "Ask for orders (orders=…) or for a day (date=YYYY-MM-DD)" });
  });
export type TicketQuery = z.infer<typeof ticketQuerySchema>;

/** A page's search params (a value given twice is refused: a print must not guess which one). */
export function ticketQueryOf(params: Record<string, string | string[] | undefined>) {
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) return { success: false as const, messages: [`"${k}" is given more than once`] };
    if (v !== undefined && v !== "") flat[k] = v;
  }
  const r = ticketQuerySchema.safeParse(flat);
  if (r.success) return { success: true as const, query: r.data };
  return { success: false as const, messages: r.error.issues.map((i) => (i.path.length ? `${String(i.path[0])}: ${i.message}` : i.message)) };
}

type Printable = { status: StoreOrderStatus | string; pickedUpAt: Date | string | null; attemptedAt: Date | string | null };

/** "All of a day" prints the work still at the shop: New, Accepted and Ready (not yet with a rider). */
export function printableForDay(o: Printable): boolean {
  return boardLaneOf(o) !== "done";
}

/**
 * The delivery days "all of a day" prints: that day; and when it is today, the open work of earlier
 * days too (an overdue order stays on the board's today, W3, so it must not be missing from its print).
 */
export function ticketDays(date: string, today: string): { equals: string } | { upTo: string } {
  return date === today ? { upTo: date } : { equals: date };
}
