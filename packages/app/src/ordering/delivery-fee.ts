// Prices an order's delivery from the shop's zones (D1): the checkout's live quote and placeOrder
// use this one function, so the fee the customer sees is the fee they are charged.
import { sqlOf, type Db } from "@bloom/db";
import {
  cityNear,
  deliveryZonesSchema,
  type DeliveryQuote,
  type DeliveryRefusal,
  type Geocoder,
  quoteDelivery,
  refuse,
  tableGeocoder,
} from "@bloom/domain";
import { z } from "zod";

/** The store_stores columns pricing needs. */
export type ZoneColumns = { lat: number | null; lng: number | null; deliveryZones: unknown };

export async function priceDelivery(
  shop: ZoneColumns,
  address: string,
  subtotalWon: number,
  geocoder: Geocoder = tableGeocoder,
): Promise<DeliveryQuote | DeliveryRefusal> {
  const location = shop.lat !== null && shop.lng !== null ? { lat: shop.lat, lng: shop.lng } : null;
  // Zones were validated when saved; a row that no longer parses is a bug, not the customer's fault.
  const zones = deliveryZonesSchema.parse(shop.deliveryZones);
  const at = await geocoder.locate(address, location ? cityNear(location) : undefined);
  return quoteDelivery({ location, zones }, address, at, subtotalWon);
}

export const deliveryQuoteSchema = z.object({
  storeId: z.uuid(),
  address: z.string().max(200),
  subtotalWon: z.number().int().min(0).max(100_000_000),
});

/** The checkout's quote as the customer types the address. */
export async function deliveryQuote(db: Db, rawInput: unknown): Promise<DeliveryQuote | DeliveryRefusal> {
  const input = deliveryQuoteSchema.parse(rawInput);
  const { rows } = await sqlOf(db).query<ZoneColumns>({
    name: "delivery-quote-store",
    text: `SELECT lat, lng, delivery_zones AS "deliveryZones" FROM store_stores WHERE id = $1`,
    values: [input.storeId],
  });
  if (!rows[0]) return refuse("NOT_FOUND", "This store does not exist");
  return priceDelivery(rows[0], input.address, input.subtotalWon);
}
