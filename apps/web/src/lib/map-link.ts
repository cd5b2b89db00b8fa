// An address as a map link: one tap opens it in Kakao Map (the map app riders in Korea use).
export const mapLink = (address: string) => `https://map.kakao.com/?q=${encodeURIComponent(address)}`;

/** "010-1234-5678" → "tel:01012345678". */
export const telLink = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
