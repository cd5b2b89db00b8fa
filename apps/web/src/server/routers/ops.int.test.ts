// Operators see queue depth and dead letters, and can retry a failed job; no one else can (E2).
import { WORKER_QUEUE_NAMES } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER, OWNER } from "../../../../../test/support/fixtures";
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

describe("operators' queue page", () => {
  it("[C5][C9] an admin sees every queue's depth and a failed job with its error, and retries it", async () => {
    const job = await queues().refund.add("Broken", { not: "an event" }, { attempts: 1, jobId: `broken-${Date.now()}` });
    await waitFor(() => job.getState(), (s) => s === "failed", { what: "job failed" });

    const overview = await admin.ops.queues();
    expect(overview.map((q) => q.name)).toContain("refund");
    expect(overview.find((q) => q.name === "refund")!.counts.failed).toBeGreaterThanOrEqual(1);
    const failed = await admin.ops.failed({ queue: "refund" });
    const mine = failed.find((j) => j.id === job.id);
    expect(mine?.error).toMatch(/Unsupported event version/);

    expect(await admin.ops.retry({ queue: "refund", jobId: job.id! })).toEqual({ retried: true });
    await waitFor(async () => (await queues().refund.getJob(job.id!))?.attemptsMade ?? 0, (n) => n >= 2, { what: "retried and run again" });
  });

  it("[C5][X4] the page lists every queue the worker runs, the webhook deliveries' too, and shows and retries a failed delivery job", async () => {
    const overview = await admin.ops.queues();
    const names = overview.map((q) => q.name);
    expect(names).toEqual([...WORKER_QUEUE_NAMES]);
    // The queues the running worker actually consumes (its BullMQ workers), not a list of the test's own.
    expect(new Set(names)).toEqual(new Set([...worker.workers.map((w) => w.name), worker.webhooks.worker.name]));
    expect(new Set(Object.keys(worker.everyQueue))).toEqual(new Set(names));
    expect(names).toContain("webhook-deliveries");

    // A delivery job that cannot run (its id is not a uuid) fails for good and shows with its delivery id.
    const job = await queues()["webhook-deliveries"].add("deliver", { deliveryId: "not-a-delivery" }, { attempts: 1, jobId: `broken-delivery-${Date.now()}` });
    await waitFor(() => job.getState(), (s) => s === "failed", { what: "delivery job failed" });
    const after = await admin.ops.queues();
    expect(after.find((q) => q.name === "webhook-deliveries")!.counts.failed).toBeGreaterThanOrEqual(1);
    const failed = await admin.ops.failed({ queue: "webhook-deliveries" });
    expect(failed.find((j) => j.id === job.id)).toMatchObject({ type: "deliver", deliveryId: "not-a-delivery", orderId: null });
    expect(await admin.ops.retry({ queue: "webhook-deliveries", jobId: job.id! })).toEqual({ retried: true });
    await waitFor(async () => (await queues()["webhook-deliveries"].getJob(job.id!))?.attemptsMade ?? 0, (n) => n >= 2, { what: "retried and run again" });
  });

  it("[C5] customers and owners get FORBIDDEN; bad input is refused", async () => {
    for (const caller of [as(CUSTOMER.id, "CUSTOMER"), as(OWNER.id, "OWNER")]) {
      await expect(caller.ops.queues()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(admin.ops.failed({ queue: "no-such-queue" } as never)).rejects.toBeInstanceOf(TRPCError);
    await expect(admin.ops.retry({ queue: "refund", jobId: "missing" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
