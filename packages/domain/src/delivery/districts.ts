// The offline district table (D1): Seoul's 25 구 and Busan's 16 구/군, Korean and English names and
// an approximate centroid each. Shipped as data so that no call leaves the machine at run time.
export type City = "SEOUL" | "BUSAN";

export type District = {
  /** Stable key, e.g. "seoul-mapo". */
  id: string;
  city: City;
  nameKo: string;
  nameEn: string;
  lat: number;
  lng: number;
};

const d = (city: City, key: string, nameKo: string, nameEn: string, lat: number, lng: number): District => ({
  id: `${city.toLowerCase()}-${key}`,
  city,
  nameKo,
  nameEn,
  lat,
  lng,
});

export const DISTRICTS: readonly District[] = [
  d("SEOUL", "jongno", "종로구", "Jongno-gu", 37.5735, 126.979),
  d("SEOUL", "jung", "중구", "Jung-gu", 37.5641, 126.9979),
  d("SEOUL", "yongsan", "용산구", "Yongsan-gu", 37.5326, 126.9905),
  d("SEOUL", "seongdong", "성동구", "Seongdong-gu", 37.5634, 127.0369),
  d("SEOUL", "gwangjin", "광진구", "Gwangjin-gu", 37.5385, 127.0823),
  d("SEOUL", "dongdaemun", "동대문구", "Dongdaemun-gu", 37.5744, 127.0396),
  d("SEOUL", "jungnang", "중랑구", "Jungnang-gu", 37.6063, 127.0925),
  d("SEOUL", "seongbuk", "성북구", "Seongbuk-gu", 37.5894, 127.0167),
  d("SEOUL", "gangbuk", "강북구", "Gangbuk-gu", 37.6396, 127.0257),
  d("SEOUL", "dobong", "도봉구", "Dobong-gu", 37.6688, 127.0471),
  d("SEOUL", "nowon", "노원구", "Nowon-gu", 37.6542, 127.0568),
  d("SEOUL", "eunpyeong", "은평구", "Eunpyeong-gu", 37.6027, 126.9291),
  d("SEOUL", "seodaemun", "서대문구", "Seodaemun-gu", 37.5791, 126.9368),
  d("SEOUL", "mapo", "마포구", "Mapo-gu", 37.5663, 126.9019),
  d("SEOUL", "yangcheon", "양천구", "Yangcheon-gu", 37.517, 126.8665),
  d("SEOUL", "gangseo", "강서구", "Gangseo-gu", 37.5509, 126.8495),
  d("SEOUL", "guro", "구로구", "Guro-gu", 37.4954, 126.8874),
  d("SEOUL", "geumcheon", "금천구", "Geumcheon-gu", 37.4569, 126.8955),
  d("SEOUL", "yeongdeungpo", "영등포구", "Yeongdeungpo-gu", 37.5264, 126.8962),
  d("SEOUL", "dongjak", "동작구", "Dongjak-gu", 37.5124, 126.9393),
  d("SEOUL", "gwanak", "관악구", "Gwanak-gu", 37.4784, 126.9516),
  d("SEOUL", "seocho", "서초구", "Seocho-gu", 37.4837, 127.0324),
  d("SEOUL", "gangnam", "강남구", "Gangnam-gu", 37.5172, 127.0473),
  d("SEOUL", "songpa", "송파구", "Songpa-gu", 37.5145, 127.1059),
  d("SEOUL", "gangdong", "강동구", "Gangdong-gu", 37.5301, 127.1238),
  d("BUSAN", "jung", "중구", "Jung-gu", 35.1063, 129.0323),
  d("BUSAN", "seo", "서구", "Seo-gu", 35.0979, 129.0244),
  d("BUSAN", "dong", "동구", "Dong-gu", 35.1294, 129.0454),
  d("BUSAN", "yeongdo", "영도구", "Yeongdo-gu", 35.0911, 129.0679),
  d("BUSAN", "busanjin", "부산진구", "Busanjin-gu", 35.1629, 129.0532),
  d("BUSAN", "dongnae", "동래구", "Dongnae-gu", 35.2049, 129.0838),
  d("BUSAN", "nam", "남구", "Nam-gu", 35.1366, 129.0843),
  d("BUSAN", "buk", "북구", "Buk-gu", 35.1972, 128.9903),
  d("BUSAN", "haeundae", "해운대구", "Haeundae-gu", 35.163, 129.1636),
  d("BUSAN", "saha", "사하구", "Saha-gu", 35.1046, 128.9749),
  d("BUSAN", "geumjeong", "금정구", "Geumjeong-gu", 35.243, 129.0922),
  d("BUSAN", "gangseo", "강서구", "Gangseo-gu", 35.2122, 128.9807),
  d("BUSAN", "yeonje", "연제구", "Yeonje-gu", 35.1762, 129.0799),
  d("BUSAN", "suyeong", "수영구", "Suyeong-gu", 35.1455, 129.1131),
  d("BUSAN", "sasang", "사상구", "Sasang-gu", 35.1526, 128.9913),
  d("BUSAN", "gijang", "기장군", "Gijang-gun", 35.2446, 129.2222),
];

export const districtById = (id: string): District | undefined => DISTRICTS.find((x) => x.id === id);
