// M4: refunds the processor has not confirmed yet are shown to operators with their attempts and
// last error, and an operator can make one due at once (after the processor is fixed). Admins only.
import { actOnStoreOrder, placeOrder } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../../test/support/app";
import { checkout, CUSTOMER, OWNER } from "../../../../../test/support/fixtures";
import { waitFor } from "../../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../../test/support/worker";
import { ADMIN_ID, callerAs } from "./test-callers";

const { ctx, db, control } = testContext();
const as = callerAs;
const admin = callerAs(ADMIN_ID, "ADMIN");

let worker: Awaited<ReturnType<typeof inProcessWorker>>;
beforeAll(async () => {
  // The real backoff (1 s doubling), so "try now" visibly brings the refund forward.
  worker = await inProcessWorker(uniquePrefix("ops-refunds"), undefined, { refundMaxBackoffMs: 600_000 });
});
beforeEach(() => resetOrders(db));
afterAll(async () => {
  await worker.stop();
  await closeDbs();
});

describe("operators see refunds waiting for the processor", () => {
  it("[M4][C5] a failing refund is listed with its attempts and error; 'try now' makes it due at once; admins only", async () => {
    const placed = await placeOrder(ctx, CUSTOMER.id, checkout());
    if (!placed.ok) throw new Error(placed.message);
    await waitFor(() => db.storeOrder.findUnique({ where: { orderId: placed.order.id } }), (s) => s !== null, { what: "on the board" });
    await control.configure({ refundOutageSeconds: 60 });
    expect((await actOnStoreOrder(ctx, { id: OWNER.id, role: "OWNER" }, placed.order.id, { kind: "reject", reason: "OUT_OF_FLOWERS" })).ok).toBe(true);
    // Three failed attempts (at once, after 1 s, after 2 s); the next is 4 s away.
    const listed = await waitFor(() => admin.ops.refunds(), (rs) => rs.length === 1 && rs[0]!.attempts === 3, { what: "the failing refund listed", timeoutMs: 20_000, everyMs: 20 });
    expect(listed[0]).toMatchObject({ orderId: placed.order.id, amountWon: 59000, cause: "REJECTED", lastError: expect.stringMatching(/.+/) });
    await expect(as(CUSTOMER.id, "CUSTOMER").ops.refunds()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(as(CUSTOMER.id, "CUSTOMER").ops.retryRefund({ paymentId: listed[0]!.paymentId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    await control.configure({ refundOutageSeconds: 0 });
    expect(Date.parse(listed[0]!.nextAt!)).toBeGreaterThan(Date.now() + 2000);
    expect(await admin.ops.retryRefund({ paymentId: listed[0]!.paymentId })).toEqual({ due: true });
    // Well before the backoff would have brought it back.
    await waitFor(() => db.payment.findUniqueOrThrow({ where: { orderId: placed.order.id } }), (p) => p.status === "REFUNDED", { what: "refunded after 'try now'", timeoutMs: 2000 });
    expect(await admin.ops.refunds()).toEqual([]);
    await expect(admin.ops.retryRefund({ paymentId: listed[0]!.paymentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
