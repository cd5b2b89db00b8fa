// W4: a bouquet's sizes. Every size is the same bouquet from the same stock (a florist keeps one
// stock of a bouquet; a deluxe is more of the same flowers): a tier differs only in price.
// Standard is the bouquet's price; deluxe and premium are offered when the shop priced them.
export const BOUQUET_TIERS = ["STANDARD", "DELUXE", "PREMIUM"] as const;
export type BouquetTier = (typeof BOUQUET_TIERS)[number];
/** The sizes above standard, which a shop may or may not offer. */
export const UPGRADE_TIERS = ["DELUXE", "PREMIUM"] as const satisfies readonly BouquetTier[];

export type TierPrices = { priceWon: number; deluxePriceWon?: number | null; premiumPriceWon?: number | null };

/** The price of a size, or null when the shop does not offer it. */
export function tierPrice(b: TierPrices, tier: BouquetTier | undefined): number | null {
  if (!tier || tier === "STANDARD") return b.priceWon;
  const price = tier === "DELUXE" ? b.deluxePriceWon : b.premiumPriceWon;
  return price ?? null;
}

/** The sizes a bouquet is offered in, standard first, with their prices. */
export function offeredTiers(b: TierPrices): { tier: BouquetTier; priceWon: number }[] {
  return BOUQUET_TIERS.flatMap((tier) => {
    const priceWon = tierPrice(b, tier);
    return priceWon === null ? [] : [{ tier, priceWon }];
  });
}
