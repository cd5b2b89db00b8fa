"use client";
// The shop's delivery hours per weekday and its upcoming closures (D2), as the checkout applies them.
import type { DeliverySlots } from "@bloom/app";
import { CalendarX, Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormat } from "~/lib/format";

/** What the shop's page shows of its delivery schedule (read on the server with the page). */
export type ShopHours = Pick<DeliverySlots, "weeklyHours" | "closures" | "leadTimeMinutes" | "slotCutoffMinutes">;

export function DeliveryHours({ data }: { data: ShopHours }) {
  const t = useTranslations("schedule");
  const f = useFormat();
  const lead = data.leadTimeMinutes;
  return (
    <section aria-labelledby="delivery-hours-title" className="mb-7 grid gap-4 rounded-3xl border border-line bg-surface p-5 shadow-card sm:grid-cols-2 sm:p-7" data-testid="delivery-hours">
      <div className="grid content-start gap-2">
        <h2 id="delivery-hours-title" className="m-0 flex items-center gap-2 text-lg font-bold">
          <Clock aria-hidden="true" className="size-5 text-brand-600" />
          {t("shop.title")}
        </h2>
        <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {data.weeklyHours.map((h, i) => (
            <div key={i} className="contents">
              <dt className="font-semibold">{t(`weekday.${i}` as "weekday.0")}</dt>
              <dd className="m-0">{h ? t("shop.hoursRange", { from: f.hour(h.opensAt), to: f.hour(h.closesAt) }) : t("shop.closedAllDay")}</dd>
            </div>
          ))}
        </dl>
        {lead > 0 && <p className="m-0 text-sm text-muted">{lead % 60 === 0 ? t("shop.leadTime", { hours: lead / 60 }) : t("shop.leadTimeMinutes", { minutes: lead })}</p>}
        {data.slotCutoffMinutes !== null && <p className="m-0 text-sm text-muted">{t("shop.cutoff", { minutes: data.slotCutoffMinutes })}</p>}
      </div>
      {data.closures.length > 0 && (
        <div className="grid content-start gap-2">
          <h3 className="m-0 flex items-center gap-2 text-base font-bold">
            <CalendarX aria-hidden="true" className="size-5 text-brand-600" />
            {t("shop.closuresTitle")}
          </h3>
          <ul className="m-0 grid list-none gap-1 p-0 text-sm" data-testid="closures">
            {data.closures.map((c) => (
              <li key={`${c.startsOn}-${c.endsOn}`}>
                {c.startsOn === c.endsOn ? t("shop.closureOne", { date: f.deliveryDate(c.startsOn) }) : t("shop.closureRange", { from: f.deliveryDate(c.startsOn), to: f.deliveryDate(c.endsOn) })}
                {c.note && <span className="text-muted"> — {c.note}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
