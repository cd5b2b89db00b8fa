// What the shop tells riders with an arranged bouquet (D6): the fee, its phone, what is carried
// and how far the door is. The distance is district-level (see the domain's Geocoder).
import { cityNear, type DecorationFacts, haversineKm, roundKm, tableGeocoder, type Geocoder } from "@bloom/domain";

type Shop = { phone: string; lat: number | null; lng: number | null };
type Order = { address: string; deliveryFeeWon: number; lines: unknown };

export async function riderFactsOf(shop: Shop, order: Order, geocoder: Geocoder = tableGeocoder): Promise<DecorationFacts> {
  const from = shop.lat !== null && shop.lng !== null ? { lat: shop.lat, lng: shop.lng } : null;
  const to = await geocoder.locate(order.address, from ? cityNear(from) : undefined);
  const lines = Array.isArray(order.lines) ? (order.lines as { name: string; quantity: number; nameKo?: string }[]) : [];
  return {
    deliveryFeeWon: order.deliveryFeeWon,
    storePhone: shop.phone,
    distanceKm: from && to ? roundKm(haversineKm(from, to)) : null,
    items: lines.map((l) => ({ name: l.name, quantity: l.quantity, ...(l.nameKo && { nameKo: l.nameKo }) })),
  };
}
