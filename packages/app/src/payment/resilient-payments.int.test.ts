// N3: when the processor is slow or failing, place-order fails fast with PAYMENT_BUSY and the
// breaker recovers by itself. Real database, the sandbox processor as its own process.
import { placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { CARDS, checkout, CUSTOMER } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";

const failing = () => checkout({ card: { number: CARDS.processingError, expiry: "12/30", cvc: "123" } });

beforeEach(() => resetOrders(testContext().db));
afterAll(() => closeDbs());

describe("payment circuit breaker", () => {
  it("[N3] opens after repeated failures, answers PAYMENT_BUSY fast with a retry-after, half-opens and closes by itself", async () => {
    const { ctx, payments, db } = testContext({ consecutiveFailures: 3, halfOpenAfterMs: 600, timeoutMs: 1000 });
    for (let i = 0; i < 3; i++) expect(await placeOrder(ctx, CUSTOMER.id, failing())).toMatchObject({ code: "PAYMENT_FAILED" });
    expect(payments.state).toBe("open");

    const t0 = performance.now();
    const busy = await placeOrder(ctx, CUSTOMER.id, checkout());
    const ms = performance.now() - t0;
    expect(busy).toMatchObject({ ok: false, code: "PAYMENT_BUSY", message: "Payment is busy — please try again in a moment" });
    expect(busy.retryAfterSec).toBeGreaterThanOrEqual(1);
    expect(ms).toBeLessThan(1000 / 4); // well under the gateway timeout: the processor was not called
    expect(await db.order.count()).toBe(0);

    await new Promise((r) => setTimeout(r, 650));
    const recovered = await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(recovered.ok).toBe(true);
    expect(payments.state).toBe("closed");
  });

  it("[N3] a slow processor times out: PAYMENT_BUSY, the late charge is voided, no order", async () => {
    const t = testContext({ latency: { min: 400, max: 400 }, timeoutMs: 100, consecutiveFailures: 2, halfOpenAfterMs: 60_000 });
    const { ctx, payments, db, control } = t;
    await t.ready; // the processor runs with 400 ms latency
    const slow = await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(slow).toMatchObject({ ok: false, code: "PAYMENT_BUSY" });
    // The processor finishes after we gave up: the charge it made lands voided, never captured.
    const charges = await waitFor(() => control.charges(), (cs) => cs.length === 1 && cs[0]!.status !== "PROCESSING", { what: "the late charge settled" });
    expect(charges[0]!.status).toBe("VOIDED");
    expect(await control.charges({ status: "CAPTURED" })).toHaveLength(0);
    await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(payments.state).toBe("open");
    expect(await db.order.count()).toBe(0);
  });

  it("[N3] declines are answers, not failures: they never open the breaker", async () => {
    const { ctx, payments } = testContext({ consecutiveFailures: 2 });
    for (let i = 0; i < 4; i++) {
      expect(await placeOrder(ctx, CUSTOMER.id, checkout({ card: { number: CARDS.decline, expiry: "12/30", cvc: "123" } }))).toMatchObject({ code: "PAYMENT_DECLINED" });
    }
    expect(payments.state).toBe("closed");
  });

  it("[N3] while the half-open probe is with a slow processor, other payments get PAYMENT_BUSY at once instead of waiting for it", async () => {
    const { ctx, payments, control } = testContext({ consecutiveFailures: 2, halfOpenAfterMs: 300, timeoutMs: 5000 });
    for (let i = 0; i < 2; i++) expect(await placeOrder(ctx, CUSTOMER.id, failing())).toMatchObject({ code: "PAYMENT_FAILED" });
    expect(payments.state).toBe("open");
    await new Promise((r) => setTimeout(r, 350));
    await control.configure({ latencyMs: "800" });
    const probe = placeOrder(ctx, CUSTOMER.id, checkout()); // goes to the processor: 800 ms
    await new Promise((r) => setTimeout(r, 50));
    expect(payments.state).toBe("half-open");
    const t0 = performance.now();
    const other = await placeOrder(ctx, CUSTOMER.id, checkout());
    expect(other).toMatchObject({ ok: false, code: "PAYMENT_BUSY" });
    expect(performance.now() - t0).toBeLessThan(200);
    expect((await probe).ok).toBe(true);
    expect(payments.state).toBe("closed");
  });
});
