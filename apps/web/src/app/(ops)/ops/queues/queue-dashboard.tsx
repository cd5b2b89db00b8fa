"use client";
// Queue depth per policy and the failed jobs (dead letters) of one queue, with retry of one job or
// of all of them (E2: after an outage an operator hands a whole queue's failures back at once), and
// the refunds the processor has not confirmed yet (M4): they retry by themselves; "Try now" skips
// the backoff once the processor is known to be back.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "~/components/ui/button";
import { Panel } from "~/components/ui/card";
import { LIVE_FALLBACK_MS, useTRPC } from "~/trpc/react";

const COUNTS = ["waiting", "active", "delayed", "failed", "completed"] as const;

export function QueueDashboard() {
  const t = useTranslations("ops");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);
  const queues = useQuery(trpc.ops.queues.queryOptions(undefined, { refetchInterval: LIVE_FALLBACK_MS / 6 }));
  const failed = useQuery(trpc.ops.failed.queryOptions({ queue: selected ?? "refund" }, { enabled: selected !== null }));
  const retry = useMutation(
    trpc.ops.retry.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const retryAll = useMutation(
    trpc.ops.retryAll.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const failedCount = queues.data?.find((q) => q.name === selected)?.counts.failed ?? 0;
  const refunds = useQuery(trpc.ops.refunds.queryOptions(undefined, { refetchInterval: LIVE_FALLBACK_MS / 6 }));
  const retryRefund = useMutation(trpc.ops.retryRefund.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }));

  return (
    <div className="mx-auto grid max-w-5xl gap-4">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <p className="text-muted">{t("intro")}</p>
      <Panel>
        <table className="w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="py-2">{t("queue")}</th>
              {COUNTS.map((c) => (
                <th key={c} scope="col" className="py-2 text-right">{t(c)}</th>
              ))}
              <th scope="col"><span className="sr-only">{t("show")}</span></th>
            </tr>
          </thead>
          <tbody>
            {queues.data?.map((q) => (
              <tr key={q.name} className="border-t border-line" data-testid="queue-row" data-queue={q.name}>
                <th scope="row" className="py-2 font-mono">{q.name}</th>
                {COUNTS.map((c) => (
                  <td key={c} className="py-2 text-right tabular-nums">{q.counts[c] ?? 0}</td>
                ))}
                <td className="py-2 text-right">
                  <Button size="sm" variant="secondary" onClick={() => setSelected(q.name)} aria-label={`${t("show")}: ${q.name}`}>
                    {t("failed")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel>
        <h2 className="mb-2 text-lg font-semibold">{t("refundsHeading")}</h2>
        {refunds.data?.length === 0 && <p>{t("noRefunds")}</p>}
        <ul className="grid gap-2">
          {refunds.data?.map((r) => (
            <li key={r.paymentId} className="rounded-xl border border-line p-3 text-sm" data-testid="pending-refund">
              <p className="font-mono">{t("order")} {r.orderId} · ₩{r.amountWon.toLocaleString("en-US")} · {r.cause ?? "—"}</p>
              <p>{t("attempts")}: {r.attempts}</p>
              {r.lastError && <p>{t("error")}: {r.lastError}</p>}
              <Button size="sm" variant="secondary" onClick={() => retryRefund.mutate({ paymentId: r.paymentId })} pending={retryRefund.isPending}>
                {t("refundNow")}
              </Button>
            </li>
          ))}
        </ul>
      </Panel>
      {selected && (
        <Panel>
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-lg font-semibold">{t("failedJobs", { queue: selected })}</h2>
            <Button
              size="sm"
              variant="secondary"
              disabled={failedCount === 0}
              pending={retryAll.isPending}
              onClick={() => retryAll.mutate({ queue: selected })}
            >
              {t("retryAll", { count: failedCount })}
            </Button>
          </div>
          {failed.data?.length === 0 && <p>{t("noFailed")}</p>}
          <ul className="grid gap-2">
            {failed.data?.map((j) => (
              <li key={j.id} className="rounded-xl border border-line p-3 text-sm">
                <p className="font-mono">
                  {j.type} · {j.deliveryId ? `${t("webhookDelivery")} ${j.deliveryId}` : `${t("order")} ${j.orderId ?? "—"}`}
                </p>
                <p>{t("error")}: {j.error}</p>
                <p>{t("attempts")}: {j.attempts}</p>
                <Button size="sm" onClick={() => retry.mutate({ queue: selected, jobId: j.id })} pending={retry.isPending}>
                  {t("retry")}
                </Button>
              </li>
            ))}
          </ul>
          {retry.isSuccess && <p role="status">{t("retried")}</p>}
          {retryAll.isSuccess && <p role="status">{t("retriedAll", { count: retryAll.data.retried })}</p>}
        </Panel>
      )}
    </div>
  );
}
