// Prices are whole won (KRW has no minor unit), kept as integers end to end.
export function formatWon(amount: number, locale: "ko" | "en" = "ko"): string {
  return `₩${amount.toLocaleString(locale === "ko" ? "ko-KR" : "en-US")}`;
}
