// The period of the owner's sales figures (W7): Korean calendar days, both ends included. Orders
// are counted on the Asia/Seoul day they were placed. Pure: "today" is passed in (todayInSeoul).
import { z } from "zod";
import { refuse, type Result } from "../shared/errors";
import { addDays, isCalendarDate } from "../ordering/delivery-date";

/** The default period: the last 30 days, today included. */
export const SALES_DEFAULT_DAYS = 30;
/** The longest period one page or export covers (a quarter and a day). */
export const SALES_MAX_DAYS = 92;

/** The refusals' words, so that a screen can say each in its own language. */
export const SALES_PERIOD_MESSAGES = {
  format: "Use a date like 2026-12-01",
  notADate: "This date does not exist",
  future: "The period must start today or earlier",
  order: "The start must be on or before the end",
  tooLong: `A period covers at most ${SALES_MAX_DAYS} days`,
} as const;
export type SalesPeriodProblem = keyof typeof SALES_PERIOD_MESSAGES;

/** Which of SALES_PERIOD_MESSAGES a refusal's message is ("to: Use a date like …" → format), or null. */
export function salesPeriodProblem(message: string): SalesPeriodProblem | null {
  const text = message.replace(/^[\w.]+: /, "");
  return (Object.keys(SALES_PERIOD_MESSAGES) as SalesPeriodProblem[]).find((k) => SALES_PERIOD_MESSAGES[k] === text) ?? null;
}

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, SALES_PERIOD_MESSAGES.format)
  .refine(isCalendarDate, SALES_PERIOD_MESSAGES.notADate);

/** What a page or an export asks for; a missing end takes today, a missing start 30 days before it. */
export const salesQuerySchema = z.object({
  storeId: z.uuid("Unknown store"),
  from: day.optional(),
  to: day.optional(),
});
export type SalesQuery = z.input<typeof salesQuerySchema>;

export type SalesPeriod = { from: string; to: string; days: string[] };

const dayCount = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** The period the figures cover, or a VALIDATION refusal worded "field: message". */
export function salesPeriod(input: { from?: string; to?: string }, today: string): Result<{ period: SalesPeriod }> {
  const to = input.to ?? (input.from && addDays(input.from, SALES_DEFAULT_DAYS - 1) < today ? addDays(input.from, SALES_DEFAULT_DAYS - 1) : today);
  const from = input.from ?? addDays(to, -(SALES_DEFAULT_DAYS - 1));
  if (from > today) return refuse("VALIDATION", `from: ${SALES_PERIOD_MESSAGES.future}`);
  if (from > to) return refuse("VALIDATION", `from: ${SALES_PERIOD_MESSAGES.order}`);
  const n = dayCount(from, to);
  if (n > SALES_MAX_DAYS) return refuse("VALIDATION", `to: ${SALES_PERIOD_MESSAGES.tooLong}`);
  return { ok: true, period: { from, to, days: Array.from({ length: n }, (_, i) => addDays(from, i)) } };
}

/** How cancellation reasons (free text, often empty) are grouped: trimmed, spaces squeezed, case folded. */
export function cancelReasonKey(reason: string | null | undefined): string | null {
  const k = (reason ?? "").normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
  return k === "" ? null : k;
}
