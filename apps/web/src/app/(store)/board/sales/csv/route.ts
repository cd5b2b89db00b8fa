// The owner's sales as CSV (W7): ?kind=days|orders&store=&from=&to=, the same period rules and the
// same access as the page. Another owner's shop, or no session, is a 404 (its existence is not
// revealed); a bad period a 400 that says why. Never cached by a shared cache.
import { salesCsvFilename, salesDaysCsv, salesFor, salesOrdersCsv, salesOrdersFor } from "@bloom/app";
import { getLocale, getTranslations } from "next-intl/server";
import { getSession } from "~/server/auth";
import { services } from "~/server/services";

const text = (status: number, body: string) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function GET(req: Request) {
  const url = new URL(req.url);
  const kind = url.searchParams.get("kind");
  const session = await getSession();
  const role = session?.user.role;
  if (!session || (role !== "OWNER" && role !== "ADMIN")) return text(404, "Not found");
  if (kind !== "days" && kind !== "orders") return text(400, "kind: Use days or orders");
  const input = {
    storeId: url.searchParams.get("store") ?? "",
    from: url.searchParams.get("from") || undefined,
    to: url.searchParams.get("to") || undefined,
  };
  const { db } = services();
  const [h, locale] = await Promise.all([getTranslations("sales.csv"), getLocale()]);
  const lang = locale === "ko" ? "ko" : "en";
  let body: string;
  let name: { ascii: string; utf8: string };
  if (kind === "days") {
    const r = await salesFor(db, session.user, input);
    if (!r.ok) return r.code === "NOT_FOUND" ? text(404, "Not found") : text(400, r.message);
    body = salesDaysCsv(r.report, { day: h("day"), orders: h("orders"), revenueWon: h("revenueWon"), deliveryFeeWon: h("deliveryFeeWon"), refunds: h("refunds"), refundedWon: h("refundedWon") });
    name = salesCsvFilename(r.report.store, r.report.period.from, r.report.period.to, kind, lang);
  } else {
    const r = await salesOrdersFor(db, session.user, input);
    if (!r.ok) return r.code === "NOT_FOUND" ? text(404, "Not found") : text(400, r.message);
    body = salesOrdersCsv(r.orders, {
      orderId: h("orderId"), placedAt: h("placedAt"), orderDay: h("orderDay"), deliveryDate: h("deliveryDate"), timeSlot: h("timeSlot"), status: h("status"),
      items: h("items"), totalWon: h("orderTotal"), deliveryFeeWon: h("deliveryFeeWon"), earned: h("earned"), refundedWon: h("refundedWon"),
      rejectReason: h("rejectReason"), cancelReason: h("cancelReason"),
    });
    name = salesCsvFilename(r.store, r.period.from, r.period.to, kind, lang);
  }
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
