"use client";
// The header's cart shortcut: hidden while the cart is empty, otherwise the count, to checkout.
import { ShoppingBag } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cartCount, useCart } from "~/lib/cart";

export function CartLink() {
  const t = useTranslations("header");
  const count = cartCount(useCart());
  if (count === 0) return null;
  return (
    <Link
      href="/checkout"
      className="relative grid size-10 place-items-center rounded-full text-ink no-underline hover:bg-surface-2 hover:text-ink"
      aria-label={t("cart", { count })}
    >
      <ShoppingBag aria-hidden="true" className="size-5" />
      <span aria-hidden="true" className="absolute -top-0.5 -right-0.5 grid h-5 min-w-5 place-items-center rounded-full bg-brand-600 px-1 text-xs font-bold text-white tabular-nums">
        {count}
      </span>
    </Link>
  );
}
