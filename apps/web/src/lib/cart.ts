"use client";
// The shopping cart: a tiny client store persisted to localStorage, shared by every tab.
// An order holds bouquets from one store only (the domain refuses MIXED_STORES), so the cart does
// too: adding from another store is refused here and the page asks before replacing the cart.
// Prices in the cart are indicative; the server reprices every order from the catalog.
import { MAX_QUANTITY } from "@bloom/domain";
import { useSyncExternalStore } from "react";
import { z } from "zod";

const STORAGE_KEY = "bloom.cart.v1";

const cartLineSchema = z.object({
  bouquetId: z.string(),
  name: z.string(),
  /** Optional: carts saved before the Korean UI have none. */
  nameKo: z.string().optional(),
  imageUrl: z.string(),
  unitPriceWon: z.number().int().nonnegative(),
  quantity: z.number().int().min(1).max(MAX_QUANTITY),
});
const cartSchema = z.object({
  storeId: z.string(),
  storeName: z.string(),
  storeNameKo: z.string().optional(),
  lines: z.array(cartLineSchema),
});

export type CartLine = z.infer<typeof cartLineSchema>;
export type Cart = z.infer<typeof cartSchema>;
export type CartStore = { id: string; name: string; nameKo?: string };

let current: Cart | null = null;
let loaded = false;
const listeners = new Set<() => void>();

function read(): Cart | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = cartSchema.safeParse(JSON.parse(raw));
    // A cart saved by an older version, or edited by hand, is dropped rather than trusted.
    return parsed.success && parsed.data.lines.length > 0 ? parsed.data : null;
  } catch {
    return null;
  }
}

function ensureLoaded() {
  if (loaded || typeof window === "undefined") return;
  loaded = true;
  current = read();
  window.addEventListener("storage", (e) => {
    if (e.key !== STORAGE_KEY) return;
    current = read();
    emit();
  });
}

function emit() {
  for (const l of listeners) l();
}

function write(next: Cart | null) {
  current = next && next.lines.length > 0 ? next : null;
  try {
    if (current) window.localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or a full quota: the cart still works for this page view.
  }
  emit();
}

function subscribe(listener: () => void) {
  ensureLoaded();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getSnapshot(): Cart | null {
  ensureLoaded();
  return current;
}

// The server has no cart: it renders the empty state and the browser fills it in after hydration.
const getServerSnapshot = () => null;

export function useCart(): Cart | null {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

export function cartCount(cart: Cart | null): number {
  return cart?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
}

export function cartTotal(cart: Cart | null): number {
  return cart?.lines.reduce((sum, l) => sum + l.unitPriceWon * l.quantity, 0) ?? 0;
}

export function quantityInCart(cart: Cart | null, bouquetId: string): number {
  return cart?.lines.find((l) => l.bouquetId === bouquetId)?.quantity ?? 0;
}

export type AddResult = { ok: true; quantity: number } | { ok: false; reason: "OTHER_STORE"; store: { name: string; nameKo?: string } };

/** Adds to the cart, merging with an existing line; refuses a bouquet from another store. */
export function addToCart(store: CartStore, line: CartLine): AddResult {
  const cart = getSnapshot();
  if (cart && cart.storeId !== store.id) return { ok: false, reason: "OTHER_STORE", store: { name: cart.storeName, nameKo: cart.storeNameKo } };
  const lines = cart?.lines ?? [];
  const existing = lines.find((l) => l.bouquetId === line.bouquetId);
  const quantity = Math.min(MAX_QUANTITY, (existing?.quantity ?? 0) + line.quantity);
  const next: CartLine = { ...line, quantity };
  write({
    storeId: store.id,
    storeName: store.name,
    storeNameKo: store.nameKo,
    lines: existing ? lines.map((l) => (l.bouquetId === line.bouquetId ? next : l)) : [...lines, next],
  });
  return { ok: true, quantity };
}

/** Empties the cart and starts a new one at this store with this line. */
export function replaceCart(store: CartStore, line: CartLine): void {
  write({ storeId: store.id, storeName: store.name, storeNameKo: store.nameKo, lines: [{ ...line, quantity: Math.min(MAX_QUANTITY, line.quantity) }] });
}

export function setLineQuantity(bouquetId: string, quantity: number): void {
  const cart = getSnapshot();
  if (!cart) return;
  const q = Math.min(MAX_QUANTITY, Math.floor(quantity));
  write({
    ...cart,
    lines: q < 1 ? cart.lines.filter((l) => l.bouquetId !== bouquetId) : cart.lines.map((l) => (l.bouquetId === bouquetId ? { ...l, quantity: q } : l)),
  });
}

export function removeLine(bouquetId: string): void {
  setLineQuantity(bouquetId, 0);
}

export function clearCart(): void {
  write(null);
}
