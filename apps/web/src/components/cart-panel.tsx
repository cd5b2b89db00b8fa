"use client";
// The cart beside the menu: a sticky card on wide screens, a bar at the bottom of a phone's screen
// (in thumb reach) that expands to show the lines. Totals are indicative: the server prices the
// order again from the catalog.
import { MAX_QUANTITY } from "@bloom/domain";
import { ChevronUp, ShoppingBag, Trash2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { cartCount, cartLineKey, cartTotal, quantityInCart, removeLine, setAddonQuantity, setLineQuantity, type Cart } from "~/lib/cart";
import { useSizeName, withSize } from "~/lib/sizes";
import { cn } from "~/lib/cn";
import { useLocalizedName } from "~/lib/localized";
import { FieldError } from "./ui/field";
import { Money } from "./money";
import { QuantityStepper } from "./quantity-stepper";
import { Button } from "./ui/button";

export function CartPanel({ cart, stockOf }: { cart: Cart | null; stockOf?: (bouquetId: string) => number | undefined }) {
  const t = useTranslations("cart");
  const nameOf = useLocalizedName();
  const sizeName = useSizeName();
  const [expanded, setExpanded] = useState(false);
  const linesId = useId();
  const titleId = useId();
  const count = cartCount(cart);

  return (
    <aside
      aria-labelledby={titleId}
      className={cn(
        "z-30 border-line bg-surface",
        "fixed inset-x-0 bottom-0 max-h-[80dvh] overflow-y-auto rounded-t-3xl border-t p-4 pb-[max(1rem,env(safe-area-inset-bottom))] shadow-lift",
        "lg:sticky lg:top-24 lg:max-h-none lg:rounded-3xl lg:border lg:p-5 lg:shadow-card",
        !cart && "hidden lg:block",
      )}
    >
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <h2 id={titleId} className="m-0 flex items-center gap-2 text-lg font-bold">
            <ShoppingBag aria-hidden="true" className="size-5 text-brand-600" />
            {t("title")}
          </h2>
          {cart && <p className="m-0 truncate text-sm text-muted">{t("from", { store: nameOf({ name: cart.storeName, nameKo: cart.storeNameKo }) })}</p>}
        </div>
        {cart && (
          <Button variant="ghost" size="sm" className="lg:hidden" aria-expanded={expanded} aria-controls={linesId} onClick={() => setExpanded((v) => !v)}>
            {expanded ? t("hideItems") : t("showItems", { count })}
            <ChevronUp aria-hidden="true" className={cn("transition-transform", !expanded && "rotate-180")} />
          </Button>
        )}
      </div>

      {!cart ? (
        <p className="mt-3 mb-0 text-sm text-muted">{t("empty")}</p>
      ) : (
        <>
          <ul id={linesId} className={cn("m-0 mt-3 list-none divide-y divide-line p-0", !expanded && "hidden lg:block")}>
            {cart.lines.map((l) => {
              const stock = stockOf?.(l.bouquetId);
              const max = Math.max(1, Math.min(MAX_QUANTITY, stock ?? MAX_QUANTITY));
              const name = withSize(nameOf(l), sizeName(l.tier));
              // Sizes share the bouquet's stock: what the cart holds of it in every size.
              const held = quantityInCart(cart, l.bouquetId);
              return (
                <li key={cartLineKey(l)} className="grid gap-2 py-3" data-testid="cart-line">
                  <div className="flex items-start justify-between gap-3">
                    <span className="font-semibold">{name}</span>
                    <Money won={l.unitPriceWon * l.quantity} className="font-semibold" />
                  </div>
                  <div className="flex items-center justify-between gap-2">
                    <QuantityStepper size="sm" label={name} value={l.quantity} min={1} max={Math.max(max, l.quantity)} onChange={(n) => setLineQuantity(l.bouquetId, n, l.tier)} />
                    <Button variant="ghost" size="sm" onClick={() => removeLine(l.bouquetId, l.tier)} className="text-muted">
                      <Trash2 aria-hidden="true" />
                      {t("remove")}
                      <span className="sr-only"> {name}</span>
                    </Button>
                  </div>
                  {stock !== undefined && held > stock && <FieldError>{stock === 0 ? t("soldOutRemove") : t("onlyLeftLower", { count: stock })}</FieldError>}
                </li>
              );
            })}
            {(cart.addons ?? []).map((a) => {
              const name = nameOf(a);
              return (
                <li key={a.addonId} className="grid gap-2 py-3" data-testid="cart-addon">
                  <div className="flex items-start justify-between gap-3">
                    <span className="font-semibold">
                      <span className="sr-only">{t("addon")}: </span>
                      {name}
                    </span>
                    <Money won={a.unitPriceWon * a.quantity} className="font-semibold" />
                  </div>
                  <div className="flex items-center justify-between gap-2">
                    <QuantityStepper size="sm" label={name} value={a.quantity} min={1} max={MAX_QUANTITY} onChange={(n) => setAddonQuantity(cart.storeId, a, n)} />
                    <Button variant="ghost" size="sm" onClick={() => setAddonQuantity(cart.storeId, a, 0)} className="text-muted">
                      <Trash2 aria-hidden="true" />
                      {t("remove")}
                      <span className="sr-only"> {name}</span>
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="mt-2 flex items-center justify-between gap-3 border-line lg:mt-0 lg:border-t lg:pt-4">
            <div>
              <span className="block text-sm text-muted">{t("totalCount", { count })}</span>
              <Money won={cartTotal(cart)} className="text-xl font-extrabold" />
            </div>
            <Button asChild size="lg">
              <Link href="/checkout">{t("checkout")}</Link>
            </Button>
          </div>
          <p className="mt-2 mb-0 hidden text-xs text-muted lg:block">{t("note")}</p>
        </>
      )}
    </aside>
  );
}
