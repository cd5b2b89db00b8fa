"use client";
// A shop's page (F1): its details, the bouquet menu and the cart. The cart holds one shop's
// bouquets; adding from another shop asks before emptying it.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "~/components/alert";
import { Button, buttonClass } from "~/components/button";
import { CartPanel } from "~/components/cart-panel";
import { ConfirmDialog } from "~/components/confirm-dialog";
import { EmptyState } from "~/components/empty-state";
import { ClockIcon, PhoneIcon, PinIcon } from "~/components/icons";
import { useToast } from "~/components/toast";
import { addToCart, quantityInCart, replaceCart, useCart, type CartLine } from "~/lib/cart";
import { formatHour } from "~/lib/format";
import { isNotFound, readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { OpenBadge } from "../store-card";
import { BouquetCard, type MenuBouquet } from "./bouquet-card";

export function StoreMenu({ storeId }: { storeId: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const cart = useCart();
  const store = useQuery(trpc.catalog.store.queryOptions({ storeId }));
  const [pendingReplace, setPendingReplace] = useState<{ line: CartLine; from: string } | null>(null);

  if (store.isError) {
    if (isNotFound(store.error)) {
      return (
        <EmptyState
          headingLevel={1}
          title="This shop does not exist"
          action={
            <Link href="/stores" className={buttonClass("primary")}>
              See all shops
            </Link>
          }
        />
      );
    }
    return (
      <Alert title="We could not load this shop">
        <p>{readError(store.error).message}</p>
        <Button variant="secondary" size="sm" onClick={() => void store.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!store.data) {
    return (
      <div aria-busy="true" aria-label="Loading the shop">
        <div className="skeleton" style={{ minHeight: "10rem", marginBottom: "1.5rem" }} />
        <div className="grid">
          <div className="skeleton" style={{ minHeight: "20rem" }} />
          <div className="skeleton" style={{ minHeight: "20rem" }} />
        </div>
      </div>
    );
  }

  const s = store.data;
  const shop = { id: s.id, name: s.name };
  const stock = new Map(s.bouquets.map((b) => [b.id, b.stock]));

  function add(b: MenuBouquet, quantity: number) {
    const line: CartLine = { bouquetId: b.id, name: b.name, imageUrl: b.imageUrl, unitPriceWon: b.priceWon, quantity };
    const result = addToCart(shop, line);
    if (result.ok) toast.show(`Added ${quantity} × ${b.name} to your cart`);
    else setPendingReplace({ line, from: result.storeName });
  }

  return (
    <>
      <Link href="/stores" className="back-link">
        ← All shops
      </Link>
      <section className="store-hero" aria-labelledby="store-name">
        <img src={s.imageUrl} alt={`Shop front of ${s.name}`} width={400} height={200} />
        <div>
          <h1 id="store-name">{s.name}</h1>
          <p className="ko" lang="ko">
            {s.nameKo}
          </p>
          <p>{s.description}</p>
          <ul className="store-hero__facts">
            <li>
              <OpenBadge open={s.open} opensAt={s.opensAt} />
            </li>
            <li className="with-icon">
              <ClockIcon />
              Hours {formatHour(s.opensAt)}–{formatHour(s.closesAt)}
            </li>
            <li className="with-icon">
              <PinIcon />
              <span className="visually-hidden">Address: </span>
              {s.address}
            </li>
            <li className="with-icon">
              <PhoneIcon />
              <span className="visually-hidden">Phone: </span>
              <a href={`tel:${s.phone}`}>{s.phone}</a>
            </li>
          </ul>
          {!s.open && <p className="small muted" style={{ marginTop: "0.5rem" }}>You can order now for delivery when the shop is open.</p>}
        </div>
      </section>

      <div className="store-layout">
        <section aria-labelledby="menu-title">
          <h2 id="menu-title">Bouquets</h2>
          {s.bouquets.length === 0 ? (
            <EmptyState title="No bouquets on the menu yet">
              <p>Please check back soon.</p>
            </EmptyState>
          ) : (
            <ul className="grid" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {/* The server lists by price; sold-out bouquets go last so they never lead the menu. */}
              {[...s.bouquets].sort((a, b) => Number(a.stock <= 0) - Number(b.stock <= 0)).map((b) => (
                <li key={b.id} style={{ display: "grid" }}>
                  <BouquetCard
                    bouquet={b}
                    inCart={cart?.storeId === s.id ? quantityInCart(cart, b.id) : 0}
                    onAdd={(q) => add(b, q)}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <CartPanel cart={cart} stockOf={cart?.storeId === s.id ? (id) => stock.get(id) : undefined} />
      </div>

      <ConfirmDialog
        open={pendingReplace !== null}
        title="Start a new cart?"
        confirmLabel="Empty cart and add"
        cancelLabel="Keep my cart"
        onCancel={() => setPendingReplace(null)}
        onConfirm={() => {
          if (!pendingReplace) return;
          replaceCart(shop, pendingReplace.line);
          toast.show(`Started a new cart with ${pendingReplace.line.quantity} × ${pendingReplace.line.name}`);
          setPendingReplace(null);
        }}
      >
        <p>
          Your cart has bouquets from <strong>{pendingReplace?.from}</strong>. An order holds bouquets from one shop only, so adding{" "}
          {pendingReplace?.line.name} empties your current cart.
        </p>
      </ConfirmDialog>
    </>
  );
}
