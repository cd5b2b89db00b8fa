// The Geocoder port (D1) and its default adapter: an address is placed by finding a district's
// name in its text and taking that district's centroid. That is district-level precision (a few
// km); a real geocoder (an address API, a local database) can replace it behind the same port.
import { DISTRICTS, type City, type District } from "./districts";
import { haversineKm, type GeoPoint } from "./geo";

export type Located = GeoPoint & { district: District; precision: "DISTRICT" };

export interface Geocoder {
  /** Where the address is, or null when it cannot be placed. `near`: the city to prefer when a name exists in two (중구, 강서구). */
  locate(address: string, near?: City): Promise<Located | null>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// A name counts only as a whole word: "서구" must not match inside "강서구", nor "Jung-gu" inside another name.
const wordOf = (name: string) => new RegExp(`(^|[\\s,()·])${escape(name)}(?=$|[\\s,()·])`, "i");
const englishOf = (name: string) => new RegExp(`(^|[^a-z])${escape(name).replace("-", "[- ]?")}(?![a-z])`, "i");
const PATTERNS = DISTRICTS.map((district) => ({ district, ko: wordOf(district.nameKo), en: englishOf(district.nameEn) }));

const CITY_WORDS: Record<City, RegExp> = {
  SEOUL: /서울|seoul/i,
  BUSAN: /부산|busan/i,
};

/** The district named in an address, or null. The city written in the address wins over `near`. */
export function matchDistrict(address: string, near?: City): District | null {
  const found = PATTERNS.filter((p) => p.ko.test(address) || p.en.test(address)).map((p) => p.district);
  if (found.length === 0) return null;
  const written = (Object.keys(CITY_WORDS) as City[]).filter((c) => CITY_WORDS[c].test(address));
  const inCity = (c: City) => found.filter((x) => x.city === c);
  for (const c of written) if (inCity(c).length > 0) return inCity(c)[0]!;
  if (written.length > 0) return null; // the address names a city we have no such district in
  if (near && inCity(near).length > 0) return inCity(near)[0]!;
  return found[0]!;
}

/** The city whose district centroid is nearest to a point (a shop's city, from its coordinates). */
export function cityNear(point: GeoPoint): City {
  let best = DISTRICTS[0]!;
  for (const d of DISTRICTS) if (haversineKm(point, d) < haversineKm(point, best)) best = d;
  return best.city;
}

/** The default adapter: the shipped district table, no network. */
export const tableGeocoder: Geocoder = {
  async locate(address, near) {
    const district = matchDistrict(address, near);
    return district ? { lat: district.lat, lng: district.lng, district, precision: "DISTRICT" } : null;
  },
};
