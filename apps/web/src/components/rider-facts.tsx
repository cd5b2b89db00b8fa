"use client";
// What a rider decides on before taking a request (D6): what is carried, what they earn, how far
// the door is from the shop (district-level, see the domain's Geocoder) and the shop's phone.
import { itemCount, type CarriedItem } from "@bloom/domain";
import { useQuery } from "@tanstack/react-query";
import { Package, Phone, Route, Wallet } from "lucide-react";
import { useTranslations } from "next-intl";
import { useFormat } from "~/lib/format";
import { telLink } from "~/lib/map-link";
import { useTRPC } from "~/trpc/react";
import { Fact, type Delivery } from "./rider-delivery-cards";

/** `decide`: what a compact request card shows (earnings, distance); `rest`: what it shows opened. */
export function RiderFacts({ delivery: d, part = "all" }: { delivery: Delivery; part?: "all" | "decide" | "rest" }) {
  const t = useTranslations("riderFacts");
  const f = useFormat();
  const items = (Array.isArray(d.items) ? d.items : []) as CarriedItem[];
  const decide = part !== "rest";
  const rest = part !== "decide";
  return (
    <>
      {rest && (
        <Fact icon={<Package />} label={t("carried")}>
          {items.length === 0 ? (
            t("unknown")
          ) : (
            <span>
              <strong>{t("count", { count: itemCount(items) })}</strong> · {items.map((i) => (i.quantity > 1 ? `${i.name} ×${i.quantity}` : i.name)).join(", ")}
            </span>
          )}
        </Fact>
      )}
      {decide && (
        <Fact icon={<Wallet />} label={t("earn")}>
          <strong className="whitespace-nowrap tabular-nums">{f.won(d.riderFeeWon)}</strong>
        </Fact>
      )}
      {decide && (
        <Fact icon={<Route />} label={t("distance")}>
          {d.distanceKm === null ? t("unknown") : t("km", { km: f.number(d.distanceKm) })}
        </Fact>
      )}
      {rest && d.storePhone && (
        <Fact icon={<Phone />} label={t("shopPhone")}>
          <a href={telLink(d.storePhone)} className="font-semibold tabular-nums" aria-label={t("callShop", { store: d.storeName, phone: d.storePhone })}>
            {d.storePhone}
          </a>
        </Fact>
      )}
    </>
  );
}

/** Today (Asia/Seoul): the rider's completed deliveries and earnings. */
export function RiderToday() {
  const t = useTranslations("riderFacts");
  const f = useFormat();
  const trpc = useTRPC();
  const today = useQuery(trpc.delivery.today.queryOptions(undefined, { refetchInterval: 30_000 }));
  return (
    <section aria-labelledby="rider-today" className="flex flex-wrap items-baseline gap-x-4 gap-y-1 rounded-2xl border border-line bg-surface px-4 py-3 shadow-card" data-testid="rider-today">
      <h2 id="rider-today" className="m-0 text-base font-bold">
        {t("today")}
      </h2>
      {today.data ? (
        <p className="m-0">
          {t("todaySummary", { count: today.data.delivered, earned: f.won(today.data.earnedWon) })}
        </p>
      ) : (
        <p className="m-0 text-muted">{t("loadingToday")}</p>
      )}
    </section>
  );
}
