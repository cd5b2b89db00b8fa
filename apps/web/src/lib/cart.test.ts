import { MAX_QUANTITY } from "@bloom/domain";
import { describe, expect, it } from "vitest";
import { parseCart } from "./cart";

const line = { bouquetId: "b1", name: "Tulip Party", nameKo: "튤립 파티", imageUrl: "/img/t.jpg", unitPriceWon: 29000, quantity: 2 };
const cart = { storeId: "s1", storeName: "Seoul Forest Florist", lines: [line] };

describe("[P1] the saved cart is checked without zod", () => {
  it("keeps a well-formed cart, dropping unknown fields", () => {
    expect(parseCart({ ...cart, extra: 1, lines: [{ ...line, junk: true }] })).toEqual(cart);
    const { nameKo: _, ...older } = line;
    expect(parseCart({ ...cart, lines: [older] })).toEqual({ ...cart, lines: [older] });
  });

  it.each([
    ["not an object", "cart"],
    ["null", null],
    ["no store id", { ...cart, storeId: undefined }],
    ["lines not a list", { ...cart, lines: {} }],
    ["a fractional quantity", { ...cart, lines: [{ ...line, quantity: 1.5 }] }],
    ["a zero quantity", { ...cart, lines: [{ ...line, quantity: 0 }] }],
    ["too many of one bouquet", { ...cart, lines: [{ ...line, quantity: MAX_QUANTITY + 1 }] }],
    ["a negative price", { ...cart, lines: [{ ...line, unitPriceWon: -1 }] }],
    ["a price as text", { ...cart, lines: [{ ...line, unitPriceWon: "29000" }] }],
    ["a Korean name that is not text", { ...cart, lines: [{ ...line, nameKo: 7 }] }],
  ])("refuses %s", (_what, saved) => {
    expect(parseCart(saved)).toBeNull();
  });
});
