// The inventory port (M5): how other contexts take and give back a store's stock without touching
// its tables. Place-order reserves at placement, before any charge; a rejection, a cancellation
// before arranging, or an attempt that never became an order gives back exactly what was reserved,
// once (the reservation row's `released_at` decides, whoever calls). Reserving and releasing are
// SQL functions of the store context's migration (store_reserve_stock / store_release_stock), so
// each is one atomic statement.
import { sqlOf, type Db, type Tx } from "@bloom/db";

type Line = { bouquetId: string; quantity: number };
type Queryable = { query: (q: { name?: string; text: string; values?: unknown[] }) => Promise<{ rows: unknown[] }> };

const linesJson = (lines: Line[]) => JSON.stringify(lines.map((l) => ({ bouquet_id: l.bouquetId, quantity: l.quantity })));

type AddonLine = { addonId: string; quantity: number };
const addonsJson = (lines: AddonLine[]) => JSON.stringify(lines.map((l) => ({ addon_id: l.addonId, quantity: l.quantity })));

/**
 * Reserves every line or none, bouquets and add-ons (W4) alike. `{ ok: false, bouquetId }` names
 * the bouquet that ran out, `{ ok: false, addonId }` the add-on. With add-ons both functions run in
 * one statement, so an add-on that ran out takes back the bouquets reserved a moment before.
 * Sizes (W4) share the bouquet's stock: lines of one bouquet in several sizes are summed by the function.
 */
export async function reserveStock(
  sql: Queryable,
  orderId: string,
  lines: Line[],
  addons: AddonLine[] = [],
): Promise<{ ok: true } | { ok: false; bouquetId: string; addonId?: undefined } | { ok: false; addonId: string; bouquetId?: undefined }> {
  try {
    if (addons.length === 0) {
      await sql.query({ name: "stock-reserve", text: "SELECT store_reserve_stock($1::uuid, $2::jsonb)", values: [orderId, linesJson(lines)] });
    } else {
      await sql.query({
        name: "stock-reserve-with-addons",
        text: "SELECT store_reserve_stock($1::uuid, $2::jsonb), store_reserve_addons($1::uuid, $3::jsonb)",
        values: [orderId, linesJson(lines), addonsJson(addons)],
      });
    }
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; hint?: string; detail?: string };
    if (err.code === "P0001" && err.hint === "bloom:sold-out") return { ok: false, bouquetId: err.detail ?? "" };
    if (err.code === "P0001" && err.hint === "bloom:addon-sold-out") return { ok: false, addonId: err.detail ?? "" };
    throw e;
  }
}

/** Gives back what the order reserved (bouquets and add-ons) and has not given back yet; returns the units given back. */
export async function releaseStock(sql: Queryable, orderId: string): Promise<number> {
  const { rows } = await sql.query({ name: "stock-release", text: "SELECT store_release_stock($1::uuid) AS n", values: [orderId] });
  return (rows[0] as { n: number } | undefined)?.n ?? 0;
}

/** releaseStock inside a Prisma interactive transaction. */
export async function releaseStockTx(tx: Tx, orderId: string): Promise<number> {
  const rows = await tx.$queryRaw<{ n: number }[]>`SELECT store_release_stock(${orderId}::uuid) AS n`;
  return rows[0]?.n ?? 0;
}

/**
 * The owner sets the units for sale. The baseline moves with it: baseline = for sale + every unit
 * orders hold or were sold, so the audit keeps balancing. The bouquet is locked first, so a
 * reservation committing meanwhile is counted in the held sum the next statement reads.
 */
export async function setStock(tx: Tx, bouquetId: string, stock: number) {
  await tx.$executeRaw`SELECT 1 FROM store_bouquets WHERE id = ${bouquetId}::uuid FOR UPDATE`;
  await tx.$executeRaw`
    UPDATE store_bouquets SET stock = ${stock}, updated_at = now(),
      stock_baseline = ${stock} + (SELECT COALESCE(sum(quantity), 0)::int FROM store_stock_reservations
                                   WHERE bouquet_id = ${bouquetId}::uuid AND released_at IS NULL)
    WHERE id = ${bouquetId}::uuid`;
}

/** W4: an add-on's units for sale, set by the owner; the baseline moves with them as a bouquet's does. */
export async function setAddonStock(tx: Tx, addonId: string, stock: number) {
  await tx.$executeRaw`SELECT 1 FROM store_addons WHERE id = ${addonId}::uuid FOR UPDATE`;
  await tx.$executeRaw`
    UPDATE store_addons SET stock = ${stock}, updated_at = now(),
      stock_baseline = ${stock} + (SELECT COALESCE(sum(quantity), 0)::int FROM store_addon_reservations
                                   WHERE addon_id = ${addonId}::uuid AND released_at IS NULL)
    WHERE id = ${addonId}::uuid`;
}

/** `kind` (W4): a bouquet's row has `bouquetId` = the bouquet, an add-on's the add-on's id. */
export type StockAuditRow = { bouquetId: string; stock: number; held: number; baseline: number; kind: "BOUQUET" | "ADDON" };

/**
 * Bouquets whose stock does not balance (M5): for sale + held/sold by orders must equal what the
 * owner stocked, and nothing is negative. An empty answer is a clean audit.
 */
export async function stockAudit(db: Db): Promise<StockAuditRow[]> {
  const { rows } = await sqlOf(db).query<StockAuditRow>(`
    SELECT b.id AS "bouquetId", b.stock, COALESCE(r.held, 0)::int AS held, b.stock_baseline AS baseline, 'BOUQUET' AS kind
    FROM store_bouquets b
    LEFT JOIN (SELECT bouquet_id, sum(quantity) AS held FROM store_stock_reservations WHERE released_at IS NULL GROUP BY bouquet_id) r
      ON r.bouquet_id = b.id
    WHERE b.stock < 0 OR b.stock + COALESCE(r.held, 0) <> b.stock_baseline
    UNION ALL
    SELECT a.id, a.stock, COALESCE(r.held, 0)::int, a.stock_baseline, 'ADDON'
    FROM store_addons a
    LEFT JOIN (SELECT addon_id, sum(quantity) AS held FROM store_addon_reservations WHERE released_at IS NULL GROUP BY addon_id) r
      ON r.addon_id = a.id
    WHERE a.stock < 0 OR a.stock + COALESCE(r.held, 0) <> a.stock_baseline`);
  return rows;
}
