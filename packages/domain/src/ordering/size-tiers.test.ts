// W4: sizes and add-ons priced from the catalog; the checkout schema and the idempotency
// fingerprint take them in, and leave every checkout without them exactly as before.
import { describe, expect, it } from "vitest";
import { placeOrderSchema } from "./checkout";
import { checkoutFingerprintText, isSameCheckout } from "./idempotency";
import { priceAddons, priceCart } from "./price-cart";
import { offeredTiers, tierPrice } from "./size-tiers";
import { tierOrderProblem } from "../store/bouquet-edit";
import { addonEditSchema } from "../store/addon-edit";
import { addDays } from "./delivery-date";
import { todayInSeoul } from "./checkout-rules";

const DAY = addDays(todayInSeoul(), 3);

const ROSES = { id: "a", storeId: "s1", name: "Roses", priceWon: 59000, stock: 3, active: true, deluxePriceWon: 79000, premiumPriceWon: null };
const addons = [
  { id: "v", storeId: "s1", name: "Vase", nameKo: "화병", priceWon: 15000, stock: 2, active: true },
  { id: "c", storeId: "s1", name: "Chocolates", nameKo: "초콜릿", priceWon: 12000, stock: 5, active: false },
  { id: "o", storeId: "s2", name: "Balloon", nameKo: "풍선", priceWon: 7000, stock: 5, active: true },
];

describe("[W4] sizes", () => {
  it("[W4] a size's price, or null when the shop does not offer it; standard first", () => {
    expect(tierPrice(ROSES, undefined)).toBe(59000);
    expect(tierPrice(ROSES, "DELUXE")).toBe(79000);
    expect(tierPrice(ROSES, "PREMIUM")).toBeNull();
    expect(offeredTiers(ROSES)).toEqual([{ tier: "STANDARD", priceWon: 59000 }, { tier: "DELUXE", priceWon: 79000 }]);
  });

  it("[W4] prices each size from the catalog; the sizes of one bouquet share its stock", () => {
    const r = priceCart("s1", [{ bouquetId: "a", quantity: 1, tier: "DELUXE" }, { bouquetId: "a", quantity: 1 }, { bouquetId: "a", quantity: 1, tier: "STANDARD" }], [ROSES]);
    expect(r).toEqual({ ok: true, totalWon: 79000 + 2 * 59000, lines: [{ bouquetId: "a", name: "Roses", unitPriceWon: 79000, quantity: 1, tier: "DELUXE" }, { bouquetId: "a", name: "Roses", unitPriceWon: 59000, quantity: 2 }] });
    expect(priceCart("s1", [{ bouquetId: "a", quantity: 2, tier: "DELUXE" }, { bouquetId: "a", quantity: 2 }], [ROSES])).toMatchObject({ ok: false, code: "OUT_OF_STOCK", message: "Only 3 of Roses left" });
    expect(priceCart("s1", [{ bouquetId: "a", quantity: 1, tier: "PREMIUM" }], [ROSES])).toMatchObject({ ok: false, code: "BOUQUET_UNAVAILABLE" });
  });

  it("[W4] the sizes go up in price", () => {
    expect(tierOrderProblem({ priceWon: 59000, deluxePriceWon: 79000, premiumPriceWon: 99000 })).toBeNull();
    expect(tierOrderProblem({ priceWon: 59000, deluxePriceWon: null, premiumPriceWon: 60000 })).toBeNull();
    expect(tierOrderProblem({ priceWon: 59000, deluxePriceWon: 59000 })).toMatch(/deluxe/);
    expect(tierOrderProblem({ priceWon: 59000, deluxePriceWon: 79000, premiumPriceWon: 79000 })).toMatch(/premium/);
    expect(tierOrderProblem({ priceWon: 59000, premiumPriceWon: 50000 })).toMatch(/premium/);
  });
});

