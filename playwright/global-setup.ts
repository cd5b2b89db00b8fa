// Before the journeys: the demo menu's stock as seeded. Placing an order reserves its bouquets
// (M5), so the integration tests and earlier journeys that ran against this database leave some
// sold out; the journeys read the demo menu as seeded (one bouquet sold out, the rest in stock).
// The audit's baseline keeps counting the units still held by earlier orders.
import pg from "pg";
import { bouquetId, DEMO_STORES } from "../packages/db/src/seed-data";
import { addonId, DEMO_ADDONS, DEMO_TIERS } from "../packages/db/src/seed-addons";

export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the journeys through npm test (it sets up the test database)");
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (const [si, s] of DEMO_STORES.entries()) {
      for (const [bi, b] of s.bouquets.entries()) {
        await c.query(
          `UPDATE store_bouquets SET stock = $2, price_won = $3, active = true, updated_at = now(),
             stock_baseline = $2 + (SELECT COALESCE(sum(quantity), 0)::int FROM store_stock_reservations WHERE bouquet_id = $1 AND released_at IS NULL)
           WHERE id = $1`,
          [bouquetId(si, bi), b[4], b[3]],
        );
      }
    }
    // W4: the demo shops' sizes and add-ons as seeded (stock, prices, on sale), the baseline again counting what orders hold.
    for (const [si, s] of DEMO_STORES.entries()) {
      const tiers = new Map((DEMO_TIERS[si] ?? []).map(([bi, deluxe, premium]) => [bi, [deluxe, premium] as const]));
      for (const [bi] of s.bouquets.entries()) {
        const [deluxe, premium] = tiers.get(bi) ?? [null, null];
        await c.query(`UPDATE store_bouquets SET deluxe_price_won = $2, premium_price_won = $3 WHERE id = $1`, [bouquetId(si, bi), deluxe, premium]);
      }
      for (const [ai, [name, nameKo, priceWon, stock]] of (DEMO_ADDONS[si] ?? []).entries()) {
        await c.query(
          `UPDATE store_addons SET name = $2, name_ko = $3, price_won = $4, stock = $5, active = true, updated_at = now(),
             stock_baseline = $5 + (SELECT COALESCE(sum(quantity), 0)::int FROM store_addon_reservations WHERE addon_id = $1 AND released_at IS NULL)
           WHERE id = $1`,
          [addonId(si, ai), name, nameKo, priceWon, stock],
        );
      }
    }
  } finally {
    await c.end();
  }
}
