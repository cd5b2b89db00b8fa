"use client";
// The order's status timeline (B2): every step of the way from "Placed" to "Delivered" with the
// time it happened, the current step marked, the steps still to come shown faintly. A stopped
// order (rejected, cancelled) shows what happened, in order, ending with the stop and its reason.
import type { OrderStatus } from "@bloom/domain";
import { Check } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "~/lib/cn";
import { isoDateTime, useFormat } from "~/lib/format";
import { useRejectReasonText } from "~/lib/reject-reason";
import { ORDER_PROGRESS } from "~/lib/status";

type HistoryEntry = { id: string; status: OrderStatus; note: string | null; at: Date | string };
type Step = { key: string; status: OrderStatus; at: Date | string | null; note: string | null; state: "done" | "current" | "upcoming" | "stopped" };

function stepsOf(status: OrderStatus, history: HistoryEntry[]): Step[] {
  const stopped = status === "CANCELLED" || status === "REJECTED";
  if (stopped) {
    return history.map((h, i) => ({ key: h.id, status: h.status, at: h.at, note: h.note, state: i === history.length - 1 ? "stopped" : "done" }));
  }
  const reached = ORDER_PROGRESS.indexOf(status);
  return ORDER_PROGRESS.map((s, i) => {
    const h = history.find((x) => x.status === s);
    return { key: s, status: s, at: h?.at ?? null, note: h?.note ?? null, state: i < reached ? "done" : i === reached ? (s === "DELIVERED" ? "done" : "current") : "upcoming" };
  });
}

export function OrderTimeline({ status, history }: { status: OrderStatus; history: HistoryEntry[] }) {
  const t = useTranslations("order.timeline");
  const tStatus = useTranslations("status.order");
  const f = useFormat();
  const reasonText = useRejectReasonText();
  const steps = stepsOf(status, history);

  return (
    <ol className="m-0 grid list-none p-0" aria-label={t("label")}>
      {steps.map((s, i) => (
        <li key={s.key} className="relative grid grid-cols-[2rem_1fr] gap-x-3 pb-5 last:pb-0" aria-current={s.state === "current" ? "step" : undefined}>
          {i < steps.length - 1 && (
            <span aria-hidden="true" className={cn("absolute top-8 bottom-0 left-[0.95rem] w-0.5", s.state === "done" ? "bg-leaf-600" : "bg-line")} />
          )}
          <span
            aria-hidden="true"
            className={cn(
              "relative z-10 grid size-8 place-items-center rounded-full border-2 text-sm font-bold",
              s.state === "done" && "border-leaf-600 bg-leaf-600 text-white",
              s.state === "current" &&
                "border-brand-600 bg-brand-50 text-brand-700 after:pointer-events-none after:absolute after:-inset-0.5 after:rounded-full after:border-2 after:border-brand-600 after:opacity-0 after:content-[''] motion-safe:after:animate-ripple",
              s.state === "upcoming" && "border-line bg-surface text-muted",
              s.state === "stopped" && "border-danger-700 bg-danger-50 text-danger-700",
            )}
          >
            {s.state === "done" ? <Check className="size-4" /> : s.state === "stopped" ? "!" : i + 1}
          </span>
          <div className="min-w-0 pt-1">
            <p className={cn("m-0 font-semibold", s.state === "upcoming" && "text-muted", s.state === "stopped" && "text-danger-800")}>
              {tStatus(s.status)}
              {s.state === "current" && <span className="sr-only"> ({t("now")})</span>}
              {s.state === "upcoming" && <span className="sr-only"> ({t("notYet")})</span>}
            </p>
            {s.at && (
              <time className="block text-sm text-muted" dateTime={isoDateTime(s.at)}>
                {f.dateTime(s.at)}
              </time>
            )}
            {s.note && <p className="mt-1 mb-0 text-sm text-ink-soft">“{reasonText(s.note)}”</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
