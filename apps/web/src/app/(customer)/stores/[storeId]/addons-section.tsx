"use client";
// W4: the shop's add-ons (vase, chocolates, balloon, a larger card) under its bouquets. They go with
// the cart's bouquets, so they can be added once the cart holds this shop's bouquets; the cart and
// checkout show them priced, and the server prices them again when the order is placed.
import { MAX_QUANTITY } from "@bloom/domain";
import { Gift } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Money } from "~/components/money";
import { QuantityStepper } from "~/components/quantity-stepper";
import { Button } from "~/components/ui/button";
import { addonQuantityInCart, setAddonQuantity, type Cart } from "~/lib/cart";
import { useLocalizedName } from "~/lib/localized";

export type MenuAddon = { id: string; name: string; nameKo: string; priceWon: number; stock: number };

export function AddonsSection({ storeId, addons, cart }: { storeId: string; addons: MenuAddon[]; cart: Cart | null }) {
  const t = useTranslations("menu");
  const nameOf = useLocalizedName();
  const titleId = useId();
  const hintId = useId();
  if (addons.length === 0) return null;
  const usable = cart?.storeId === storeId;

  return (
    <section aria-labelledby={titleId} className="mt-8" data-testid="addons">
      <h2 id={titleId} className="mt-0 mb-1 flex items-center gap-2 text-xl font-bold">
        <Gift aria-hidden="true" className="size-5 text-brand-600" />
        {t("addonsTitle")}
      </h2>
      <p id={hintId} className="mt-0 mb-4 text-sm text-muted">
        {usable ? t("addonsHint") : t("addonsNeedBouquet")}
      </p>
      <ul className="m-0 grid list-none gap-3 p-0 sm:grid-cols-2">
        {addons.map((a) => {
          const name = nameOf(a);
          const inCart = addonQuantityInCart(cart, a.id);
          const max = Math.min(MAX_QUANTITY, a.stock);
          const line = { addonId: a.id, name: a.name, nameKo: a.nameKo, unitPriceWon: a.priceWon };
          return (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-line bg-surface p-3 shadow-card" data-testid="addon">
              <div className="min-w-0">
                <div className="font-semibold">{name}</div>
                <Money won={a.priceWon} className="text-sm font-bold text-brand-700" />
                {a.stock <= 0 && <span className="ml-2 text-sm text-muted">{t("soldOut")}</span>}
              </div>
              {inCart > 0 ? (
                <QuantityStepper size="sm" label={name} value={inCart} min={0} max={Math.max(max, inCart)} onChange={(n) => setAddonQuantity(storeId, line, n)} />
              ) : (
                <Button
                  size="sm"
                  variant="secondary"
                  disabled={!usable || a.stock <= 0}
                  aria-describedby={usable ? undefined : hintId}
                  aria-label={t("addAria", { name })}
                  onClick={() => setAddonQuantity(storeId, line, 1)}
                >
                  {t("add")}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
