// The owner's sales as CSV (W7): RFC 4180 (quoted where needed, CRLF), UTF-8 with a byte-order
// mark so that Excel opens Korean text correctly. Text a customer typed (a cancellation reason) is
// kept from being read as a formula by a spreadsheet (OWASP "CSV injection"): a leading ' is added.
import type { SalesOrderRow, SalesReport } from "./sales";

export const CSV_BOM = "\uFEFF";

/** One field: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvOf = (rows: (string | number | boolean | null | undefined)[][]) => CSV_BOM + rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";

export type SalesDayHeaders = Record<"day" | "orders" | "revenueWon" | "deliveryFeeWon" | "refunds" | "refundedWon", string>;
export type SalesOrderHeaders = Record<"orderId" | "placedAt" | "orderDay" | "deliveryDate" | "timeSlot" | "status" | "items" | "totalWon" | "deliveryFeeWon" | "earned" | "refundedWon" | "rejectReason" | "cancelReason", string>;

/** Per day: one row a day of the period (days without orders too), won as plain integers. */
export function salesDaysCsv(report: SalesReport, h: SalesDayHeaders): string {
  return csvOf([
    [h.day, h.orders, h.revenueWon, h.deliveryFeeWon, h.refunds, h.refundedWon],
    ...report.days.map((d) => [d.day, d.orders, d.revenueWon, d.deliveryFeeWon, d.refunds, d.refundedWon]),
  ]);
}

/** Korean wall-clock time of an instant, as "YYYY-MM-DD HH:mm" (Korea has no daylight saving). */
const seoulTime = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

/** Every order of the period; `earned` is 1 or 0 so that a spreadsheet can sum it. */
export function salesOrdersCsv(orders: SalesOrderRow[], h: SalesOrderHeaders): string {
  return csvOf([
    [h.orderId, h.placedAt, h.orderDay, h.deliveryDate, h.timeSlot, h.status, h.items, h.totalWon, h.deliveryFeeWon, h.earned, h.refundedWon, h.rejectReason, h.cancelReason],
    ...orders.map((o) => [
      o.orderId, seoulTime(o.placedAt), o.orderDay, o.deliveryDate, o.timeSlot, o.status, o.items, o.totalWon, o.deliveryFeeWon,
      o.earned ? 1 : 0, o.refundedWon, o.rejectReason, o.cancelReason,
    ]),
  ]);
}

/**
 * "bloom-sales-<shop>-<from>_<to>-<kind>.csv": the shop's name as the owner reads it (Korean on the
 * Korean UI) for filename*, and an ASCII fallback from its English name for old clients.
 */
export function salesCsvFilename(store: { name: string; nameKo?: string | null }, from: string, to: string, kind: "days" | "orders", locale: "ko" | "en" = "en") {
  const slug = store.name.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/[\s_]+/g, "-").toLowerCase() || "shop";
  const printable = [...(locale === "ko" && store.nameKo ? store.nameKo : store.name)].filter((c) => c >= " ").join("");
  const shown = printable.replace(/[\\/:*?"<>|]/g, "").trim().replace(/\s+/g, "-") || slug;
  return { ascii: `bloom-sales-${slug}-${from}_${to}-${kind}.csv`, utf8: `bloom-sales-${shown}-${from}_${to}-${kind}.csv` };
}
