"use client";
// W3: cancellations and failed deliveries announced on the board: a banner per order with the
// time and the customer's reason, read out (aria-live) and rung with the new-order beep when one
// arrives while the board is open. Dismissed on this tablet (remembered in localStorage).
import { orderNumberLabel } from "@bloom/domain";
import { BellRing, X } from "lucide-react";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useNewOrderAlert } from "~/components/board-new-order-alert";
import { isoDateTime, useFormat } from "~/lib/format";

export type BoardAlert = { orderId: string; storeId: string; kind: "CANCELLED" | "ATTEMPT_FAILED"; at: Date | string; reason: string | null };

const DISMISSED_KEY = "bloom.board.dismissed";
const keyOf = (a: BoardAlert) => `${a.kind}:${a.orderId}:${new Date(a.at).getTime()}`;

function readDismissed(): string[] {
  try {
    const v: unknown = JSON.parse(window.localStorage.getItem(DISMISSED_KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function BoardAlerts({ alerts, scope, sound }: { alerts: readonly BoardAlert[] | undefined; scope: string; sound: boolean }) {
  const t = useTranslations("board.alerts");
  const reasons = useTranslations("attemptReason");
  const f = useFormat();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  useEffect(() => setDismissed(new Set(readDismissed())), []);

  const shown = useMemo(() => (alerts ?? []).filter((a) => !dismissed.has(keyOf(a))), [alerts, dismissed]);
  const text = useCallback(
    (a: BoardAlert) => t(a.kind === "CANCELLED" ? "cancelled" : "attemptFailed", { no: orderNumberLabel(a.orderId), time: f.time(a.at) }),
    [t, f],
  );
  const reasonOf = (a: BoardAlert) => {
    if (!a.reason) return a.kind === "CANCELLED" ? t("noReason") : null;
    const known = a.kind === "ATTEMPT_FAILED" && reasons.has(a.reason as never) ? reasons(a.reason as never) : a.reason;
    return t("reason", { reason: known });
  };
  // The same ring as a new order, for an alert that arrives while the board is open.
  const keys = useMemo(() => alerts?.map(keyOf), [alerts]);
  useNewOrderAlert(keys, scope, sound, () => "");

  function dismiss(a: BoardAlert) {
    const next = new Set(dismissed).add(keyOf(a));
    setDismissed(next);
    try {
      window.localStorage.setItem(DISMISSED_KEY, JSON.stringify([...next].slice(-200)));
    } catch {
      // Private mode: dismissed for this page view only.
    }
  }

  return (
    <section aria-label={t("region")} className={shown.length ? "mb-4" : "sr-only"}>
      <ul aria-live="assertive" aria-relevant="additions" className="m-0 grid list-none gap-2 p-0">
        {shown.slice(0, 6).map((a) => (
          <li
            key={keyOf(a)}
            data-testid="board-alert"
            data-order-id={a.orderId}
            data-kind={a.kind}
            className="flex items-start gap-3 rounded-2xl bg-danger-50 px-4 py-3 text-danger-800 ring-1 ring-danger-100"
          >
            <BellRing aria-hidden="true" className="mt-0.5 size-5 shrink-0" />
            <p className="m-0 min-w-0 flex-1">
              <strong>{text(a)}</strong> <time dateTime={isoDateTime(a.at)} className="sr-only">{f.dateTime(a.at)}</time>
              {reasonOf(a) && <span className="block text-sm">{reasonOf(a)}</span>}
            </p>
            <button
              type="button"
              onClick={() => dismiss(a)}
              aria-label={t("dismissAria", { no: orderNumberLabel(a.orderId) })}
              className="inline-flex min-h-11 min-w-11 shrink-0 items-center justify-center gap-1 rounded-xl px-2 text-sm font-bold hover:bg-danger-100 focus-visible:ring-3 focus-visible:ring-focus focus-visible:outline-none"
            >
              <X aria-hidden="true" className="size-4" />
              <span aria-hidden="true">{t("dismiss")}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
