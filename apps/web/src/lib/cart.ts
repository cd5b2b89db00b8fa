"use client";
// The shopping cart: a tiny client store persisted to localStorage, shared by every tab.
// An order holds bouquets from one store only (the domain refuses MIXED_STORES), so the cart does
// too: adding from another store is refused here and the page asks before replacing the cart.
// Prices in the cart are indicative; the server reprices every order from the catalog.
import { MAX_QUANTITY } from "@bloom/domain";
import { useSyncExternalStore } from "react";

const STORAGE_KEY = "bloom.cart.v1";

/** W4: the sizes above standard (a line without `tier` is standard, as every cart saved before sizes). */
export type CartTier = "DELUXE" | "PREMIUM";
const CART_TIERS: readonly string[] = ["DELUXE", "PREMIUM"];

/** One line of the cart as saved: display copies of the catalog (the server reprices every order). */
export type CartLine = {
  bouquetId: string;
  name: string;
  /** Optional: carts saved before the Korean UI have none. */
  nameKo?: string;
  imageUrl: string;
  unitPriceWon: number;
  quantity: number;
  /** W4: the size; absent = standard. A bouquet may be in the cart in several sizes (one line each). */
  tier?: CartTier;
};
/** W4: an add-on of the cart's shop (vase, chocolates…): display copies, repriced by the server. */
export type CartAddon = { addonId: string; name: string; nameKo: string; unitPriceWon: number; quantity: number };
export type Cart = { storeId: string; storeName: string; storeNameKo?: string; lines: CartLine[]; addons?: CartAddon[] };

/** A line's identity: the bouquet in one size. */
export const cartLineKey = (l: { bouquetId: string; tier?: CartTier }) => (l.tier ? `${l.bouquetId}:${l.tier}` : l.bouquetId);

// Checked by hand rather than with zod: this module runs on every page (the header's cart count),
// and zod's core alone was 28 KiB gzip of every page's JavaScript (P1). What is checked is the
// same: the shape, whole non-negative prices and quantities within 1..MAX_QUANTITY.
const isText = (v: unknown): v is string => typeof v === "string";
const isOptionalText = (v: unknown) => v === undefined || isText(v);
const isWhole = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function isCartLine(v: unknown): v is CartLine {
  if (typeof v !== "object" || v === null) return false;
  const l = v as Record<string, unknown>;
  return (
    isText(l.bouquetId) &&
    isText(l.name) &&
    isOptionalText(l.nameKo) &&
    isText(l.imageUrl) &&
    isWhole(l.unitPriceWon) &&
    l.unitPriceWon >= 0 &&
    isWhole(l.quantity) &&
    l.quantity >= 1 &&
    l.quantity <= MAX_QUANTITY &&
    (l.tier === undefined || (isText(l.tier) && CART_TIERS.includes(l.tier)))
  );
}

function isCartAddon(v: unknown): v is CartAddon {
  if (typeof v !== "object" || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    isText(a.addonId) &&
    isText(a.name) &&
    isText(a.nameKo) &&
    isWhole(a.unitPriceWon) &&
    a.unitPriceWon >= 0 &&
    isWhole(a.quantity) &&
    a.quantity >= 1 &&
    a.quantity <= MAX_QUANTITY
  );
}

/** A saved cart, or null when it is not one (saved by an older version, or edited by hand). */
export function parseCart(v: unknown): Cart | null {
  if (typeof v !== "object" || v === null) return null;
  const c = v as Record<string, unknown>;
  if (!isText(c.storeId) || !isText(c.storeName) || !isOptionalText(c.storeNameKo) || !Array.isArray(c.lines)) return null;
  if (!c.lines.every(isCartLine)) return null;
  if (c.addons !== undefined && (!Array.isArray(c.addons) || !c.addons.every(isCartAddon))) return null;
  const lines = c.lines.map((l: CartLine) => ({
    bouquetId: l.bouquetId,
    name: l.name,
    ...(l.nameKo !== undefined && { nameKo: l.nameKo }),
    imageUrl: l.imageUrl,
    unitPriceWon: l.unitPriceWon,
    quantity: l.quantity,
    ...(l.tier !== undefined && { tier: l.tier }),
  }));
  const addons = ((c.addons ?? []) as CartAddon[]).map((a) => ({ addonId: a.addonId, name: a.name, nameKo: a.nameKo, unitPriceWon: a.unitPriceWon, quantity: a.quantity }));
  return {
    storeId: c.storeId,
    storeName: c.storeName,
    ...(c.storeNameKo !== undefined && { storeNameKo: c.storeNameKo }),
    lines,
    ...(addons.length > 0 && { addons }),
  };
}

