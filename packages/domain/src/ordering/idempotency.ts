// An idempotency key names one checkout. A retry of the same checkout gets the order it placed; the
// same key sent with a different checkout is a client bug, refused rather than answered with an
// order the client did not ask for (as card processors' APIs do).
import { lineKey, mergeAddonLines, mergeCartLines, type AddonLine, type CartLine } from "./cart-lines";
import type { PlaceOrderInput } from "./checkout";

// A standard line's key is its bouquet id, so checkouts without sizes fingerprint as before W4.
const sortedQuantities = (lines: readonly CartLine[]) =>
  mergeCartLines(lines)
    .map((l): [string, number] => [lineKey(l), l.quantity])
    .sort(([a], [b]) => a.localeCompare(b));

const sortedAddons = (lines: readonly AddonLine[] | undefined) =>
  mergeAddonLines(lines ?? [])
    .map((l): [string, number] => [l.addonId, l.quantity])
    .sort(([a], [b]) => a.localeCompare(b));

/** What a stored order remembers of the checkout that placed it. */
export type PlacedCheckout = {
  storeId: string;
  lines: CartLine[];
  /** W4: the add-ons bought with it; absent = none. */
  addons?: AddonLine[];
  recipientName: string;
  recipientPhone: string;
  address: string;
  deliveryDate: string;
  timeSlot: string;
  giftMessage: string | null;
  note: string | null;
  cardLast4: string;
  /** X2: absent (false) for orders from before the option. */
  sendAnonymously?: boolean;
};

/** True when `input` is the checkout that placed `order` (a retry), false when it differs. */
export function isSameCheckout(order: PlacedCheckout, input: PlaceOrderInput): boolean {
  const quantities = (lines: readonly CartLine[]) => sortedQuantities(lines).join(";");
  const d = input.delivery;
  const digits = input.card.number.replace(/\D/g, "");
  return (
    order.storeId === input.storeId &&
    quantities(order.lines) === quantities(input.items) &&
    JSON.stringify(sortedAddons(order.addons)) === JSON.stringify(sortedAddons(input.addons)) &&
    order.recipientName === d.recipientName &&
    order.recipientPhone === d.recipientPhone &&
    order.address === d.address &&
    order.deliveryDate === d.deliveryDate &&
    order.timeSlot === d.timeSlot &&
    (order.giftMessage ?? "") === (d.giftMessage ?? "") &&
    (order.note ?? "") === (d.note ?? "") &&
    order.cardLast4 === digits.slice(-4) &&
    !!order.sendAnonymously === !!d.sendAnonymously
  );
}

/**
 * The canonical text of a priced checkout, hashed into the fingerprint an idempotency key is bound
 * to (M1): shop, merged item quantities, delivery, the card's last four digits and expiry (never
 * the full number), and the total the catalog priced. Equal for a retry, different for any change.
 */
export function checkoutFingerprintText(input: PlaceOrderInput, totalWon: number): string {
  const d = input.delivery;
  const digits = input.card.number.replace(/\D/g, "");
  return JSON.stringify([
    input.storeId,
    sortedQuantities(input.items),
    d.recipientName,
    d.recipientPhone,
    d.address,
    d.deliveryDate,
    d.timeSlot,
    d.giftMessage ?? "",
    d.note ?? "",
    digits.slice(-4),
    input.card.expiry,
    totalWon,
    // X2: only when chosen, so the fingerprint of every other checkout is what it was before.
    ...(d.sendAnonymously ? ["anonymous"] : []),
    // W4: only when the cart has add-ons, likewise.
    ...(input.addons?.length ? [["addons", sortedAddons(input.addons)]] : []),
  ]);
}
