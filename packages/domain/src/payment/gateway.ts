// The payment port: what place-order needs from a card processor. Adapters implement it
// (the sandbox in packages/db); the circuit breaker wraps it in the web tier.
import type { CardInput } from "./card";

export type ChargeRequest = {
  /** The processor deduplicates on this: the same key never charges twice. */
  idempotencyKey: string;
  amountWon: number;
  card: CardInput;
};

export type ChargeResult =
  | { outcome: "APPROVED"; providerRef: string; brand: string; last4: string }
  | { outcome: "DECLINED" | "INSUFFICIENT_FUNDS"; reason: string };

/** Thrown by a gateway when the processor failed (not a decline): retryable, counts for the breaker. */
export class PaymentProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentProviderError";
  }
}

export interface PaymentGateway {
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /**
   * Cancels the charge made with this idempotency key, even one still in flight (after a
   * timeout), so a payment without an order never stands (N1). Idempotent.
   */
  void(idempotencyKey: string): Promise<void>;
  /** Refunds a captured charge (F7, F12). Idempotent. */
  refund(providerRef: string): Promise<void>;
}
