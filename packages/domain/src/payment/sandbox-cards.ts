// The sandbox processor's test cards, as in a card processor's test mode.
export type SandboxOutcome = "APPROVED" | "DECLINED" | "INSUFFICIENT_FUNDS" | "PROCESSING_ERROR";

export const SANDBOX_CARDS: Record<string, SandboxOutcome> = {
  "4242424242424242": "APPROVED",
  "4000000000000002": "DECLINED",
  "4000000000009995": "INSUFFICIENT_FUNDS",
  "4000000000000119": "PROCESSING_ERROR",
};

/** Any other valid card approves, like most sandboxes. */
export function sandboxOutcome(cardNumber: string): SandboxOutcome {
  return SANDBOX_CARDS[cardNumber] ?? "APPROVED";
}

/** Parses "400-620" or "250" into a latency range in ms. */
export function parseLatency(spec: string | undefined): { min: number; max: number } {
  if (!spec) return { min: 0, max: 0 };
  const [a, b] = spec.split("-").map((s) => Number(s.trim()));
  const min = Number.isFinite(a) ? Math.max(0, a!) : 0;
  const max = b !== undefined && Number.isFinite(b) ? Math.max(min, b) : min;
  return { min, max };
}
