import { describe, expect, it } from "vitest";
import { districtById, DISTRICTS } from "./districts";
import { haversineKm } from "./geo";
import { matchDistrict, tableGeocoder } from "./geocoder";
import { deliveryZonesSchema, quoteDelivery, type DeliveryZone } from "./zones";

const mapo = districtById("seoul-mapo")!;
const at = (id: string) => {
  const d = districtById(id)!;
  return { lat: d.lat, lng: d.lng, district: d, precision: "DISTRICT" as const };
};

describe("district table", () => {
  it("[D1] ships Seoul's 25 구 and Busan's 16 구/군, each with a centroid", () => {
    expect(DISTRICTS.filter((d) => d.city === "SEOUL")).toHaveLength(25);
    expect(DISTRICTS.filter((d) => d.city === "BUSAN")).toHaveLength(16);
    expect(new Set(DISTRICTS.map((d) => d.id)).size).toBe(41);
  });
});

describe("matchDistrict", () => {
  it("[D1] finds the district by its Korean or English name", () => {
    expect(matchDistrict("서울 마포구 양화로 45")?.id).toBe("seoul-mapo");
    expect(matchDistrict("45 Yanghwa-ro, Mapo-gu, Seoul")?.id).toBe("seoul-mapo");
    expect(matchDistrict("45 yanghwa-ro mapo gu seoul")?.id).toBe("seoul-mapo");
    expect(matchDistrict("부산 해운대구 우동 1")?.id).toBe("busan-haeundae");
  });

  it("[D1] an address without a known district is not placed", async () => {
    expect(matchDistrict("경기도 성남시 분당구 정자동 1")).toBeNull();
    expect(matchDistrict("somewhere nice")).toBeNull();
    expect(await tableGeocoder.locate("")).toBeNull();
  });

  it("[D1] a short name is a whole word only: 서구 is not found inside 강서구, 동구 not inside 강동구", () => {
    expect(matchDistrict("서울 강서구 공항대로 1")?.id).toBe("seoul-gangseo");
    expect(matchDistrict("서울 강동구 천호대로 1")?.id).toBe("seoul-gangdong");
    expect(matchDistrict("부산 서구 구덕로 1")?.id).toBe("busan-seo");
  });

  it("[D1] a name in both cities follows the city written in the address, else the shop's city", () => {
    expect(matchDistrict("부산 중구 중앙대로 1")?.id).toBe("busan-jung");
    expect(matchDistrict("서울 중구 세종대로 110")?.id).toBe("seoul-jung");
    expect(matchDistrict("중구 세종대로 110", "BUSAN")?.id).toBe("busan-jung");
    expect(matchDistrict("Jung-gu, Seoul")?.id).toBe("seoul-jung");
    expect(matchDistrict("부산 마포구 1")).toBeNull();
  });
});

