// Operators (ADMIN): queue depth per policy, failed jobs with their error, retry one or all
// (E2); refunds the processor has not confirmed yet, with their attempts and last error (M4).
import { pendingRefunds, retryRefundNow, WORKER_QUEUE_NAMES, type WorkerQueueName } from "@bloom/app";
import { textField } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { queues } from "../queues";
import { adminProcedure, router } from "../trpc";

const queueName = z.enum(WORKER_QUEUE_NAMES as [string, ...string[]]);

export const opsRouter = router({
  refunds: adminProcedure.query(async ({ ctx }) =>
    (await pendingRefunds(ctx.db)).map((r) => ({
      ...r,
      requestedAt: r.requestedAt ? new Date(r.requestedAt).toISOString() : null,
      nextAt: r.nextAt ? new Date(r.nextAt).toISOString() : null,
    })),
  ),
  retryRefund: adminProcedure.input(z.object({ paymentId: z.uuid() })).mutation(async ({ ctx, input }) => {
    if (!(await retryRefundNow(ctx.db, input.paymentId))) throw new TRPCError({ code: "NOT_FOUND", message: "No pending refund for this payment" });
    return { due: true };
  }),
  queues: adminProcedure.query(async () =>
    Promise.all(
      WORKER_QUEUE_NAMES.map(async (name) => ({
        name,
        counts: await queues()[name].getJobCounts("waiting", "active", "delayed", "failed", "completed"),
      })),
    ),
  ),
  failed: adminProcedure.input(z.object({ queue: queueName })).query(async ({ input }) => {
    const jobs = await queues()[input.queue as WorkerQueueName].getFailed(0, 49);
    return jobs.map((j) => ({
      id: j.id ?? "",
      type: j.name,
      orderId: (j.data as { orderId?: string } | null)?.orderId ?? null,
      /** X4: a webhook delivery's job names its delivery, not an event. */
      deliveryId: (j.data as { deliveryId?: string } | null)?.deliveryId ?? null,
      error: j.failedReason,
      attempts: j.attemptsMade,
      failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : null,
    }));
  }),
  retry: adminProcedure.input(z.object({ queue: queueName, jobId: textField({ min: 1, max: 200 }) })).mutation(async ({ input }) => {
    const job = await queues()[input.queue as WorkerQueueName].getJob(input.jobId);
    if (!job || !(await job.isFailed())) throw new TRPCError({ code: "NOT_FOUND", message: "No failed job with this id" });
    await job.retry("failed");
    return { retried: true };
  }),
  /**
   * E2: every failed job of one queue back to waiting at once (after an outage, or a fix for a bug
   * that failed them). Jobs failed from now on are not included, so this always ends.
   */
  retryAll: adminProcedure.input(z.object({ queue: queueName })).mutation(async ({ input }) => {
    const q = queues()[input.queue as WorkerQueueName];
    const before = await q.getFailedCount();
    await q.retryJobs({ state: "failed", count: 1000, timestamp: Date.now() });
    return { retried: before };
  }),
});
