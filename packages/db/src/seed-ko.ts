// W5: the demo catalog's Korean addresses and descriptions (names are in seed-data.ts), kept
// beside the English data so either can change without touching the other.
export const DEMO_STORES_KO: Record<string, { addressKo: string; descriptionKo: string }> = {
  "10000000-0000-4000-8000-000000000001": { addressKo: "서울 성동구 서울숲2길 12", descriptionKo: "크라프트지로 감싼 계절 정원풍 꽃다발." },
  "10000000-0000-4000-8000-000000000002": { addressKo: "서울 마포구 와우산로21길 27", descriptionKo: "대담한 색과 발랄한 포장, 학생들이 사랑하는 꽃집." },
  "10000000-0000-4000-8000-000000000003": { addressKo: "서울 강남구 테헤란로 301", descriptionKo: "사무실과 축하 자리를 위한 프리미엄 어레인지먼트." },
  "10000000-0000-4000-8000-000000000004": { addressKo: "부산 해운대구 해운대해변로 45", descriptionKo: "바닷가에서 만드는 바다빛 꽃 장식." },
};

/** Korean descriptions by the bouquet's English name (unique in the demo catalog). */
export const DEMO_BOUQUETS_KO: Record<string, string> = {
  "Red Rose Classic": "유칼립투스를 곁들인 긴 줄기 빨간 장미 열두 송이.",
  "Pink Peony Cloud": "몽글몽글한 분홍 작약, 5–6월 제철.",
  "Sunny Sunflowers": "책상을 환하게 밝혀 줄 해바라기 다섯 송이.",
  "White Lily Grace": "차분한 방을 위한 향기로운 흰 백합.",
  "Lavender Dream": "은은한 향의 라벤더와 보라색 스토크.",
  "Eucalyptus Green": "유칼립투스와 루스커스로만 엮은 초록 꽃다발.",
  "Tulip Party": "주황, 분홍, 노랑이 어우러진 튤립.",
  "Orange Ranunculus": "따뜻한 주황빛으로 겹겹이 핀 라넌큘러스.",
  "Baby's Breath Mist": "소박하고 사랑스러운 안개꽃 한 아름.",
  "Peach Rose Blush": "더스티 밀러를 곁들인 피치빛 가든 로즈.",
  "Carnation Thanks": "부모님과 선생님께 드리는 빨간 카네이션.",
  "Blue Hydrangea": "파란 수국 두 송이.",
  "Grand Rose 50": "빨간 장미 쉰 송이, 저희 가게의 대표작.",
  "Lily & Rose Duet": "흰 백합과 피치 장미.",
  "Peony Luxe": "손으로 묶은 프리미엄 작약.",
  "Hydrangea Box": "간직하기 좋은 모자 상자에 담은 수국.",
  "Sunflower Office": "개업 축하를 위한 해바라기.",
  "Lavender Calm": "라벤더와 흰 리시안서스.",
  "Sea Hydrangea": "파랑과 보라빛 수국.",
  "Beach Sunflower": "밀 이삭을 곁들인 해바라기.",
  "White Wave": "백합과 안개꽃.",
  "Coral Roses": "코랄 피치빛 장미.",
  "Tulip Harbour": "여러 색이 섞인 튤립.",
  "Carnation Port": "빨간 카네이션.",
};
