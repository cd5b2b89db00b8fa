"use client";
// The header's cart shortcut: hidden while the cart is empty, otherwise "Cart (n)" to checkout.
import Link from "next/link";
import { cartCount, useCart } from "~/lib/cart";
import { CartIcon } from "./icons";

export function CartLink() {
  const count = cartCount(useCart());
  if (count === 0) return null;
  return (
    <Link href="/checkout" className="cart-link" aria-label={`Cart, ${count} ${count === 1 ? "bouquet" : "bouquets"}`}>
      <CartIcon />
      <span aria-hidden="true" className="cart-link__count">
        {count}
      </span>
    </Link>
  );
}
