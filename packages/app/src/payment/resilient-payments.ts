// The payment port as place-order calls it: a timeout inside a circuit breaker (N3). When the
// processor is slow or failing, the breaker opens and callers get PAYMENT_BUSY at once with a
// retry-after; it half-opens after a pause and closes by itself on the next success.
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  timeout,
  wrap,
} from "cockatiel";
import { IdempotencyConflictError, type ChargeRequest, type ChargeResult, type PaymentGateway } from "@bloom/domain";

export type BreakerState = "closed" | "open" | "half-open" | "isolated";
export type BreakerOptions = { timeoutMs: number; consecutiveFailures: number; halfOpenAfterMs: number };

export class PaymentBusyError extends Error {
  /** `mayHaveCharged`: the charge was sent and timed out, so it may still land (void it by key). */
  constructor(
    readonly retryAfterSec: number,
    readonly mayHaveCharged = false,
  ) {
    super("Payment is busy — please try again in a moment");
    this.name = "PaymentBusyError";
  }
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: "closed",
  [CircuitState.Open]: "open",
  [CircuitState.HalfOpen]: "half-open",
  [CircuitState.Isolated]: "isolated",
};

export class ResilientPayments {
  private readonly breaker;
  private readonly policy;
  private openedAt = 0;
  readonly counts = { approved: 0, declined: 0, failed: 0, timedOut: 0, rejectedOpen: 0 };

  constructor(
    readonly gateway: PaymentGateway,
    private readonly options: BreakerOptions,
    onTransition: (state: BreakerState) => void = () => {},
  ) {
    // Declines are answers, not failures: only processor errors and timeouts trip the breaker. An
    // idempotency conflict (the key's first request still running, or a different request) is the
    // processor answering too: it passes through untouched and never counts as a failure.
    this.breaker = circuitBreaker(
      handleWhen((e) => !(e instanceof IdempotencyConflictError) && (e.name === "PaymentProviderError" || e instanceof TaskCancelledError)),
      { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.consecutiveFailures) },
    );
    this.breaker.onStateChange((s) => {
      if (s === CircuitState.Open) this.openedAt = Date.now();
      onTransition(STATE_NAMES[s]);
    });
    this.policy = wrap(this.breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  }

  get state(): BreakerState {
    return STATE_NAMES[this.breaker.state];
  }

  retryAfterSec(): number {
    const left = this.openedAt + this.options.halfOpenAfterMs - Date.now();
    return Math.max(1, Math.ceil(left / 1000));
  }

  /** Throws PaymentBusyError when the breaker is open or the processor timed out. */
  async charge(req: ChargeRequest): Promise<ChargeResult> {
    // Half-open: one probe charge is in flight. The breaker would make every other caller wait
    // for the probe's outcome (up to the processor's latency); answer them "busy" at once instead.
    if (this.breaker.state === CircuitState.HalfOpen) {
      this.counts.rejectedOpen++;
      throw new PaymentBusyError(1);
    }
    try {
      // The timeout's signal aborts the HTTP call when time is up (the charge may still land at
      // the processor: the caller voids it by key, see PaymentBusyError.mayHaveCharged).
      const result = await this.policy.execute(({ signal }) =>
        this.gateway.charge({ ...req, signal: req.signal ? AbortSignal.any([req.signal, signal]) : signal }),
      );
      this.counts[result.outcome === "APPROVED" ? "approved" : "declined"]++;
      return result;
    } catch (e) {
      if (e instanceof BrokenCircuitError) {
        this.counts.rejectedOpen++;
        throw new PaymentBusyError(this.retryAfterSec());
      }
      if (e instanceof TaskCancelledError) {
        this.counts.timedOut++;
        throw new PaymentBusyError(1, true);
      }
      if (e instanceof IdempotencyConflictError) throw e;
      this.counts.failed++;
      throw e;
    }
  }
}
