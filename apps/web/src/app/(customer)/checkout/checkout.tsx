"use client";
// Checkout (F1, F2): the cart's summary beside the delivery and payment form. Visitors are asked
// to sign in (the cart waits on this device); staff accounts are told checkout is for customers.
import type { Role } from "@bloom/domain";
import Link from "next/link";
import { useState } from "react";
import { Alert } from "~/components/alert";
import { buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import { SignOutButton } from "~/components/sign-out-button";
import { useCart } from "~/lib/cart";
import { useHydrated } from "~/lib/use-hydrated";
import { CheckoutForm } from "./checkout-form";
import { OrderSummary, useSummaryLines } from "./order-summary";

export type Viewer = { name: string; role: Role } | null;

export function Checkout({ viewer }: { viewer: Viewer }) {
  const hydrated = useHydrated();
  const cart = useCart();
  const summary = useSummaryLines(cart);
  // Set once the order exists: the cart is already empty while we navigate to the order page.
  const [placed, setPlaced] = useState(false);

  if (!hydrated) {
    return <div className="skeleton" style={{ minHeight: "24rem" }} aria-busy="true" aria-label="Loading checkout" />;
  }
  if (placed) {
    return (
      <Alert tone="success" title="Order placed">
        <p>Thank you! Opening your order…</p>
      </Alert>
    );
  }
  if (viewer && viewer.role !== "CUSTOMER") {
    return (
      <EmptyState headingLevel={1} title="Checkout is for customer accounts" action={<SignOutButton />}>
        <p>You are signed in as {viewer.name}. Sign out, then sign in with a customer account to order flowers.</p>
      </EmptyState>
    );
  }
  if (!cart) {
    return (
      <EmptyState
        headingLevel={1}
        title="Your cart is empty"
        action={
          <Link href="/stores" className={buttonClass("primary")}>
            Browse shops
          </Link>
        }
      >
        <p>Pick a shop, add a bouquet or two, and come back here to send them.</p>
        {viewer && (
          <p>
            Looking for an order you placed? See <Link href="/orders">My orders</Link>.
          </p>
        )}
      </EmptyState>
    );
  }

  return (
    <>
      <div className="page-head">
        <h1>Checkout</h1>
      </div>
      <div className="checkout">
        <OrderSummary cart={cart} lines={summary.lines} totalWon={summary.totalWon} />
        {viewer ? (
          <CheckoutForm cart={cart} totalWon={summary.totalWon} cartHasProblem={summary.hasProblem} onPlaced={() => setPlaced(true)} />
        ) : (
          <section className="panel" aria-labelledby="signin-needed">
            <h2 id="signin-needed" className="panel__title">
              Sign in to check out
            </h2>
            <p className="muted">Your cart is saved on this device. Sign in or create an account to choose the delivery and pay.</p>
            <div style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem" }}>
              <Link href="/signin?callbackUrl=/checkout" className={buttonClass("primary")}>
                Sign in to check out
              </Link>
              <Link href="/signup?callbackUrl=/checkout" className={buttonClass("secondary")}>
                Create an account
              </Link>
            </div>
          </section>
        )}
      </div>
    </>
  );
}
