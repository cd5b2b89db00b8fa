// One line per bouquet: the rule pricing, idempotency and the checkout schema share (S4, M1).

export type CartLine = { bouquetId: string; quantity: number };

/** Lines of the same bouquet become one with the summed quantity, in first-seen order. */
export function mergeCartLines(lines: readonly CartLine[]): CartLine[] {
  const quantities = new Map<string, number>();
  for (const l of lines) quantities.set(l.bouquetId, (quantities.get(l.bouquetId) ?? 0) + l.quantity);
  return [...quantities].map(([bouquetId, quantity]) => ({ bouquetId, quantity }));
}