describe("quoteDelivery", () => {
  const districts = (ids: string[], feeWon: number, minimumOrderWon = 0): DeliveryZone => ({
    kind: "DISTRICTS",
    areas: ids.map((districtId) => ({ districtId })),
    feeWon,
    minimumOrderWon,
  });
  const radius = (radiusKm: number, feeWon: number, minimumOrderWon = 0): DeliveryZone => ({ kind: "RADIUS", radiusKm, feeWon, minimumOrderWon });
  const shop = (zones: DeliveryZone[]) => ({ location: { lat: mapo.lat, lng: mapo.lng }, zones });

  it("[D1] a shop without zones delivers anywhere for ₩0", () => {
    expect(quoteDelivery(shop([]), "nowhere", null, 1000)).toMatchObject({ ok: true, feeWon: 0, zoneIndex: null });
  });

  it("[D1] an address in none of the zones is refused, and so is one that cannot be placed", () => {
    const s = shop([districts(["seoul-mapo"], 3000)]);
    expect(quoteDelivery(s, "서울 강남구 1", at("seoul-gangnam"), 50_000)).toMatchObject({ ok: false, code: "OUTSIDE_DELIVERY_ZONE" });
    expect(quoteDelivery(s, "somewhere", null, 50_000)).toMatchObject({ ok: false, code: "OUTSIDE_DELIVERY_ZONE" });
  });

  it("[D1] a radius zone covers a district whose centroid is just inside, not one just outside", () => {
    const km = haversineKm(mapo, districtById("seoul-seodaemun")!);
    const door = at("seoul-seodaemun");
    expect(quoteDelivery(shop([radius(km + 0.01, 5000)]), "서대문구", door, 10_000)).toMatchObject({ ok: true, feeWon: 5000 });
    expect(quoteDelivery(shop([radius(km, 5000)]), "서대문구", door, 10_000)).toMatchObject({ ok: true, feeWon: 5000 });
    expect(quoteDelivery(shop([radius(km - 0.01, 5000)]), "서대문구", door, 10_000)).toMatchObject({ ok: false, code: "OUTSIDE_DELIVERY_ZONE" });
  });

  it("[D1] a radius zone matches nothing for a shop without coordinates", () => {
    expect(quoteDelivery({ location: null, zones: [radius(50, 0)] }, "마포구", at("seoul-mapo"), 1)).toMatchObject({ ok: false });
  });

  it("[D1] overlapping zones: the cheapest covering zone whose minimum is met prices the delivery", () => {
    const s = shop([radius(10, 5000), districts(["seoul-mapo", "seoul-seodaemun"], 3000, 30_000)]);
    expect(quoteDelivery(s, "서울 마포구 1", at("seoul-mapo"), 40_000)).toMatchObject({ ok: true, feeWon: 3000, zoneIndex: 1 });
    // Below the cheaper zone's minimum, the radius zone still takes it, at its own fee.
    expect(quoteDelivery(s, "서울 마포구 1", at("seoul-mapo"), 20_000)).toMatchObject({ ok: true, feeWon: 5000, zoneIndex: 0 });
  });

  it("[D1] the minimum order at its boundary: equal passes, one won less is refused with the minimum", () => {
    const s = shop([districts(["seoul-mapo"], 3000, 30_000)]);
    expect(quoteDelivery(s, "마포구", at("seoul-mapo"), 30_000)).toMatchObject({ ok: true, feeWon: 3000 });
    expect(quoteDelivery(s, "마포구", at("seoul-mapo"), 29_999)).toMatchObject({ ok: false, code: "BELOW_MINIMUM_ORDER", minimumOrderWon: 30_000 });
  });

  it("[D1] a zone narrowed to a 동 covers only addresses naming it", () => {
    const s = shop([{ kind: "DISTRICTS", areas: [{ districtId: "seoul-mapo", dong: "연남동" }], feeWon: 2000, minimumOrderWon: 0 }]);
    expect(quoteDelivery(s, "서울 마포구 연남동 1", at("seoul-mapo"), 1)).toMatchObject({ ok: true, feeWon: 2000 });
    expect(quoteDelivery(s, "서울 마포구 합정동 1", at("seoul-mapo"), 1)).toMatchObject({ ok: false, code: "OUTSIDE_DELIVERY_ZONE" });
  });

  it("[D1] the zones schema refuses an unknown district, a negative fee and an empty district list", () => {
    expect(deliveryZonesSchema.safeParse([{ kind: "DISTRICTS", areas: [{ districtId: "seoul-nowhere" }], feeWon: 0, minimumOrderWon: 0 }]).success).toBe(false);
    expect(deliveryZonesSchema.safeParse([{ kind: "RADIUS", radiusKm: 5, feeWon: -1, minimumOrderWon: 0 }]).success).toBe(false);
    expect(deliveryZonesSchema.safeParse([{ kind: "DISTRICTS", areas: [], feeWon: 0, minimumOrderWon: 0 }]).success).toBe(false);
    expect(deliveryZonesSchema.safeParse([{ kind: "RADIUS", radiusKm: 5, feeWon: 5000, minimumOrderWon: 20_000 }]).success).toBe(true);
  });
});

describe("rider facts", () => {
  it("[D6] the rider's day starts at midnight in Seoul, not in UTC", async () => {
    const { startOfSeoulDay, itemCount, riderFeeOf } = await import("./rider-facts");
    expect(startOfSeoulDay(new Date("2030-05-01T14:59:59Z")).toISOString()).toBe("2030-04-30T15:00:00.000Z");
    expect(startOfSeoulDay(new Date("2030-05-01T15:00:00Z")).toISOString()).toBe("2030-05-01T15:00:00.000Z");
    expect(itemCount([{ name: "a", quantity: 2 }, { name: "b", quantity: 1 }])).toBe(3);
    expect(riderFeeOf(4000)).toBe(4000);
  });
});
