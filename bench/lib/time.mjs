// Seoul's calendar date (the shop's), as a UTC-midnight Date, without a timezone library.
export function todayInSeoulDate() {
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
  return new Date(`${ymd}T00:00:00Z`);
}