export type CartStore = { id: string; name: string; nameKo?: string };

let current: Cart | null = null;
let loaded = false;
const listeners = new Set<() => void>();

function read(): Cart | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const cart = parseCart(JSON.parse(raw));
    // A cart saved by an older version, or edited by hand, is dropped rather than trusted.
    return cart && cart.lines.length > 0 ? cart : null;
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

/** Bouquets and add-ons (W4), at the cart's copies of their prices. */
export function cartTotal(cart: Cart | null): number {
  if (!cart) return 0;
  return cart.lines.reduce((sum, l) => sum + l.unitPriceWon * l.quantity, 0) + (cart.addons ?? []).reduce((sum, a) => sum + a.unitPriceWon * a.quantity, 0);
}

/** Units of a bouquet in the cart, every size together (sizes share the bouquet's stock). */
export function quantityInCart(cart: Cart | null, bouquetId: string): number {
  return cart?.lines.filter((l) => l.bouquetId === bouquetId).reduce((n, l) => n + l.quantity, 0) ?? 0;
}

export function addonQuantityInCart(cart: Cart | null, addonId: string): number {
  return cart?.addons?.find((a) => a.addonId === addonId)?.quantity ?? 0;
}

export type AddResult = { ok: true; quantity: number } | { ok: false; reason: "OTHER_STORE"; store: { name: string; nameKo?: string } };

/** Adds to the cart, merging with an existing line; refuses a bouquet from another store. */
export function addToCart(store: CartStore, line: CartLine): AddResult {
  const cart = getSnapshot();
  if (cart && cart.storeId !== store.id) return { ok: false, reason: "OTHER_STORE", store: { name: cart.storeName, nameKo: cart.storeNameKo } };
  const lines = cart?.lines ?? [];
  const key = cartLineKey(line);
  const existing = lines.find((l) => cartLineKey(l) === key);
  const quantity = Math.min(MAX_QUANTITY, (existing?.quantity ?? 0) + line.quantity);
  const next: CartLine = { ...line, quantity };
  write({
    storeId: store.id,
    storeName: store.name,
    storeNameKo: store.nameKo,
    lines: existing ? lines.map((l) => (cartLineKey(l) === key ? next : l)) : [...lines, next],
    ...(cart?.addons && { addons: cart.addons }),
  });
  return { ok: true, quantity };
}

/** Empties the cart and starts a new one at this store with this line. */
export function replaceCart(store: CartStore, line: CartLine): void {
  write({ storeId: store.id, storeName: store.name, storeNameKo: store.nameKo, lines: [{ ...line, quantity: Math.min(MAX_QUANTITY, line.quantity) }] });
}

/** Sets a line's quantity (the standard size unless `tier` is given); below 1 removes it. */
export function setLineQuantity(bouquetId: string, quantity: number, tier?: CartTier): void {
  const cart = getSnapshot();
  if (!cart) return;
  const q = Math.min(MAX_QUANTITY, Math.floor(quantity));
  const key = cartLineKey({ bouquetId, tier });
  write({
    ...cart,
    lines: q < 1 ? cart.lines.filter((l) => cartLineKey(l) !== key) : cart.lines.map((l) => (cartLineKey(l) === key ? { ...l, quantity: q } : l)),
  });
}

export function removeLine(bouquetId: string, tier?: CartTier): void {
  setLineQuantity(bouquetId, 0, tier);
}

/**
 * W4: sets an add-on's quantity in the cart (0 removes it). Add-ons go with the cart's bouquets:
 * only a cart of the same shop takes them (false otherwise).
 */
export function setAddonQuantity(storeId: string, addon: Omit<CartAddon, "quantity">, quantity: number): boolean {
  const cart = getSnapshot();
  if (!cart || cart.storeId !== storeId) return false;
  const q = Math.max(0, Math.min(MAX_QUANTITY, Math.floor(quantity)));
  const others = (cart.addons ?? []).filter((a) => a.addonId !== addon.addonId);
  const present = (cart.addons ?? []).some((a) => a.addonId === addon.addonId);
  const addons =
    q < 1 ? others : present ? (cart.addons ?? []).map((a) => (a.addonId === addon.addonId ? { ...addon, quantity: q } : a)) : [...others, { ...addon, quantity: q }];
  const { addons: _old, ...rest } = cart;
  write({ ...rest, ...(addons.length > 0 && { addons }) });
  return true;
}

export function clearCart(): void {
  write(null);
}
