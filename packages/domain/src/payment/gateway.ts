// The payment port: what Bloom needs from a card processor. The adapter (packages/app
// HttpProcessorGateway) calls the processor over HTTP — in development and tests the sandbox
// processor (apps/processor), a separate process with its own ledger, like a provider's test mode.
// The circuit breaker wraps `charge` in the web tier.
import type { CardInput } from "./card";

export type ChargeRequest = {
  /**
   * The processor binds this key to a fingerprint of the request (amount, card, description): the
   * same key never charges twice, and the same key with a different request is refused.
   */
  idempotencyKey: string;
  amountWon: number;
  card: CardInput;
  /** What is being paid for (the priced items); part of the fingerprint. */
  description?: string;
  /** Aborts the HTTP request (the breaker's timeout). The charge may still land: void it by key. */
  signal?: AbortSignal;
};

export type ChargeResult =
  | { outcome: "APPROVED"; providerRef: string; amountWon: number; brand: string; last4: string }
  | { outcome: "DECLINED" | "INSUFFICIENT_FUNDS"; reason: string };

/** The processor's record of a charge, as its API reports it (reconciliation, audits). */
export type ProcessorCharge = {
  providerRef: string;
  idempotencyKey: string;
  amountWon: number;
  status: "PROCESSING" | "CAPTURED" | "DECLINED" | "VOIDED" | "REFUNDED";
  createdAt: string;
};

/** Thrown by a gateway when the processor failed (not a decline): retryable, counts for the breaker. */
export class PaymentProviderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaymentProviderError";
  }
}

/**
 * The processor refused the idempotency key: `IN_PROGRESS` — its first request is still running
 * (retry after `retryAfterSec`); `MISMATCH` — it was used for a different request. Nothing charged.
 */
export class IdempotencyConflictError extends Error {
  constructor(
    readonly kind: "IN_PROGRESS" | "MISMATCH",
    readonly retryAfterSec = 1,
  ) {
    super(kind === "IN_PROGRESS" ? "A payment with this key is still in progress" : "This idempotency key was used for a different payment");
    this.name = "IdempotencyConflictError";
  }
}

export interface PaymentGateway {
  /** Throws PaymentProviderError (processor failed, nothing known to be charged) or IdempotencyConflictError. */
  charge(req: ChargeRequest): Promise<ChargeResult>;
  /**
   * Cancels the charge made with this idempotency key, even one still in flight (after a
   * timeout), so a payment without an order never stands (M2). Idempotent.
   */
  void(idempotencyKey: string): Promise<void>;
  /**
   * Refunds a captured charge in full (F7, F12, M3). Idempotent by `idempotencyKey` (one per
   * payment): a retry after a timeout never refunds twice. Throws PaymentProviderError when the
   * processor fails; the caller retries later.
   */
  refund(req: { providerRef: string; amountWon: number; idempotencyKey: string }): Promise<void>;
  /** The processor's record of the charge made with this key, or null if it has none. */
  findCharge(idempotencyKey: string): Promise<ProcessorCharge | null>;
  /** The processor's records of many keys at once (reconciliation); keys without a charge are absent. */
  findCharges(idempotencyKeys: string[]): Promise<Map<string, ProcessorCharge>>;
}
