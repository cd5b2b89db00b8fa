"use client";
// Queue depth per policy and the failed jobs (dead letters) of one queue, with retry of one job or
// of all of them (E2: after an outage an operator hands a whole queue's failures back at once).
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
                <p className="font-mono">{j.type} · {t("order")} {j.orderId ?? "—"}</p>
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
