// W4: the saved cart keeps sizes and add-ons, checked by hand (no zod on the first page load).
import { describe, expect, it } from "vitest";
import { cartLineKey, cartTotal, parseCart, quantityInCart } from "./cart";

const line = { bouquetId: "b1", name: "Tulip Party", nameKo: "튤립 파티", imageUrl: "/img/t.jpg", unitPriceWon: 29000, quantity: 2 };
const deluxe = { ...line, unitPriceWon: 39000, quantity: 1, tier: "DELUXE" as const };
const vase = { addonId: "a1", name: "Glass vase", nameKo: "유리 화병", unitPriceWon: 15000, quantity: 1 };
const cart = { storeId: "s1", storeName: "Hongdae Petal Studio", lines: [line, deluxe], addons: [vase] };

describe("[W4] a cart with sizes and add-ons", () => {
  it("[W4] keeps sizes and add-ons, dropping unknown fields; an older cart has neither", () => {
    expect(parseCart({ ...cart, addons: [{ ...vase, junk: 1 }] })).toEqual(cart);
    const { addons: _, ...older } = cart;
    expect(parseCart({ ...older, lines: [line] })).toEqual({ ...older, lines: [line] });
  });

  it("[W4] lines are a bouquet in one size; units of a bouquet count every size; the total has the add-ons", () => {
    expect(cartLineKey(line)).not.toBe(cartLineKey(deluxe));
    expect(quantityInCart(cart, "b1")).toBe(3);
    expect(cartTotal(cart)).toBe(2 * 29000 + 39000 + 15000);
  });

  it.each([
    ["an unknown size", { ...cart, lines: [{ ...line, tier: "HUGE" }] }],
    ["a size that is not text", { ...cart, lines: [{ ...line, tier: 2 }] }],
    ["add-ons not a list", { ...cart, addons: {} }],
    ["an add-on without a Korean name", { ...cart, addons: [{ ...vase, nameKo: undefined }] }],
    ["an add-on of zero", { ...cart, addons: [{ ...vase, quantity: 0 }] }],
    ["an add-on with a negative price", { ...cart, addons: [{ ...vase, unitPriceWon: -5 }] }],
  ])("[W4] refuses %s", (_what, saved) => {
    expect(parseCart(saved)).toBeNull();
  });
});
