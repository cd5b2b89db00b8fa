// What the sales page shows for one shop and period: totals, charts, the per-day table, exports.
// Every number comes from the report as it is, formatted in the viewer's language.
import type { SalesReport } from "@bloom/app";
import { formatWon, localizedName } from "@bloom/domain";
import { Download } from "lucide-react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { buttonVariants } from "~/components/ui/button";
import { BarChart, LineChart, RankChart, type Point } from "./charts";

export async function SalesView({ report, storeName }: { report: SalesReport; storeName: string }) {
  const [t, tReject, format, locale] = await Promise.all([getTranslations("sales"), getTranslations("rejectReason"), getFormatter(), getLocale()]);
  const lang = locale === "ko" ? "ko" : "en";
  const won = (n: number) => formatWon(n, lang);
  const compact = new Intl.NumberFormat(lang === "ko" ? "ko-KR" : "en-US", { notation: "compact", maximumFractionDigits: 1 });
  const num = (n: number) => format.number(n);
  const day = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { timeZone: "UTC", month: "short", day: "numeric", weekday: "short" });
  const dayShort = (d: string) => format.dateTime(new Date(`${d}T00:00:00Z`), { timeZone: "UTC", month: "numeric", day: "numeric" });
  const slot = (s: string) => {
    const [a, b] = s.split("-").map(Number);
    if (a === undefined || b === undefined || Number.isNaN(a) || Number.isNaN(b)) return s;
    return format.dateTimeRange(new Date(Date.UTC(2000, 0, 1, a)), new Date(Date.UTC(2000, 0, 1, b)), { timeZone: "UTC", hour: "numeric" });
  };
  const orders = (count: number) => t("charts.orderCount", { count });
  const { totals, period } = report;
  const every = Math.ceil(report.days.length / 10);
  const showAsTable = t("charts.showAsTable");

  const revenue: Point[] = report.days.map((d) => ({ key: d.day, label: dayShort(d.day), fullLabel: day(d.day), value: d.revenueWon, text: won(d.revenueWon) }));
  const best = report.days.reduce((a, d) => (d.revenueWon > a.revenueWon ? d : a), report.days[0]!);
  const perDay: Point[] = report.days.map((d) => ({ key: d.day, label: dayShort(d.day), fullLabel: day(d.day), value: d.orders, text: orders(d.orders) }));
  // The chart's axis reads "09–12" (short in both languages); the table the locale's own range.
  const slots: Point[] = report.slots.map((s) => ({ key: s.slot, label: s.slot.replace("-", "–"), fullLabel: slot(s.slot), value: s.orders, text: orders(s.orders) }));
  const top: Point[] = report.topItems.map((i) => ({
    key: i.itemId,
    // W4: add-ons are listed with the bouquets, marked with a "+".
    label: `${i.kind === "ADDON" ? "+ " : ""}${localizedName(lang, i)}`,
    value: i.units,
    text: t("charts.unitsAndRevenue", { units: i.units, revenue: won(i.revenueWon) }),
  }));
  const rejectTotal = report.rejects.reduce((a, r) => a + r.orders, 0);
  const rejects: Point[] = rejectTotal === 0 ? [] : report.rejects.map((r) => ({ key: r.reason, label: tReject(r.reason), value: r.orders, text: orders(r.orders) }));
  const cancelTotal = report.cancels.reduce((a, r) => a + r.orders, 0);
  const cancels: Point[] = report.cancels.map((c, i) => ({
    key: `${c.kind}-${i}`,
    label: c.kind === "UNDELIVERED" ? t("charts.undelivered") : c.reason === null ? t("charts.noReason") : c.reason === "…" ? t("charts.otherReasons") : c.reason,
    value: c.orders,
    text: orders(c.orders),
  }));
  const csv = (kind: "days" | "orders") => `/board/sales/csv?kind=${kind}&store=${report.store.id}&from=${period.from}&to=${period.to}`;

  return (
    <div className="mt-5 grid gap-5">
      <p className="m-0 font-semibold" id="sales-period">
        {storeName} · {t("period", { from: day(period.from), to: day(period.to), days: period.days.length })}
      </p>
      <section aria-labelledby="sales-totals" className="grid gap-3">
        <h2 id="sales-totals" className="sr-only">{t("totals.heading")}</h2>
        <dl className="m-0 grid gap-3 sm:grid-cols-3">
          <div className="rounded-3xl border border-line bg-surface p-4 shadow-card">
            <dt className="text-sm font-semibold text-muted">{t("totals.revenue")}</dt>
            <dd className="m-0 text-2xl font-extrabold tabular-nums" data-total="revenue">{won(totals.revenueWon)}</dd>
            <dd className="m-0 text-sm text-muted">{t("totals.deliveryFees", { amount: won(totals.deliveryFeeWon) })}</dd>
          </div>
          <div className="rounded-3xl border border-line bg-surface p-4 shadow-card">
            <dt className="text-sm font-semibold text-muted">{t("totals.orders")}</dt>
            <dd className="m-0 text-2xl font-extrabold tabular-nums" data-total="orders">{num(totals.orders)}</dd>
            <dd className="m-0 text-sm text-muted">{t("totals.average", { amount: won(totals.orders ? Math.round(totals.revenueWon / totals.orders) : 0) })}</dd>
          </div>
          <div className="rounded-3xl border border-line bg-surface p-4 shadow-card">
            <dt className="text-sm font-semibold text-muted">{t("totals.refunds")}</dt>
            <dd className="m-0 text-2xl font-extrabold tabular-nums" data-total="refunded">{won(totals.refundedWon)}</dd>
            <dd className="m-0 text-sm text-muted" data-total="refunds">{orders(totals.refunds)}</dd>
          </div>
        </dl>
        <p className="m-0 text-sm text-muted">{t("definition")}</p>
      </section>

      <section aria-labelledby="sales-charts" className="grid gap-6 rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-5">
        <h2 id="sales-charts" className="sr-only">{t("title")}</h2>
        <BarChart
          id="chart-revenue"
          title={t("charts.revenuePerDay")}
          summary={t("charts.revenueSummary", { total: won(totals.revenueWon), max: won(best.revenueWon), day: day(best.day) })}
          points={revenue}
          tick={(v) => `₩${compact.format(v)}`}
          labelEvery={every}
          head={[t("columns.day"), t("columns.revenue")]}
          showAsTable={showAsTable}
        />
        <LineChart
          id="chart-orders"
          title={t("charts.ordersPerDay")}
          summary={t("charts.ordersSummary", { total: totals.orders })}
          points={perDay}
          tick={num}
          labelEvery={every}
          head={[t("columns.day"), t("columns.orders")]}
          showAsTable={showAsTable}
        />
        <div className="grid gap-6 lg:grid-cols-2">
          <BarChart width={440} id="chart-slots" title={t("charts.perSlot")} summary={t("charts.slotSummary")} points={slots} tick={num} head={[t("columns.slot"), t("columns.orders")]} showAsTable={showAsTable} />
          <RankChart width={440} id="chart-top" title={t("charts.topBouquets")} summary={t("charts.topSummary")} points={top} empty={t("charts.noTop")} head={[t("columns.bouquet"), t("columns.sold")]} showAsTable={showAsTable} />
          <RankChart width={440} id="chart-rejects" title={t("charts.rejects")} summary={t("charts.rejectSummary", { total: rejectTotal })} points={rejects} empty={t("charts.noRejects")} head={[t("columns.reason"), t("columns.orders")]} showAsTable={showAsTable} />
          <RankChart width={440} id="chart-cancels" title={t("charts.cancels")} summary={t("charts.cancelSummary", { total: cancelTotal })} points={cancels} empty={t("charts.noCancels")} head={[t("columns.reason"), t("columns.orders")]} showAsTable={showAsTable} />
        </div>
      </section>

      <section aria-labelledby="sales-days" className="rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-5">
        <h2 id="sales-days" className="m-0 mb-3 text-lg font-bold">{t("daysTable")}</h2>
        <div className="overflow-x-auto" role="region" aria-labelledby="sales-days" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm" data-table="days">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-1.5 pr-3">{t("columns.day")}</th>
                <th scope="col" className="py-1.5 pr-3 text-right">{t("columns.orders")}</th>
                <th scope="col" className="py-1.5 pr-3 text-right">{t("columns.revenue")}</th>
                <th scope="col" className="py-1.5 pr-3 text-right">{t("columns.deliveryFees")}</th>
                <th scope="col" className="py-1.5 pr-3 text-right">{t("columns.refunds")}</th>
                <th scope="col" className="py-1.5 text-right">{t("columns.refunded")}</th>
              </tr>
            </thead>
            <tbody>
              {report.days.map((d) => (
                <tr key={d.day} className="border-b border-line/60" data-day={d.day}>
                  <th scope="row" className="py-1.5 pr-3 font-normal whitespace-nowrap">{day(d.day)}</th>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{num(d.orders)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{won(d.revenueWon)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{won(d.deliveryFeeWon)}</td>
                  <td className="py-1.5 pr-3 text-right tabular-nums">{num(d.refunds)}</td>
                  <td className="py-1.5 text-right tabular-nums">{won(d.refundedWon)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="sales-export" className="grid gap-2">
        <h2 id="sales-export" className="m-0 text-lg font-bold">{t("export.heading")}</h2>
        <div className="flex flex-wrap gap-2">
          <a href={csv("days")} download className={buttonVariants({ variant: "secondary" })}>
            <Download aria-hidden="true" />
            {t("export.days")}
          </a>
          <a href={csv("orders")} download className={buttonVariants({ variant: "secondary" })}>
            <Download aria-hidden="true" />
            {t("export.orders")}
          </a>
        </div>
        <p className="m-0 text-sm text-muted">{t("export.hint")}</p>
      </section>
    </div>
  );
}
