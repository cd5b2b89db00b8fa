// E2: operators hand every failed job of a queue back at once, beside the per-job retry.
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER } from "../../../../../test/support/fixtures";
import { waitFor } from "../../../../../test/support/wait";
import { inProcessWorker } from "../../../../../test/support/worker";
import { env } from "~/env";
import { queues } from "../queues";
import { ADMIN_ID, callerAs } from "./test-callers";

const as = callerAs;
const admin = callerAs(ADMIN_ID, "ADMIN");

let worker: Awaited<ReturnType<typeof inProcessWorker>>;
beforeAll(async () => {
  worker = await inProcessWorker(env.QUEUE_PREFIX);
});
afterAll(async () => {
  await worker.stop();
  await closeDbs();
});

describe("operators' bulk retry", () => {
  it("[E2][C5] retry all failed jobs of one queue: every one runs again, other queues untouched; admins only", async () => {
    const q = queues()["delivery-request"];
    const other = queues()["store-pickup"];
    const stamp = Date.now();
    const jobs = await Promise.all([0, 1, 2].map((i) => q.add("Broken", { not: "an event" }, { attempts: 1, jobId: `bulk-${stamp}-${i}` })));
    const elsewhere = await other.add("Broken", { not: "an event" }, { attempts: 1, jobId: `bulk-other-${stamp}` });
    for (const j of [...jobs, elsewhere]) await waitFor(() => j.getState(), (s) => s === "failed", { what: `${j.id} failed` });

    await expect(as(CUSTOMER.id, "CUSTOMER").ops.retryAll({ queue: "delivery-request" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = (await admin.ops.queues()).find((x) => x.name === "delivery-request")!.counts.failed ?? 0;
    const r = await admin.ops.retryAll({ queue: "delivery-request" });
    expect(r.retried).toBe(before);
    expect(r.retried).toBeGreaterThanOrEqual(3);
    for (const j of jobs) {
      await waitFor(async () => (await q.getJob(j.id!))?.attemptsMade ?? 0, (n) => n >= 2, { what: `${j.id} run again` });
    }
    expect((await other.getJob(elsewhere.id!))!.attemptsMade).toBe(1);
    expect(await other.getJobState(elsewhere.id!)).toBe("failed");
  });
});
