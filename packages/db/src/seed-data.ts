// Demo data: fixed ids so the seed is idempotent and tests can name things.
export const DEMO_PASSWORD = "bloom1234";

export const DEMO_USERS = [
  { id: "00000000-0000-4000-8000-000000000001", email: "customer@bloom.test", name: "Minji Kim", role: "CUSTOMER", phone: "010-1234-5678" },
  { id: "00000000-0000-4000-8000-000000000002", email: "owner@bloom.test", name: "Seojun Park", role: "OWNER", phone: "010-2222-3333" },
  { id: "00000000-0000-4000-8000-000000000003", email: "rider@bloom.test", name: "Jiho Lee", role: "RIDER", phone: "010-4444-5555" },
  { id: "00000000-0000-4000-8000-000000000004", email: "owner2@bloom.test", name: "Yuna Choi", role: "OWNER", phone: "010-6666-7777" },
  { id: "00000000-0000-4000-8000-000000000005", email: "rider2@bloom.test", name: "Hyun Jung", role: "RIDER", phone: "010-8888-9999" },
  { id: "00000000-0000-4000-8000-000000000006", email: "customer2@bloom.test", name: "Daniel Han", role: "CUSTOMER", phone: "010-1111-2222" },
  { id: "00000000-0000-4000-8000-000000000007", email: "admin@bloom.test", name: "Bloom Operator", role: "ADMIN", phone: null },
] as const;

const OWNER = DEMO_USERS[1].id;
const OWNER2 = DEMO_USERS[3].id;

type B = [name: string, nameKo: string, description: string, priceWon: number, stock: number, picture: string];

export const DEMO_STORES: {
  id: string; ownerId: string; name: string; nameKo: string; area: string; address: string; phone: string;
  description: string; imageUrl: string; bouquets: B[];
}[] = [
  {
    id: "10000000-0000-4000-8000-000000000001", ownerId: OWNER, name: "Seoul Forest Florist", nameKo: "서울숲 꽃집",
    area: "Seongdong", address: "12 Seoulsup 2-gil, Seongdong-gu, Seoul", phone: "02-464-1004",
    description: "Seasonal garden-style bouquets, wrapped in kraft paper.", imageUrl: "/img/shop-seoul-forest.svg",
    bouquets: [
      ["Red Rose Classic", "빨간 장미 클래식", "Twelve long-stem red roses with eucalyptus.", 59000, 12, "bouquet-rose-red.svg"],
      ["Pink Peony Cloud", "핑크 작약 구름", "Fluffy pink peonies, in season May–June.", 72000, 6, "bouquet-pink-peony.svg"],
      ["Sunny Sunflowers", "해바라기 한 다발", "Five sunflowers to brighten any desk.", 39000, 15, "bouquet-sunflower.svg"],
      ["White Lily Grace", "화이트 릴리", "Fragrant white lilies for a calm room.", 64000, 8, "bouquet-white-lily.svg"],
      ["Lavender Dream", "라벤더 드림", "Lavender and purple stock, softly scented.", 45000, 10, "bouquet-lavender.svg"],
      ["Eucalyptus Green", "유칼립투스 그린", "All-green bouquet of eucalyptus and ruscus.", 35000, 0, "bouquet-green-eucalyptus.svg"],
    ],
  },
  {
    id: "10000000-0000-4000-8000-000000000002", ownerId: OWNER, name: "Hongdae Petal Studio", nameKo: "홍대 꽃잎 스튜디오",
    area: "Mapo", address: "27 Wausan-ro 21-gil, Mapo-gu, Seoul", phone: "02-332-5252",
    description: "Bold colours and playful wrapping, loved by students.", imageUrl: "/img/shop-hongdae.svg",
    bouquets: [
      ["Tulip Party", "튤립 파티", "Mixed tulips in orange, pink and yellow.", 42000, 14, "bouquet-tulip-mix.svg"],
      ["Orange Ranunculus", "오렌지 라넌큘러스", "Layered ranunculus in warm orange.", 48000, 9, "bouquet-orange-ranunculus.svg"],
      ["Baby's Breath Mist", "안개꽃 다발", "A cloud of baby's breath, simple and sweet.", 29000, 20, "bouquet-baby-breath.svg"],
      ["Peach Rose Blush", "피치 로즈", "Peach garden roses with dusty miller.", 55000, 7, "bouquet-peach-rose.svg"],
      ["Carnation Thanks", "감사 카네이션", "Red carnations for parents and teachers.", 33000, 25, "bouquet-red-carnation.svg"],
      ["Blue Hydrangea", "블루 수국", "Two heads of blue hydrangea.", 51000, 5, "bouquet-hydrangea.svg"],
    ],
  },
  {
    id: "10000000-0000-4000-8000-000000000003", ownerId: OWNER, name: "Gangnam Atelier Fleur", nameKo: "강남 아틀리에 플뢰르",
    area: "Gangnam", address: "301 Teheran-ro, Gangnam-gu, Seoul", phone: "02-555-0909",
    description: "Premium arrangements for offices and celebrations.", imageUrl: "/img/shop-gangnam.svg",
    bouquets: [
      ["Grand Rose 50", "그랜드 로즈 50", "Fifty red roses, our signature piece.", 189000, 3, "bouquet-rose-red.svg"],
      ["Lily & Rose Duet", "릴리 앤 로즈", "White lilies with peach roses.", 98000, 6, "bouquet-white-lily.svg"],
      ["Peony Luxe", "작약 럭스", "Premium peonies, hand-tied.", 120000, 4, "bouquet-pink-peony.svg"],
      ["Hydrangea Box", "수국 박스", "Hydrangea in a keepsake hat box.", 86000, 8, "bouquet-hydrangea.svg"],
      ["Sunflower Office", "해바라기 오피스", "Sunflowers for grand openings.", 77000, 10, "bouquet-sunflower.svg"],
      ["Lavender Calm", "라벤더 캄", "Lavender and white lisianthus.", 68000, 9, "bouquet-lavender.svg"],
    ],
  },
  {
    id: "10000000-0000-4000-8000-000000000004", ownerId: OWNER2, name: "Busan Sea Breeze Flowers", nameKo: "부산 바닷바람 꽃집",
    area: "Haeundae", address: "45 Haeundaehaebyeon-ro, Haeundae-gu, Busan", phone: "051-746-3030",
    description: "Ocean-blue arrangements by the beach.", imageUrl: "/img/shop-busan.svg",
    bouquets: [
      ["Sea Hydrangea", "바다 수국", "Blue and violet hydrangea.", 53000, 10, "bouquet-hydrangea.svg"],
      ["Beach Sunflower", "해변 해바라기", "Sunflowers with wheat.", 41000, 12, "bouquet-sunflower.svg"],
      ["White Wave", "화이트 웨이브", "Lilies and baby's breath.", 58000, 7, "bouquet-white-lily.svg"],
      ["Coral Roses", "코랄 장미", "Coral-peach roses.", 57000, 9, "bouquet-peach-rose.svg"],
      ["Tulip Harbour", "튤립 하버", "Mixed tulips.", 43000, 11, "bouquet-tulip-mix.svg"],
      ["Carnation Port", "카네이션 포트", "Red carnations.", 31000, 20, "bouquet-red-carnation.svg"],
    ],
  },
];

/** A bouquet's fixed id: store n, bouquet m. */
export function bouquetId(storeIndex: number, bouquetIndex: number): string {
  return `20000000-0000-4000-8000-${String(storeIndex * 100 + bouquetIndex + 1).padStart(12, "0")}`;
}
