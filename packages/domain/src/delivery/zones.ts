// A shop's delivery zones (D1): each zone is a set of districts (구, optionally narrowed to a 동) or
// a radius around the shop, with a fee and a minimum order. The schema validates the owner's form
// in the browser and again on the server.
import { z } from "zod";
import { textField } from "../shared/text";
import { refuse, type Refusal } from "../shared/errors";
import { DISTRICTS } from "./districts";
import { haversineKm, roundKm, type GeoPoint } from "./geo";
import type { Located } from "./geocoder";

export const MAX_ZONES = 10;
export const MAX_ZONE_AREAS = 41;
export const MAX_ZONE_FEE_WON = 100_000;
export const MAX_MINIMUM_ORDER_WON = 1_000_000;
export const MAX_RADIUS_KM = 50;

const DISTRICT_IDS = DISTRICTS.map((d) => d.id) as [string, ...string[]];

const feeWon = z.number().int("Whole won only").min(0, "Not below ₩0").max(MAX_ZONE_FEE_WON, `At most ₩${MAX_ZONE_FEE_WON.toLocaleString("en-US")}`);
const minimumOrderWon = z
  .number()
  .int("Whole won only")
  .min(0, "Not below ₩0")
  .max(MAX_MINIMUM_ORDER_WON, `At most ₩${MAX_MINIMUM_ORDER_WON.toLocaleString("en-US")}`);

export const zoneAreaSchema = z.object({
  districtId: z.enum(DISTRICT_IDS, "Pick a district"),
  /** Narrows the district to one 동, matched by name in the address ("연남동"); absent: the whole 구. */
  dong: textField({ max: 20 }).optional(),
});

export const deliveryZoneSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("DISTRICTS"), areas: z.array(zoneAreaSchema).min(1, "Pick at least one district").max(MAX_ZONE_AREAS), feeWon, minimumOrderWon }),
  z.object({
    kind: z.literal("RADIUS"),
    radiusKm: z.number().positive("More than 0 km").max(MAX_RADIUS_KM, `At most ${MAX_RADIUS_KM} km`),
    feeWon,
    minimumOrderWon,
  }),
]);
export type DeliveryZone = z.infer<typeof deliveryZoneSchema>;

export const deliveryZonesSchema = z.array(deliveryZoneSchema).max(MAX_ZONES, `At most ${MAX_ZONES} zones`);

/** What the owner's screen saves. */
export const saveDeliveryZonesSchema = z.object({ storeId: z.uuid(), zones: deliveryZonesSchema });

/** The shop as pricing sees it: coordinates may be unknown (then radius zones match nothing). */
export type ZoneShop = { location: GeoPoint | null; zones: readonly DeliveryZone[] };

export type DeliveryQuote = {
  ok: true;
  feeWon: number;
  /** The zone that priced it (its index in the shop's list); null for a shop without zones. */
  zoneIndex: number | null;
  /** Shop → door in km, district-level precision; null when either end is unknown. */
  distanceKm: number | null;
  minimumOrderWon: number;
};
export type DeliveryRefusal = Refusal & { minimumOrderWon?: number };

function covers(zone: DeliveryZone, shop: ZoneShop, address: string, at: Located): boolean {
  if (zone.kind === "RADIUS") return shop.location !== null && haversineKm(shop.location, at) <= zone.radiusKm;
  return zone.areas.some((a) => a.districtId === at.district.id && (!a.dong || address.toLowerCase().includes(a.dong.toLowerCase())));
}

/**
 * Prices a delivery. A shop without zones delivers anywhere for ₩0 (how every shop worked before
 * zones, so an owner opts in). Otherwise, of the zones covering the address whose minimum the
 * subtotal meets (equal meets it), the cheapest fee wins — overlapping zones never cost the
 * customer more than the best one. Covered but below every covering zone's minimum: refused
 * with the smallest minimum that would do.
 */
export function quoteDelivery(shop: ZoneShop, address: string, at: Located | null, subtotalWon: number): DeliveryQuote | DeliveryRefusal {
  const distanceKm = shop.location && at ? roundKm(haversineKm(shop.location, at)) : null;
  if (shop.zones.length === 0) return { ok: true, feeWon: 0, zoneIndex: null, distanceKm, minimumOrderWon: 0 };
  const covering = at ? shop.zones.map((zone, index) => ({ zone, index })).filter((x) => covers(x.zone, shop, address, at)) : [];
  if (covering.length === 0) return refuse("OUTSIDE_DELIVERY_ZONE", "This shop does not deliver to this address");
  const met = covering.filter((x) => subtotalWon >= x.zone.minimumOrderWon);
  if (met.length === 0) {
    const least = Math.min(...covering.map((x) => x.zone.minimumOrderWon));
    return { ...refuse("BELOW_MINIMUM_ORDER", `Orders to this address start at ₩${least.toLocaleString("en-US")}`), minimumOrderWon: least };
  }
  const best = met.reduce((a, b) => (b.zone.feeWon < a.zone.feeWon ? b : a));
  return { ok: true, feeWon: best.zone.feeWon, zoneIndex: best.index, distanceKm, minimumOrderWon: best.zone.minimumOrderWon };
}
