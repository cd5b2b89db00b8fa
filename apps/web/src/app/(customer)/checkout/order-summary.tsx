"use client";
// The cart as checkout shows it, priced with the shop's current menu when it has loaded.
// Still indicative: the server prices the order again when it is placed. On a phone it is one
// line (count, total, a way to see the items) so the form starts on the first screen.
import { useQuery } from "@tanstack/react-query";
import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "~/components/money";
import { FieldError } from "~/components/ui/field";
import { cartLineKey, type Cart, type CartAddon, type CartTier } from "~/lib/cart";
import { useSizeName, withSize } from "~/lib/sizes";
import { useLocalizedName } from "~/lib/localized";
import { useTRPC } from "~/trpc/react";

type Problem = { kind: "gone" } | { kind: "soldOut" } | { kind: "short"; left: number };
export type SummaryLine = { bouquetId: string; name: string; nameKo?: string; imageUrl: string; unitPriceWon: number; quantity: number; tier?: CartTier; problem: Problem | null };
/** W4: an add-on of the cart with today's price. */
export type SummaryAddon = CartAddon & { problem: Problem | null };

/** The cart's lines (and add-ons, W4) with today's prices and any stock problem the shop's menu reveals. */
export function useSummaryLines(cart: Cart | null): { lines: SummaryLine[]; addons: SummaryAddon[]; totalWon: number; hasProblem: boolean } {
  const trpc = useTRPC();
  const menu = useQuery({ ...trpc.catalog.store.queryOptions({ storeId: cart?.storeId ?? "" }), enabled: Boolean(cart) });
  const byId = new Map(menu.data?.bouquets.map((b) => [b.id, b]) ?? []);
  const lines = (cart?.lines ?? []).map((l) => {
    const live = menu.data ? byId.get(l.bouquetId) : undefined;
    let problem: Problem | null = null;
    // W4: the size's price today; a size the shop stopped offering is gone.
    const livePrice = !live ? undefined : l.tier === "DELUXE" ? live.deluxePriceWon : l.tier === "PREMIUM" ? live.premiumPriceWon : live.priceWon;
    // Sizes share the bouquet's stock: the units of every size of it in the cart.
    const held = (cart?.lines ?? []).filter((x) => x.bouquetId === l.bouquetId).reduce((n, x) => n + x.quantity, 0);
    if (menu.data && (!live || livePrice == null)) problem = { kind: "gone" };
    else if (live && live.stock === 0) problem = { kind: "soldOut" };
    else if (live && held > live.stock) problem = { kind: "short", left: live.stock };
    return { ...l, nameKo: live?.nameKo ?? l.nameKo, unitPriceWon: livePrice ?? l.unitPriceWon, problem };
  });
  const addonsById = new Map(menu.data?.addons.map((a) => [a.id, a]) ?? []);
  const addons = (cart?.addons ?? []).map((a) => {
    const live = menu.data ? addonsById.get(a.addonId) : undefined;
    let problem: Problem | null = null;
    if (menu.data && !live) problem = { kind: "gone" };
    else if (live && live.stock === 0) problem = { kind: "soldOut" };
    else if (live && a.quantity > live.stock) problem = { kind: "short", left: live.stock };
    return { ...a, nameKo: live?.nameKo ?? a.nameKo, unitPriceWon: live?.priceWon ?? a.unitPriceWon, problem };
  });
  return {
    lines,
    addons,
    totalWon: lines.reduce((sum, l) => sum + l.unitPriceWon * l.quantity, 0) + addons.reduce((sum, a) => sum + a.unitPriceWon * a.quantity, 0),
    hasProblem: lines.some((l) => l.problem) || addons.some((a) => a.problem),
  };
}

