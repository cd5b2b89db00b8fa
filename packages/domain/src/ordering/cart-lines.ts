// One line per bouquet and size: the rule pricing, idempotency and the checkout schema share (S4, M1).
import type { BouquetTier } from "./size-tiers";

/** `tier` absent = standard (carts and orders from before sizes have none). */
export type CartLine = { bouquetId: string; quantity: number; tier?: BouquetTier };

/** The key of a line: a bouquet in one size. */
export const lineKey = (l: { bouquetId: string; tier?: BouquetTier }) => (l.tier && l.tier !== "STANDARD" ? `${l.bouquetId}:${l.tier}` : l.bouquetId);

/**
 * Lines of the same bouquet and size become one with the summed quantity, in first-seen order.
 * Standard lines carry no tier, so a cart without sizes merges exactly as before W4.
 */
export function mergeCartLines(lines: readonly CartLine[]): CartLine[] {
  const merged = new Map<string, CartLine>();
  for (const l of lines) {
    const key = lineKey(l);
    const seen = merged.get(key);
    if (seen) seen.quantity += l.quantity;
    else merged.set(key, { bouquetId: l.bouquetId, quantity: l.quantity, ...(l.tier && l.tier !== "STANDARD" && { tier: l.tier }) });
  }
  return [...merged.values()];
}

/** W4: an add-on in the cart. */
export type AddonLine = { addonId: string; quantity: number };

/** Lines of the same add-on become one with the summed quantity, in first-seen order. */
export function mergeAddonLines(lines: readonly AddonLine[]): AddonLine[] {
  const quantities = new Map<string, number>();
  for (const l of lines) quantities.set(l.addonId, (quantities.get(l.addonId) ?? 0) + l.quantity);
  return [...quantities].map(([addonId, quantity]) => ({ addonId, quantity }));
}
