"use client";
// A shop's page (F1): its details, the bouquet menu and the cart, from the shop as the server read
// it (page.tsx). The cart holds one shop's bouquets; adding from another shop asks before emptying it.
import type { CatalogMenu } from "@bloom/app";
import { ArrowLeft, Clock, MapPin, Phone } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CartPanel } from "~/components/cart-panel";
import { ConfirmDialog } from "~/components/confirm-dialog";
import { EmptyState } from "~/components/ui/empty-state";
import { useToast } from "~/components/ui/toast";
import { addToCart, quantityInCart, replaceCart, useCart, type CartLine, type CartTier } from "~/lib/cart";
import { cn } from "~/lib/cn";
import { useFormat } from "~/lib/format";
import { useAreaName, useLocalized, useLocalizedName } from "~/lib/localized";
import { mapLink } from "~/lib/map-link";
import { OpenBadge } from "../store-card";
import { AddonsSection } from "./addons-section";
import { BouquetCard, type MenuBouquet } from "./bouquet-card";
import { useSizeName, withSize } from "~/lib/sizes";
import { DeliveryHours, type ShopHours } from "./delivery-hours";

export function StoreMenu({ store: s, hours }: { store: CatalogMenu; hours: ShopHours }) {
  const t = useTranslations("menu");
  const toast = useToast();
  const cart = useCart();
  const f = useFormat();
  const nameOf = useLocalizedName();
  const text = useLocalized();
  const areaOf = useAreaName();
  const sizeName = useSizeName();
  const [pendingReplace, setPendingReplace] = useState<{ line: CartLine; from: { name: string; nameKo?: string } } | null>(null);

  const shop = { id: s.id, name: s.name, nameKo: s.nameKo };
  const stock = new Map(s.bouquets.map((b) => [b.id, b.stock]));
  const shopName = nameOf(s);

  function add(b: MenuBouquet, quantity: number, tier?: CartTier) {
    // W4: the size's price (indicative, like every cart price: the server prices the order).
    const unitPriceWon = tier === "DELUXE" ? (b.deluxePriceWon ?? b.priceWon) : tier === "PREMIUM" ? (b.premiumPriceWon ?? b.priceWon) : b.priceWon;
    const line: CartLine = { bouquetId: b.id, name: b.name, nameKo: b.nameKo, imageUrl: b.imageUrl, unitPriceWon, quantity, ...(tier && { tier }) };
    const result = addToCart(shop, line);
    if (result.ok) toast.show(t("added", { count: quantity, name: withSize(nameOf(b), sizeName(tier)) }));
    else setPendingReplace({ line, from: result.store });
  }

  return (
    <div className={cn(cart && "pb-32 lg:pb-0")}>
      <Link href="/stores" className="mb-3 inline-flex min-h-10 items-center gap-1.5 font-semibold no-underline hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("allShops")}
      </Link>
      <section aria-labelledby="store-name" className="mb-7 overflow-hidden rounded-3xl border border-line bg-surface shadow-card sm:grid sm:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <img src={s.imageUrl} alt="" width={400} height={200} className="aspect-[2/1] size-full bg-surface-2 object-cover sm:aspect-auto" />
        <div className="grid content-center gap-3 p-5 sm:p-7">
          <div className="flex flex-wrap items-center gap-2">
            <OpenBadge open={s.open} opensAt={s.opensAt} />
            <span className="text-sm font-semibold text-muted">{areaOf(s.area)}</span>
          </div>
          <h1 id="store-name" className="m-0 text-2xl font-extrabold tracking-tight sm:text-3xl">
            {shopName}
          </h1>
          <p className="m-0 text-muted">
            {text(s.description, s.descriptionKo)}
          </p>
          <ul className="m-0 grid list-none gap-1.5 p-0 text-sm">
            <li className="flex items-center gap-2">
              <Clock aria-hidden="true" className="size-4 shrink-0 text-brand-600" />
              {t("hours", { from: f.hour(s.opensAt), to: f.hour(s.closesAt) })}
            </li>
            <li className="flex items-center gap-2">
              <MapPin aria-hidden="true" className="size-4 shrink-0 text-brand-600" />
              <span className="sr-only">{t("address")}: </span>
              <a href={mapLink(text(s.address, s.addressKo))} target="_blank" rel="noopener noreferrer">
                {text(s.address, s.addressKo)}
                <span className="sr-only"> ({t("opensMap")})</span>
              </a>
            </li>
            <li className="flex items-center gap-2">
              <Phone aria-hidden="true" className="size-4 shrink-0 text-brand-600" />
              <span className="sr-only">{t("phone")}: </span>
              <a href={`tel:${s.phone}`}>{s.phone}</a>
            </li>
          </ul>
          {!s.open && <p className="m-0 text-sm text-muted">{t("closedNote")}</p>}
        </div>
      </section>
      <DeliveryHours data={hours} />

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="menu-title">
          <h2 id="menu-title" className="mt-0 mb-4 text-xl font-bold">
            {t("bouquets")}
          </h2>
          {s.bouquets.length === 0 ? (
            <EmptyState title={t("emptyMenu")}>
              <p>{t("emptyMenuHint")}</p>
            </EmptyState>
          ) : (
            <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2 xl:grid-cols-3">
              {/* The server lists by price; sold-out bouquets go last so they never lead the menu. */}
              {[...s.bouquets]
                .sort((a, b) => Number(a.stock <= 0) - Number(b.stock <= 0))
                .map((b) => (
                  <li key={b.id} className="grid">
                    <BouquetCard bouquet={b} inCart={cart?.storeId === s.id ? quantityInCart(cart, b.id) : 0} onAdd={(q, tier) => add(b, q, tier)} />
                  </li>
                ))}
            </ul>
          )}
          <AddonsSection storeId={s.id} addons={s.addons} cart={cart} />
        </section>
        <CartPanel cart={cart} stockOf={cart?.storeId === s.id ? (id) => stock.get(id) : undefined} />
      </div>

      <ConfirmDialog
        open={pendingReplace !== null}
        title={t("replaceTitle")}
        confirmLabel={t("replaceConfirm")}
        cancelLabel={t("replaceCancel")}
        onCancel={() => setPendingReplace(null)}
        onConfirm={() => {
          if (!pendingReplace) return;
          replaceCart(shop, pendingReplace.line);
          toast.show(t("replaced", { count: pendingReplace.line.quantity, name: nameOf(pendingReplace.line) }));
          setPendingReplace(null);
        }}
        description={
          pendingReplace && (
            <p>
              {t.rich("replaceBody", {
                from: nameOf(pendingReplace.from),
                name: nameOf(pendingReplace.line),
                strong: (chunks) => <strong className="text-ink">{chunks}</strong>,
              })}
            </p>
          )
        }
      />
    </div>
  );
}
