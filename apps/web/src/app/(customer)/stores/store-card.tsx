// One flower shop in the store list: picture, names, area, open now or not, menu size.
import Link from "next/link";
import { PinIcon } from "~/components/icons";
import { formatHour, pluralize } from "~/lib/format";

export type StoreSummary = {
  id: string;
  name: string;
  nameKo: string;
  area: string;
  imageUrl: string;
  description: string;
  opensAt: number;
  closesAt: number;
  open: boolean;
  bouquetCount: number;
};

export function OpenBadge({ open, opensAt }: { open: boolean; opensAt: number }) {
  return open ? (
    <span className="badge badge--open">Open now</span>
  ) : (
    <span className="badge badge--closed">Closed · opens {formatHour(opensAt)}</span>
  );
}

export function StoreCard({ store }: { store: StoreSummary }) {
  return (
    <article className="card store-card">
      <img src={store.imageUrl} alt={`Shop front of ${store.name}`} width={400} height={200} loading="lazy" />
      <div className="store-card__body">
        <h2 className="store-card__title">
          <Link href={`/stores/${store.id}`}>{store.name}</Link>
        </h2>
        <p className="ko" lang="ko" style={{ margin: 0 }}>
          {store.nameKo}
        </p>
        <div className="store-card__meta">
          <span className="with-icon">
            <PinIcon />
            <span className="visually-hidden">Area: </span>
            {store.area}
          </span>
          <OpenBadge open={store.open} opensAt={store.opensAt} />
          <span>{pluralize(store.bouquetCount, "bouquet")}</span>
        </div>
        <p className="small muted" style={{ margin: "0.25rem 0 0" }}>
          {store.description}
        </p>
      </div>
    </article>
  );
}