export function OrderSummary({
  cart,
  lines,
  addons = [],
  totalWon: itemsWon,
  deliveryFeeWon = null,
}: {
  cart: Cart;
  lines: SummaryLine[];
  addons?: SummaryAddon[];
  totalWon: number;
  deliveryFeeWon?: number | null;
}) {
  const t = useTranslations("checkout.summary");
  const tm = useTranslations("menu");
  const nameOf = useLocalizedName();
  const sizeName = useSizeName();
  const count = lines.reduce((n, l) => n + l.quantity, 0);
  const store = nameOf({ name: cart.storeName, nameKo: cart.storeNameKo });
  const problem = lines.some((l) => l.problem) || addons.some((a) => a.problem);
  const totalWon = itemsWon + (deliveryFeeWon ?? 0);

  const list = (
    <ul className="m-0 grid list-none gap-3 p-0">
      {lines.map((l) => (
        <li key={cartLineKey(l)} className="grid grid-cols-[3.5rem_1fr_auto] items-center gap-3" data-testid="summary-line">
          <img src={l.imageUrl} alt="" width={56} height={56} className="size-14 rounded-xl bg-surface-2 object-cover" />
          <div className="min-w-0">
            <div className="font-semibold">{withSize(nameOf(l), sizeName(l.tier))}</div>
            <div className="text-sm text-muted">
              {l.quantity} × <Money won={l.unitPriceWon} />
            </div>
            {l.problem && (
              <FieldError>{l.problem.kind === "gone" ? t("gone") : l.problem.kind === "soldOut" ? t("soldOut") : t("short", { count: l.problem.left })}</FieldError>
            )}
          </div>
          <Money won={l.unitPriceWon * l.quantity} className="font-semibold" />
        </li>
      ))}
      {addons.map((a) => (
        <li key={a.addonId} className="grid grid-cols-[3.5rem_1fr_auto] items-center gap-3" data-testid="summary-addon">
          <span aria-hidden="true" className="grid size-14 place-items-center rounded-xl bg-surface-2 text-xs font-semibold text-muted">
            +
          </span>
          <div className="min-w-0">
            <div className="font-semibold">
              <span className="sr-only">{tm("addonsTitle")}: </span>
              {nameOf(a)}
            </div>
            <div className="text-sm text-muted">
              {a.quantity} × <Money won={a.unitPriceWon} />
            </div>
            {a.problem && (
              <FieldError>{a.problem.kind === "gone" ? t("gone") : a.problem.kind === "soldOut" ? t("soldOut") : t("short", { count: a.problem.left })}</FieldError>
            )}
          </div>
          <Money won={a.unitPriceWon * a.quantity} className="font-semibold" />
        </li>
      ))}
    </ul>
  );

  return (
    <section aria-labelledby="summary-title" className="rounded-3xl border border-line bg-surface p-3.5 shadow-card sm:p-5">
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <h2 id="summary-title" className="m-0 text-base font-bold sm:text-lg">
            {t("title")}
          </h2>
          <p className="m-0 truncate text-sm text-muted">
            {t("from", { store })} · <Link href={`/stores/${cart.storeId}`}>{t("edit")}</Link>
          </p>
        </div>
        <Money won={totalWon} className="text-lg font-extrabold lg:hidden" />
      </div>
      {/* Phones: the lines behind a disclosure (open when something needs fixing). */}
      <details className="group mt-1 lg:hidden" open={problem || undefined}>
        <summary className="flex min-h-10 cursor-pointer list-none items-center gap-1 text-sm font-semibold text-brand-700 [&::-webkit-details-marker]:hidden">
          {t("showItems", { count })}
          <ChevronDown aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
        </summary>
        <div className="pt-2">{list}</div>
      </details>
      <div className="mt-4 hidden lg:block">
        {list}
        <DeliveryFeeLine feeWon={deliveryFeeWon} />
        <div className="mt-4 flex items-baseline justify-between border-t border-line pt-4">
          <span>{t("total", { count })}</span>
          <Money won={totalWon} className="text-xl font-extrabold" />
        </div>
        <p className="mt-2 mb-0 text-xs text-muted">{t("note")}</p>
      </div>
    </section>
  );
}

/** D1: the delivery as a line of its own, priced from the address (or asking for one). */
function DeliveryFeeLine({ feeWon }: { feeWon: number | null }) {
  const t = useTranslations("checkout.deliveryZone");
  return (
    <div className="mt-4 flex items-baseline justify-between border-t border-line pt-4 text-sm" data-testid="delivery-fee-line">
      <span>{t("line")}</span>
      {feeWon === null ? <span className="text-muted">{t("enterAddress")}</span> : feeWon === 0 ? <span>{t("free")}</span> : <Money won={feeWon} className="font-semibold" />}
    </div>
  );
}
