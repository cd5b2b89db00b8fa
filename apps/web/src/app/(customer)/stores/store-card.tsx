"use client";
// One flower shop in the store list: picture, name, area, open now or not, menu size. The whole
// card is one link target (the name's link stretches over it).
import { Clock, Flower2, MapPin } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "~/components/ui/badge";
import { useFormat } from "~/lib/format";
import { useAreaName, useLocalized, useLocalizedName } from "~/lib/localized";

export type StoreSummary = {
  id: string;
  name: string;
  nameKo: string;
  area: string;
  imageUrl: string;
  description: string;
  descriptionKo?: string;
  opensAt: number;
  closesAt: number;
  open: boolean;
  bouquetCount: number;
};

export function OpenBadge({ open, opensAt }: { open: boolean; opensAt: number }) {
  const t = useTranslations("stores");
  const f = useFormat();
  return open ? (
    <Badge tone="success" dot size="sm">
      {t("openNow")}
    </Badge>
  ) : (
    <Badge tone="neutral" size="sm">
      {t("closedOpensAt", { time: f.hour(opensAt) })}
    </Badge>
  );
}

export function StoreCard({ store }: { store: StoreSummary }) {
  const t = useTranslations("stores");
  const nameOf = useLocalizedName();
  const text = useLocalized();
  const areaOf = useAreaName();
  const f = useFormat();
  const name = nameOf(store);
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-3xl border border-line bg-surface shadow-card transition-shadow focus-within:ring-3 focus-within:ring-focus hover:shadow-lift">
      <div className="relative aspect-[2/1] overflow-hidden bg-surface-2">
        <img src={store.imageUrl} alt="" width={400} height={200} loading="lazy" className="size-full object-cover transition-transform duration-300 group-hover:scale-[1.03]" />
        <div className="absolute top-3 left-3">
          <OpenBadge open={store.open} opensAt={store.opensAt} />
        </div>
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h2 className="m-0 text-lg font-bold">
          <Link href={`/stores/${store.id}`} className="text-ink no-underline after:absolute after:inset-0 after:content-[''] hover:text-brand-700">
            {name}
          </Link>
        </h2>
        <p className="m-0 line-clamp-2 text-sm text-muted">
          {text(store.description, store.descriptionKo)}
        </p>
        <div className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-1 pt-1 text-sm text-ink-soft">
          <span className="inline-flex items-center gap-1">
            <MapPin aria-hidden="true" className="size-4 text-brand-600" />
            <span className="sr-only">{t("area")}: </span>
            {areaOf(store.area)}
          </span>
          <span className="inline-flex items-center gap-1">
            <Flower2 aria-hidden="true" className="size-4 text-brand-600" />
            {t("bouquetCount", { count: store.bouquetCount })}
          </span>
          <span className="inline-flex items-center gap-1">
            <Clock aria-hidden="true" className="size-4 text-brand-600" />
            <span className="sr-only">{t("hours")}: </span>
            {t("hoursRange", { from: f.hour(store.opensAt), to: f.hour(store.closesAt) })}
          </span>
        </div>
      </div>
    </article>
  );
}