describe("[W4] add-ons", () => {
  it("[W4] priced from the shop's add-ons, merged; unknown, retired, another shop's or short ones are refused", () => {
    expect(priceAddons("s1", [{ addonId: "v", quantity: 1 }, { addonId: "v", quantity: 1 }], addons)).toEqual({
      ok: true,
      totalWon: 30000,
      addons: [{ addonId: "v", name: "Vase", nameKo: "화병", unitPriceWon: 15000, quantity: 2 }],
    });
    expect(priceAddons("s1", [], addons)).toEqual({ ok: true, totalWon: 0, addons: [] });
    expect(priceAddons("s1", [{ addonId: "zz", quantity: 1 }], addons)).toMatchObject({ code: "ADDON_UNAVAILABLE" });
    expect(priceAddons("s1", [{ addonId: "c", quantity: 1 }], addons)).toMatchObject({ code: "ADDON_UNAVAILABLE" });
    expect(priceAddons("s1", [{ addonId: "o", quantity: 1 }], addons)).toMatchObject({ code: "ADDON_UNAVAILABLE" });
    expect(priceAddons("s1", [{ addonId: "v", quantity: 3 }], addons)).toMatchObject({ code: "OUT_OF_STOCK", message: "Only 2 of Vase left" });
  });

  it("[W4] the owner's add-on form: names in both languages, a price in whole won, stock ≥ 0", () => {
    const ok = { name: "Vase", nameKo: "화병", priceWon: 15000, stock: 3, active: true };
    expect(addonEditSchema.safeParse(ok).success).toBe(true);
    for (const bad of [{ name: "" }, { nameKo: "" }, { priceWon: 999 }, { priceWon: 1000.5 }, { stock: -1 }, { active: "yes" }]) {
      expect(addonEditSchema.safeParse({ ...ok, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("[W4] the checkout schema and the idempotency key", () => {
  const base = {
    storeId: "10000000-0000-4000-8000-000000000001",
    items: [{ bouquetId: "20000000-0000-4000-8000-000000000001", quantity: 1 }],
    delivery: { recipientName: "Soyeon", recipientPhone: "010-9876-5432", address: "88 Eulji-ro, Jung-gu", deliveryDate: DAY, timeSlot: "12-15" },
    card: { number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" },
    idempotencyKey: "00000000-0000-4000-8000-00000000abcd",
  };
  const vase = "30000000-0000-4000-8000-000000000001";

  it("[W4] merges add-ons, refuses unknown sizes and bad add-ons, strips client prices", () => {
    const parsed = placeOrderSchema.safeParse({
      ...base,
      items: [{ ...base.items[0], tier: "DELUXE", unitPriceWon: 1 }],
      addons: [{ addonId: vase, quantity: 1, priceWon: 1 }, { addonId: vase, quantity: 2 }],
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.items).toEqual([{ bouquetId: base.items[0]!.bouquetId, quantity: 1, tier: "DELUXE" }]);
    expect(parsed.data?.addons).toEqual([{ addonId: vase, quantity: 3 }]);
    expect(placeOrderSchema.safeParse({ ...base, items: [{ ...base.items[0], tier: "HUGE" }] }).success).toBe(false);
    expect(placeOrderSchema.safeParse({ ...base, addons: [{ addonId: "vase", quantity: 1 }] }).success).toBe(false);
    expect(placeOrderSchema.safeParse({ ...base, addons: [{ addonId: vase, quantity: 21 }] }).success).toBe(false);
    expect(placeOrderSchema.safeParse({ ...base, addons: [{ addonId: vase, quantity: 15 }, { addonId: vase, quantity: 15 }] }).success).toBe(false);
  });

  it("[W4] a checkout without sizes or add-ons fingerprints as before; sizes and add-ons change it", () => {
    const plain = placeOrderSchema.parse(base);
    // The text every checkout had before W4 (same fields, same order).
    expect(checkoutFingerprintText(plain, 59000)).toBe(
      JSON.stringify([base.storeId, [[base.items[0]!.bouquetId, 1]], "Soyeon", "010-9876-5432", "88 Eulji-ro, Jung-gu", DAY, "12-15", "", "", "4242", "12/30", 59000]),
    );
    const deluxe = placeOrderSchema.parse({ ...base, items: [{ ...base.items[0], tier: "DELUXE" }] });
    const withVase = placeOrderSchema.parse({ ...base, addons: [{ addonId: vase, quantity: 1 }] });
    const texts = new Set([plain, deluxe, withVase].map((i) => checkoutFingerprintText(i, 59000)));
    expect(texts.size).toBe(3);
    // A standard line sent as "STANDARD" is the same checkout as one without a size.
    expect(checkoutFingerprintText(placeOrderSchema.parse({ ...base, items: [{ ...base.items[0], tier: "STANDARD" }] }), 59000)).toBe(checkoutFingerprintText(plain, 59000));
    const order = { storeId: base.storeId, recipientName: "Soyeon", recipientPhone: "010-9876-5432", address: "88 Eulji-ro, Jung-gu", deliveryDate: DAY, timeSlot: "12-15", giftMessage: null, note: null, cardLast4: "4242" };
    expect(isSameCheckout({ ...order, lines: [{ bouquetId: base.items[0]!.bouquetId, quantity: 1, tier: "STANDARD" }] }, plain)).toBe(true);
    expect(isSameCheckout({ ...order, lines: [{ bouquetId: base.items[0]!.bouquetId, quantity: 1, tier: "STANDARD" }] }, deluxe)).toBe(false);
    expect(isSameCheckout({ ...order, lines: [{ bouquetId: base.items[0]!.bouquetId, quantity: 1 }], addons: [{ addonId: vase, quantity: 1 }] }, withVase)).toBe(true);
    expect(isSameCheckout({ ...order, lines: [{ bouquetId: base.items[0]!.bouquetId, quantity: 1 }], addons: [] }, withVase)).toBe(false);
  });
});
