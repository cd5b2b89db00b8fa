// Before the journeys: the demo menu's stock as seeded. Placing an order reserves its bouquets
// (M5), so the integration tests and earlier journeys that ran against this database leave some
// sold out; the journeys read the demo menu as seeded (one bouquet sold out, the rest in stock).
// The audit's baseline keeps counting the units still held by earlier orders.
import pg from "pg";
import { bouquetId, DEMO_STORES } from "../packages/db/src/seed-data";

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
  } finally {
    await c.end();
  }
}
