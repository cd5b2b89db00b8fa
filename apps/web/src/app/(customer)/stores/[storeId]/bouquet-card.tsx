"use client";
// A bouquet on a shop's menu: picture, words, price, stock and an add-to-cart control.
import { MAX_QUANTITY } from "@bloom/domain";
import { useId, useState } from "react";
import { Button } from "~/components/button";
import { Money } from "~/components/money";
import { QuantityStepper } from "~/components/quantity-stepper";

const LOW_STOCK = 5;

export type MenuBouquet = {
  id: string;
  name: string;
  nameKo: string;
  description: string;
  priceWon: number;
  stock: number;
  imageUrl: string;
};

export function BouquetCard({ bouquet, inCart, onAdd }: { bouquet: MenuBouquet; inCart: number; onAdd: (quantity: number) => void }) {
  const [quantity, setQuantity] = useState(1);
  const nameId = useId();
  const stockId = useId();
  const soldOut = bouquet.stock <= 0;
  // What may still be added: the shop's stock and the per-line limit, less what is in the cart.
  const room = Math.max(0, Math.min(bouquet.stock, MAX_QUANTITY) - inCart);
  const q = Math.min(quantity, Math.max(1, room));

  return (
    <article className={["card", "bouquet-card", soldOut && "bouquet-card--soldout"].filter(Boolean).join(" ")} aria-labelledby={nameId}>
      <img src={bouquet.imageUrl} alt={`${bouquet.name} bouquet`} width={400} height={300} loading="lazy" />
      <div className="bouquet-card__body">
        <h3 id={nameId} className="bouquet-card__name">
          {bouquet.name}
        </h3>
        <p className="ko small" lang="ko" style={{ margin: 0 }}>
          {bouquet.nameKo}
        </p>
        <p className="bouquet-card__desc">{bouquet.description}</p>
        <div className="bouquet-card__price-row">
          <span className="bouquet-card__price">
            <Money won={bouquet.priceWon} />
          </span>
          <span id={stockId} className={["stock", soldOut ? "stock--out" : bouquet.stock < LOW_STOCK ? "stock--low" : ""].join(" ")}>
            {soldOut ? "Sold out" : bouquet.stock < LOW_STOCK ? `Only ${bouquet.stock} left` : inCart > 0 ? `${inCart} in your cart` : ""}
          </span>
        </div>
        {soldOut ? (
          <Button variant="secondary" block disabled aria-describedby={stockId}>
            Sold out
          </Button>
        ) : room === 0 ? (
          <Button variant="secondary" block disabled>
            {inCart} in your cart · limit reached
          </Button>
        ) : (
          <div className="bouquet-card__actions">
            <QuantityStepper label={bouquet.name} value={q} min={1} max={room} onChange={setQuantity} />
            <Button
              // Names which bouquet; starts with the visible words so voice control still matches.
              aria-label={`Add to cart: ${bouquet.name}`}
              onClick={() => {
                onAdd(q);
                setQuantity(1);
              }}
            >
              Add to cart
            </Button>
          </div>
        )}
      </div>
    </article>
  );
}
