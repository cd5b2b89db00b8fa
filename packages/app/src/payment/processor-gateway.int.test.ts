// The HTTP adapter of the payment port against the sandbox processor as a real process: every
// processor answer maps onto the port (declines are answers, failures PaymentProviderError, key
// conflicts IdempotencyConflictError), and the breaker passes key conflicts through uncounted.
import { HttpProcessorGateway, ResilientPayments } from "@bloom/app";
import { IdempotencyConflictError, PaymentProviderError, type ChargeRequest } from "@bloom/domain";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testProcessor, type TestProcessor } from "../../../../test/support/processor";
import { waitFor } from "../../../../test/support/wait";
import { freePort } from "../../../../test/support/web";

let p: TestProcessor;
let gateway: HttpProcessorGateway;
beforeAll(async () => {
  p = await testProcessor();
  gateway = new HttpProcessorGateway(p.url, { timeoutMs: 5000 });
});
beforeEach(() => p.control.reset());
afterAll(() => p?.kill("SIGTERM"));

const CARD = { number: "4242424242424242", expiry: "12/30", cvc: "123" };
const req = (over: Partial<ChargeRequest> = {}): ChargeRequest => ({
  idempotencyKey: `gw-${globalThis.crypto.randomUUID()}`,
  amountWon: 38_000,
  card: CARD,
  description: "1 × Peony Dream",
  ...over,
});

