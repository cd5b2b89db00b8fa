// The simulated card processor (the only simulated party). It behaves like a processor's test
// mode: test cards decide the outcome, charges are idempotent by key, and it keeps its own ledger
// (payment_sandbox_charges) the way a real processor would on its side. Latency and a failure rate
// are configurable for fault and load tests.
import { sqlOf, type Db } from "@bloom/db";
import {
  cardSummary,
  PaymentProviderError,
  sandboxOutcome,
  type ChargeRequest,
  type ChargeResult,
  type PaymentGateway,
} from "@bloom/domain";

export type SandboxConfig = {
  latency: { min: number; max: number };
  /** 0..1: share of charges that fail with a processing error. */
  failureRate: number;
  /** Until this time every charge fails (fault injection for outage tests). */
  outageUntil?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class SandboxGateway implements PaymentGateway {
  constructor(
    private readonly db: Db,
    readonly config: SandboxConfig,
  ) {}

  private async delay() {
    const { min, max } = this.config.latency;
    if (max > 0) await sleep(min + Math.random() * (max - min));
  }

  async charge(req: ChargeRequest): Promise<ChargeResult> {
    await this.delay();
    const outcome = sandboxOutcome(req.card.number);
    const outage = this.config.outageUntil !== undefined && Date.now() < this.config.outageUntil;
    if (outage || outcome === "PROCESSING_ERROR" || Math.random() < this.config.failureRate) {
      throw new PaymentProviderError("The card processor could not process the charge");
    }
    const { brand, last4 } = cardSummary(req.card);
    if (outcome !== "APPROVED") {
      return {
        outcome,
        reason: outcome === "INSUFFICIENT_FUNDS" ? "Insufficient funds on this card" : "The card was declined",
      };
    }
    // Idempotent by key: a repeated key returns the first charge. A key voided before its charge
    // arrived stays voided (the processor never captures it). One statement (the no-op update on
    // conflict makes RETURNING give the existing row): the processor runs inside the web process
    // here, and every round trip it costs is CPU a real processor would not take from us.
    const id = `ch_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
    const { rows } = await sqlOf(this.db).query<{ id: string; status: string; cardBrand: string; cardLast4: string }>({
      name: "sandbox-charge",
      text: `INSERT INTO payment_sandbox_charges (id, idempotency_key, amount_won, status, card_brand, card_last4, updated_at)
             VALUES ($1, $2, $3, 'CAPTURED', $4, $5, now())
             ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
             RETURNING id, status, card_brand AS "cardBrand", card_last4 AS "cardLast4"`,
      values: [id, req.idempotencyKey, req.amountWon, brand, last4],
    });
    const row = rows[0];
    if (!row) throw new PaymentProviderError("The card processor did not record the charge");
    if (row.status === "VOIDED") return { outcome: "DECLINED", reason: "This payment was cancelled" };
    return { outcome: "APPROVED", providerRef: row.id, brand: row.cardBrand, last4: row.cardLast4 };
  }

  async void(idempotencyKey: string): Promise<void> {
    await this.db.sandboxCharge.upsert({
      where: { idempotencyKey },
      update: { status: "VOIDED" },
      create: {
        id: `ch_${globalThis.crypto.randomUUID().replaceAll("-", "")}`,
        idempotencyKey,
        amountWon: 0,
        status: "VOIDED",
        cardBrand: "",
        cardLast4: "",
      },
    });
  }

  async refund(providerRef: string): Promise<void> {
    await this.delay();
    const n = await this.db.sandboxCharge.updateMany({
      where: { id: providerRef, status: { in: ["CAPTURED", "REFUNDED"] } },
      data: { status: "REFUNDED" },
    });
    if (n.count === 0) throw new PaymentProviderError(`No captured charge ${providerRef} to refund`);
  }
}
