// What a rider earns and counts (D6). The rider's fee is the order's delivery fee, all of it: the
// customer pays for the delivery and the rider does it. (A shop-set rider fee can replace this
// rule here without touching the screens.)
export const riderFeeOf = (deliveryFeeWon: number): number => deliveryFeeWon;

/** What a request carries, as the rider's card shows it. */
export type CarriedItem = { name: string; quantity: number; nameKo?: string };
export const itemCount = (items: readonly CarriedItem[]) => items.reduce((n, i) => n + i.quantity, 0);

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000; // Korea keeps no daylight saving time

/** Midnight of today in Asia/Seoul, as an instant: the start of the rider's "today". */
export function startOfSeoulDay(now: Date = new Date()): Date {
  const local = new Date(now.getTime() + SEOUL_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) - SEOUL_OFFSET_MS);
}

/** The facts DecorationCompleted carries for the rider's card. */
export type DecorationFacts = { deliveryFeeWon: number; storePhone: string; distanceKm: number | null; items: CarriedItem[] };
