"use client";
// The cart beside the menu: sticky on wide screens, a bottom bar on phones that expands to show
// the lines. Totals are indicative: the server prices the order again from the catalog.
import { MAX_QUANTITY } from "@bloom/domain";
import Link from "next/link";
import { useId, useState } from "react";
import { cartCount, cartTotal, removeLine, setLineQuantity, type Cart } from "~/lib/cart";
import { pluralize } from "~/lib/format";
import { buttonClass } from "./button";
import { Money } from "./money";
import { QuantityStepper } from "./quantity-stepper";

export function CartPanel({ cart, stockOf }: { cart: Cart | null; stockOf?: (bouquetId: string) => number | undefined }) {
  const [expanded, setExpanded] = useState(false);
  const linesId = useId();
  const titleId = useId();
  const count = cartCount(cart);

  return (
    <aside
      className={["cart-panel", !cart && "cart-panel--empty-mobile"].filter(Boolean).join(" ")}
      data-expanded={expanded}
      aria-labelledby={titleId}
    >
      <div className="cart-panel__head">
        <div>
          <h2 id={titleId} className="cart-panel__title">
            Your cart
          </h2>
          {cart && <p className="cart-panel__store">from {cart.storeName}</p>}
        </div>
        {cart && (
          <button
            type="button"
            className={buttonClass("ghost", "sm", false, "cart-panel__toggle")}
            aria-expanded={expanded}
            aria-controls={linesId}
            onClick={() => setExpanded((v) => !v)}
          >
            {expanded ? "Hide items" : `Show ${pluralize(count, "item")}`}
          </button>
        )}
      </div>

      {!cart ? (
        <p className="cart-panel__empty">Your cart is empty. Add a bouquet to get started.</p>
      ) : (
        <>
          <ul id={linesId} className="cart-panel__lines">
            {cart.lines.map((l) => {
              const stock = stockOf?.(l.bouquetId);
              const max = Math.max(1, Math.min(MAX_QUANTITY, stock ?? MAX_QUANTITY));
              return (
                <li key={l.bouquetId} className="cart-line">
                  <span className="cart-line__name">{l.name}</span>
                  <Money won={l.unitPriceWon * l.quantity} />
                  <div className="cart-line__controls">
                    <QuantityStepper
                      size="sm"
                      label={l.name}
                      value={l.quantity}
                      min={1}
                      max={Math.max(max, l.quantity)}
                      onChange={(n) => setLineQuantity(l.bouquetId, n)}
                    />
                    <button type="button" className="link-button small" onClick={() => removeLine(l.bouquetId)}>
                      Remove<span className="visually-hidden"> {l.name}</span>
                    </button>
                  </div>
                  {stock !== undefined && l.quantity > stock && (
                    <p className="field__error" style={{ gridColumn: "1 / -1" }}>
                      {stock === 0 ? "Sold out — please remove it" : `Only ${stock} left — please lower the quantity`}
                    </p>
                  )}
                </li>
              );
            })}
          </ul>
          <div className="cart-panel__foot">
            <div className="cart-panel__total">
              <span>
                Total <span className="small muted">({pluralize(count, "bouquet")})</span>
              </span>
              <strong>
                <Money won={cartTotal(cart)} />
              </strong>
            </div>
            <Link href="/checkout" className={buttonClass("primary", "md")}>
              Checkout
            </Link>
          </div>
          <p className="cart-panel__note">Delivery is included. Prices are confirmed at checkout.</p>
        </>
      )}
    </aside>
  );
}
