// The demo shops' coordinates and delivery zones (D1). The fixtures' Jung-gu address is inside
// Seoul Forest Florist's free zone, so tests priced before zones keep their totals.
type Zone =
  | { kind: "DISTRICTS"; areas: { districtId: string; dong?: string }[]; feeWon: number; minimumOrderWon: number }
  | { kind: "RADIUS"; radiusKm: number; feeWon: number; minimumOrderWon: number };

const districts = (ids: string[], feeWon: number, minimumOrderWon: number): Zone => ({
  kind: "DISTRICTS",
  areas: ids.map((districtId) => ({ districtId })),
  feeWon,
  minimumOrderWon,
});
const radius = (radiusKm: number, feeWon: number, minimumOrderWon: number): Zone => ({ kind: "RADIUS", radiusKm, feeWon, minimumOrderWon });

export const DEMO_STORE_ZONES: Record<string, { lat: number; lng: number; zones: Zone[] }> = {
  // Seoul Forest Florist (성동구)
  "10000000-0000-4000-8000-000000000001": {
    lat: 37.5446,
    lng: 127.0408,
    zones: [districts(["seoul-seongdong", "seoul-gwangjin", "seoul-jung"], 0, 30_000), radius(8, 4_000, 30_000)],
  },
  // Hongdae Petal Studio (마포구)
  "10000000-0000-4000-8000-000000000002": {
    lat: 37.5551,
    lng: 126.9229,
    zones: [districts(["seoul-mapo", "seoul-seodaemun"], 3_000, 20_000), radius(7, 5_000, 30_000)],
  },
  // Gangnam Atelier Fleur (강남구)
  "10000000-0000-4000-8000-000000000003": {
    lat: 37.5036,
    lng: 127.0437,
    zones: [districts(["seoul-gangnam", "seoul-seocho"], 3_000, 50_000), radius(10, 6_000, 80_000)],
  },
  // Busan Sea Breeze Flowers (해운대구)
  "10000000-0000-4000-8000-000000000004": {
    lat: 35.1587,
    lng: 129.1604,
    zones: [districts(["busan-haeundae", "busan-suyeong"], 3_000, 30_000), radius(10, 5_000, 40_000)],
  },
};
