"use client";
// A bouquet on a shop's menu: picture, words, price, stock and an add-to-cart control.
import { MAX_QUANTITY } from "@bloom/domain";
import { ShoppingBag } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Money } from "~/components/money";
import { QuantityStepper } from "~/components/quantity-stepper";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { cn } from "~/lib/cn";
import { useLocalized, useLocalizedName } from "~/lib/localized";
import type { CartTier } from "~/lib/cart";
import { RadioCards } from "~/components/ui/radio-cards";
import { useFormat } from "~/lib/format";

const LOW_STOCK = 5;

export type MenuBouquet = {
  id: string;
  name: string;
  nameKo: string;
  description: string;
  descriptionKo?: string;
  priceWon: number;
  stock: number;
  imageUrl: string;
  /** W4: the sizes' prices; null = not offered. */
  deluxePriceWon?: number | null;
  premiumPriceWon?: number | null;
};

type Size = "STANDARD" | CartTier;

export function BouquetCard({ bouquet, inCart, onAdd }: { bouquet: MenuBouquet; inCart: number; onAdd: (quantity: number, tier?: CartTier) => void }) {
  const t = useTranslations("menu");
  const ts = useTranslations("sizes");
  const f = useFormat();
  const [size, setSize] = useState<Size>("STANDARD");
  const sizeLabelId = useId();
  // W4: the sizes the shop offers, standard first; every size comes from the bouquet's one stock.
  const sizes: { value: Size; priceWon: number }[] = [
    { value: "STANDARD", priceWon: bouquet.priceWon },
    ...(bouquet.deluxePriceWon != null ? [{ value: "DELUXE" as const, priceWon: bouquet.deluxePriceWon }] : []),
    ...(bouquet.premiumPriceWon != null ? [{ value: "PREMIUM" as const, priceWon: bouquet.premiumPriceWon }] : []),
  ];
  const chosen = sizes.find((x) => x.value === size) ?? sizes[0]!;
  const nameOf = useLocalizedName();
  const text = useLocalized();
  const [quantity, setQuantity] = useState(1);
  const nameId = useId();
  const stockId = useId();
  const name = nameOf(bouquet);
  const soldOut = bouquet.stock <= 0;
  // What may still be added: the shop's stock and the per-line limit, less what is in the cart.
  const room = Math.max(0, Math.min(bouquet.stock, MAX_QUANTITY) - inCart);
  const q = Math.min(quantity, Math.max(1, room));
  const low = !soldOut && bouquet.stock < LOW_STOCK;

  return (
    // Phones: picture beside the words, so two bouquets fit on a screen; wider: picture on top.
    <article aria-labelledby={nameId} className="flex h-full overflow-hidden rounded-3xl border border-line bg-surface shadow-card sm:flex-col">
      <div className="relative m-3 mr-0 aspect-square w-28 shrink-0 self-start overflow-hidden rounded-2xl bg-surface-2 sm:m-0 sm:aspect-[4/3] sm:w-auto sm:self-auto sm:rounded-none">
        <img src={bouquet.imageUrl} alt={t("pictureAlt", { name })} width={400} height={300} loading="lazy" className={cn("size-full object-cover", soldOut && "opacity-50 grayscale")} />
        {(soldOut || low || inCart > 0) && (
          <div id={stockId} className="absolute top-1.5 left-1.5 flex flex-wrap gap-1 sm:top-3 sm:left-3 sm:gap-1.5">
            {soldOut ? (
              <Badge tone="neutral" size="sm">{t("soldOut")}</Badge>
            ) : low ? (
              <Badge tone="warning" size="sm">{t("onlyLeft", { count: bouquet.stock })}</Badge>
            ) : null}
            {inCart > 0 && (
              <Badge tone="solid" size="sm">
                {t("inCart", { count: inCart })}
              </Badge>
            )}
          </div>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1.5 p-3 sm:gap-2 sm:p-4">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h3 id={nameId} className="m-0 text-base font-bold sm:text-lg">
            {name}
          </h3>
          <Money won={chosen.priceWon} className="shrink-0 font-extrabold text-brand-700 sm:text-lg" />
        </div>
        {/* W5: descriptions are kept in both languages; the UI's is shown. */}
        <p className="m-0 text-sm text-muted">
          {text(bouquet.description, bouquet.descriptionKo)}
        </p>
        {sizes.length > 1 && !soldOut && (
          <div className="grid gap-1" data-testid="size-picker">
            <span id={sizeLabelId} className="text-sm font-semibold">
              {t("sizeLabel", { name })}
            </span>
            <RadioCards
              aria-labelledby={sizeLabelId}
              value={chosen.value}
              onValueChange={setSize}
              className="grid-cols-3 sm:grid-cols-3"
              options={sizes.map((x) => ({ value: x.value, label: ts(x.value), hint: f.won(x.priceWon) }))}
            />
          </div>
        )}
        <div className="mt-auto pt-2">
          {soldOut ? (
            <Button variant="secondary" block disabled aria-describedby={stockId}>
              {t("soldOut")}
            </Button>
          ) : room === 0 ? (
            <Button variant="secondary" block disabled>
              {t("limitReached", { count: inCart })}
            </Button>
          ) : (
            <div className="flex flex-wrap items-center gap-2">
              <QuantityStepper size="sm" label={name} value={q} min={1} max={room} onChange={setQuantity} />
              <Button
                size="sm"
                className="min-h-10 flex-1"
                // Names which bouquet; starts with the visible words so voice control still matches.
                aria-label={t("addAria", { name })}
                onClick={() => {
                  onAdd(q, chosen.value === "STANDARD" ? undefined : chosen.value);
                  setQuantity(1);
                }}
              >
                <ShoppingBag aria-hidden="true" />
                {t("add")}
              </Button>
            </div>
          )}
        </div>
      </div>
    </article>
  );
}
