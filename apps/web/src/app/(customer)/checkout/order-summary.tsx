"use client";
// The cart as checkout shows it, priced with the shop's current menu when it has loaded.
// Still indicative: the server prices the order again when it is placed.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Money } from "~/components/money";
import type { Cart } from "~/lib/cart";
import { pluralize } from "~/lib/format";
import { useTRPC } from "~/trpc/react";

export type SummaryLine = { bouquetId: string; name: string; imageUrl: string; unitPriceWon: number; quantity: number; problem: string | null };

/** The cart's lines with today's prices and any stock problem the shop's menu reveals. */
export function useSummaryLines(cart: Cart | null): { lines: SummaryLine[]; totalWon: number; hasProblem: boolean } {
  const trpc = useTRPC();
  const menu = useQuery({ ...trpc.catalog.store.queryOptions({ storeId: cart?.storeId ?? "" }), enabled: Boolean(cart) });
  const byId = new Map(menu.data?.bouquets.map((b) => [b.id, b]) ?? []);
  const lines = (cart?.lines ?? []).map((l) => {
    const live = menu.data ? byId.get(l.bouquetId) : undefined;
    let problem: string | null = null;
    if (menu.data && !live) problem = "No longer on the menu — please remove it";
    else if (live && live.stock === 0) problem = "Sold out — please remove it";
    else if (live && l.quantity > live.stock) problem = `Only ${live.stock} left — please lower the quantity`;
    return { ...l, unitPriceWon: live?.priceWon ?? l.unitPriceWon, problem };
  });
  return {
    lines,
    totalWon: lines.reduce((sum, l) => sum + l.unitPriceWon * l.quantity, 0),
    hasProblem: lines.some((l) => l.problem),
  };
}

export function OrderSummary({ cart, lines, totalWon }: { cart: Cart; lines: SummaryLine[]; totalWon: number }) {
  const count = lines.reduce((n, l) => n + l.quantity, 0);
  return (
    <section className="panel checkout__summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="panel__title">
        Your order
      </h2>
      <p className="small muted">
        From <strong>{cart.storeName}</strong> ·{" "}
        <Link href={`/stores/${cart.storeId}`}>Edit cart</Link>
      </p>
      <ul className="summary-lines">
        {lines.map((l) => (
          <li key={l.bouquetId} className="summary-line">
            <img src={l.imageUrl} alt="" width={56} height={56} />
            <div>
              <div className="summary-line__name">{l.name}</div>
              <div className="small muted">
                {l.quantity} × <Money won={l.unitPriceWon} />
              </div>
              {l.problem && <p className="field__error">{l.problem}</p>}
            </div>
            <Money won={l.unitPriceWon * l.quantity} />
          </li>
        ))}
      </ul>
      <div className="summary-total">
        <span>
          Total <span className="small muted">({pluralize(count, "bouquet")})</span>
        </span>
        <strong>
          <Money won={totalWon} />
        </strong>
      </div>
      <p className="small muted" style={{ margin: "0.5rem 0 0" }}>
        Delivery included. Prices are confirmed when you pay.
      </p>
    </section>
  );
}