describe("HttpProcessorGateway", () => {
  it("[M1] approved, declined, insufficient funds and processing errors map onto the port", async () => {
    const ok = await gateway.charge(req());
    expect(ok).toMatchObject({ outcome: "APPROVED", amountWon: 38_000, brand: "VISA", last4: "4242" });
    expect(ok.outcome === "APPROVED" && ok.providerRef).toMatch(/^ch_/);
    expect(await gateway.charge(req({ card: { ...CARD, number: "4000000000000002" } }))).toEqual({ outcome: "DECLINED", reason: "The card was declined" });
    expect(await gateway.charge(req({ card: { ...CARD, number: "4000000000009995" } }))).toEqual({ outcome: "INSUFFICIENT_FUNDS", reason: "Insufficient funds on this card" });
    await expect(gateway.charge(req({ card: { ...CARD, number: "4000000000000119" } }))).rejects.toBeInstanceOf(PaymentProviderError);
  });

  it("[M1] the same key with another request is MISMATCH, one still running is IN_PROGRESS; neither charges", async () => {
    const first = req();
    await gateway.charge(first);
    const mismatch = await gateway.charge({ ...first, amountWon: 39_000 }).catch((e: unknown) => e);
    expect(mismatch).toBeInstanceOf(IdempotencyConflictError);
    expect((mismatch as IdempotencyConflictError).kind).toBe("MISMATCH");

    await p.control.configure({ latencyMs: "400" });
    const slow = req();
    const running = gateway.charge(slow);
    await waitFor(() => gateway.findCharge(slow.idempotencyKey), (c) => c?.status === "PROCESSING", { what: "charge in flight", everyMs: 10 });
    const busy = await gateway.charge(slow).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(IdempotencyConflictError);
    expect(busy).toMatchObject({ kind: "IN_PROGRESS", retryAfterSec: 1 });
    expect(await running).toMatchObject({ outcome: "APPROVED" });
    expect(await p.control.charges({ status: "CAPTURED" })).toHaveLength(2);
  });

  it("[M2] void by key: a voided charge answers DECLINED 'This payment was cancelled'; findCharge reports the ledger", async () => {
    const r = req();
    expect(await gateway.findCharge(r.idempotencyKey)).toBeNull();
    await gateway.void(r.idempotencyKey);
    await gateway.void(r.idempotencyKey);
    expect(await gateway.charge(r)).toEqual({ outcome: "DECLINED", reason: "This payment was cancelled" });
    expect(await gateway.findCharge(r.idempotencyKey)).toMatchObject({ idempotencyKey: r.idempotencyKey, status: "VOIDED" });
    const ok = await gateway.charge(req());
    if (ok.outcome !== "APPROVED") throw new Error("not approved");
    const found = await p.control.charge(ok.providerRef);
    expect(await gateway.findCharge(found!.idempotencyKey)).toEqual({ providerRef: ok.providerRef, idempotencyKey: found!.idempotencyKey, amountWon: 38_000, status: "CAPTURED", createdAt: found!.createdAt });
  });

  it("[M2] findCharges answers many keys in one call; keys without a charge are absent", async () => {
    const a = req();
    const b = req({ amountWon: 12_000 });
    expect((await gateway.charge(a)).outcome).toBe("APPROVED");
    expect((await gateway.charge(b)).outcome).toBe("APPROVED");
    await gateway.void(b.idempotencyKey);
    const found = await gateway.findCharges([a.idempotencyKey, b.idempotencyKey, "gw-none"]);
    expect([...found.keys()].sort()).toEqual([a.idempotencyKey, b.idempotencyKey].sort());
    expect(found.get(a.idempotencyKey)).toMatchObject({ status: "CAPTURED", amountWon: 38_000 });
    expect(found.get(b.idempotencyKey)).toMatchObject({ status: "VOIDED", amountWon: 12_000 });
  });

  it("[M3][M4] refund is idempotent by key; another key is a clear error; an outage is a PaymentProviderError", async () => {
    const ok = await gateway.charge(req());
    if (ok.outcome !== "APPROVED") throw new Error("not approved");
    await p.control.configure({ refundOutageSeconds: 60 });
    await expect(gateway.refund({ providerRef: ok.providerRef, amountWon: 38_000, idempotencyKey: "refund:p1" })).rejects.toBeInstanceOf(PaymentProviderError);
    await p.control.configure({ refundOutageSeconds: 0 });
    await gateway.refund({ providerRef: ok.providerRef, amountWon: 38_000, idempotencyKey: "refund:p1" });
    await gateway.refund({ providerRef: ok.providerRef, amountWon: 38_000, idempotencyKey: "refund:p1" });
    const twice = await gateway.refund({ providerRef: ok.providerRef, amountWon: 38_000, idempotencyKey: "refund:other" }).catch((e: Error) => e);
    expect(twice).toBeInstanceOf(Error);
    expect(twice).not.toBeInstanceOf(PaymentProviderError);
    expect((twice as Error).message).toMatch(/already refunded under another idempotency key/);
    expect(await p.control.refunds(ok.providerRef)).toHaveLength(1);
  });

  it("[N3] an unreachable processor or a timeout is a PaymentProviderError; the breaker's abort signal cuts the call", async () => {
    const nowhere = new HttpProcessorGateway(`http://127.0.0.1:${await freePort()}`, { timeoutMs: 1000 });
    await expect(nowhere.charge(req())).rejects.toBeInstanceOf(PaymentProviderError);
    await expect(nowhere.findCharge("x")).rejects.toBeInstanceOf(PaymentProviderError);

    await p.control.configure({ latencyMs: "2000" });
    const t0 = performance.now();
    await expect(gateway.charge({ ...req(), signal: AbortSignal.timeout(100) })).rejects.toBeInstanceOf(PaymentProviderError);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("[N3] key conflicts pass through the breaker as they are and never open it", async () => {
    const payments = new ResilientPayments(gateway, { timeoutMs: 2000, consecutiveFailures: 2, halfOpenAfterMs: 60_000 });
    const first = req();
    await payments.charge(first);
    for (let i = 0; i < 4; i++) {
      await expect(payments.charge({ ...first, amountWon: 1000 + i })).rejects.toBeInstanceOf(IdempotencyConflictError);
    }
    expect(payments.state).toBe("closed");
    expect(payments.counts.failed).toBe(0);
  });
});
