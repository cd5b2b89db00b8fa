// The order the customer has just paid for, handed from checkout to the order page across the
// client-side navigation (module state: a reload or a later visit is not "just placed"). The order
// page reads it once to move focus to its heading and show the confirmation (B4: focus is not lost
// when the pay button disappears).
let justPlaced: string | null = null;

export function markJustPlaced(orderId: string): void {
  justPlaced = orderId;
}

/** True once for the order that was just placed; clears the mark. */
export function takeJustPlaced(orderId: string): boolean {
  if (justPlaced !== orderId) return false;
  justPlaced = null;
  return true;
}
