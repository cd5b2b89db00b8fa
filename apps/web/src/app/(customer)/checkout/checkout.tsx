"use client";
// Checkout (F1, F2): the cart's summary beside the delivery and payment form. Visitors are asked
// to sign in (the cart waits on this device); staff accounts are told checkout is for customers.
import type { Role } from "@bloom/domain";
import { ShoppingBag } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SignOutButton } from "~/components/sign-out-button";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { useCart } from "~/lib/cart";
import { useHydrated } from "~/lib/use-hydrated";
import { CheckoutForm } from "./checkout-form";
import { OrderSummary, useSummaryLines } from "./order-summary";

export type Viewer = { name: string; role: Role } | null;

export function Checkout({ viewer }: { viewer: Viewer }) {
  const t = useTranslations("checkout");
  const hydrated = useHydrated();
  const cart = useCart();
  const summary = useSummaryLines(cart);
  // Set once the order exists: the cart is already empty while we navigate to the order page.
  const [placed, setPlaced] = useState(false);
  // D1: the delivery fee the form priced from the address (null until an address is priced).
  const [deliveryFeeWon, setDeliveryFeeWon] = useState<number | null>(null);

  if (!hydrated) {
    return (
      <Loading label={t("loading")} className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <Skeleton className="h-[36rem]" />
        <Skeleton className="hidden h-72 lg:block" />
      </Loading>
    );
  }
  if (placed) {
    return (
      <Alert tone="success" title={t("placedTitle")}>
        <p>{t("placedBody")}</p>
      </Alert>
    );
  }
  if (viewer && viewer.role !== "CUSTOMER") {
    return (
      <EmptyState headingLevel={1} title={t("staffTitle")} action={<SignOutButton variant="primary" />}>
        <p>{t("staffBody", { name: viewer.name })}</p>
      </EmptyState>
    );
  }
  if (!cart) {
    return (
      <EmptyState
        headingLevel={1}
        icon={<ShoppingBag />}
        title={t("emptyTitle")}
        action={
          <Button asChild>
            <Link href="/stores">{t("browse")}</Link>
          </Button>
        }
      >
        <p>{t("emptyBody")}</p>
        {viewer && <p>{t.rich("emptyOrders", { link: (chunks) => <Link href="/orders">{chunks}</Link> })}</p>}
      </EmptyState>
    );
  }

  return (
    <>
      <h1 className="mt-0 mb-3 text-xl font-extrabold tracking-tight sm:mb-4 sm:text-3xl">{t("title")}</h1>
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-6">
        <div className="lg:order-2 lg:sticky lg:top-24">
          <OrderSummary cart={cart} lines={summary.lines} addons={summary.addons} totalWon={summary.totalWon} deliveryFeeWon={deliveryFeeWon} />
        </div>
        {viewer ? (
          <CheckoutForm cart={cart} totalWon={summary.totalWon} cartHasProblem={summary.hasProblem} onPlaced={() => setPlaced(true)} onDeliveryFee={setDeliveryFeeWon} />
        ) : (
          <section className="rounded-3xl border border-line bg-surface p-5 shadow-card" aria-labelledby="signin-needed">
            <h2 id="signin-needed" className="mt-0 mb-1 text-lg font-bold">
              {t("signInTitle")}
            </h2>
            <p className="mt-0 mb-4 text-muted">{t("signInBody")}</p>
            <div className="flex flex-wrap gap-2">
              <Button asChild>
                <Link href="/signin?callbackUrl=/checkout">{t("signInCta")}</Link>
              </Button>
              <Button variant="secondary" asChild>
                <Link href="/signup?callbackUrl=/checkout">{t("signUpCta")}</Link>
              </Button>
            </div>
          </section>
        )}
      </div>
    </>
  );
}
