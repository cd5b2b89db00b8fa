"use client";
// Photo approval for the sender (W1), on the order page and MyPage: the photo of the arranged
// bouquet (served only to the sender and the shop), the florist's substitutions, and — until the
// shop's window ends — approve, or ask for one change with a short note. Silence approves.
import { ARRANGEMENT_NOTE_MAX } from "@bloom/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Check, MessageSquarePlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { useToast } from "~/components/ui/toast";
import { useErrorMessage } from "~/lib/error-message";
import { isoDateTime, useFormat } from "~/lib/format";
import { lazyModule } from "~/lib/lazy-module";
import { useTRPC } from "~/trpc/react";

// The answer's schema (the server's) loads when the sender starts the change note, not with the page (P1).
const arrangementSchemas = lazyModule(() => import("@bloom/domain/arrangement"));

export function ArrangementReview({ orderId }: { orderId: string }) {
  const t = useTranslations("arrangement.review");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [noteError, setNoteError] = useState<string | null>(null);
  const query = useQuery(trpc.mypage.arrangement.queryOptions({ orderId }));
  const answer = useMutation(
    trpc.mypage.answerArrangement.mutationOptions({
      onSuccess: (r) => {
        setAsking(false);
        if (r.status === "APPROVED") toast.show(t("approvedToast"));
      },
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.mypage.arrangement.queryKey({ orderId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.mypage.orders.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.order.get.queryKey({ orderId }) }),
        ]),
    }),
  );
  const a = query.data;
  if (!a || a.status === "WITHDRAWN") return null;

  const sendChange = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const note = String(new FormData(e.currentTarget).get("note") ?? "");
    const { arrangementAnswerSchema } = await arrangementSchemas.load();
    const parsed = arrangementAnswerSchema.safeParse({ kind: "change", note });
    if (!parsed.success) {
      setNoteError(t("noteHint"));
      document.getElementById(`${id}-note`)?.focus();
      return;
    }
    setNoteError(null);
    answer.mutate({ orderId, answer: parsed.data });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="mt-4 grid gap-3 rounded-2xl border border-line bg-surface-2/60 p-3" data-testid="arrangement-review" data-arrangement-status={a.status}>
      <h3 id={`${id}-title`} className="m-0 text-base font-bold">
        {t("title")}
      </h3>
      {/* A private, access-checked photo; the round in the address, so a new photo is fetched anew. */}
      <img src={`/api/orders/${orderId}/arrangement-photo?r=${a.round}`} alt={t("photoAlt")} loading="lazy" className="max-h-80 w-full rounded-xl object-contain" data-testid="arrangement-photo" />
      {a.substitutions && (
        <dl className="m-0 grid gap-0.5 text-sm">
          <dt className="font-semibold text-muted">{t("substitutions")}</dt>
          <dd className="m-0 whitespace-pre-line" data-testid="arrangement-substitutions">
            {a.substitutions}
          </dd>
        </dl>
      )}

      {a.status === "AWAITING" && a.canAnswer && (
        <>
          <p className="m-0 text-sm">{a.round > 1 ? t("secondPhoto") : t("lead")}</p>
          {a.dueAt && (
            <p className="m-0 text-sm font-semibold">
              <time dateTime={isoDateTime(a.dueAt)}>{t("answerBy", { time: f.time(a.dueAt) })}</time>
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button variant="success" onClick={() => answer.mutate({ orderId, answer: { kind: "approve" } })} pending={answer.isPending && answer.variables?.answer.kind === "approve"} pendingText={t("approving")} disabled={answer.isPending}>
              <Check aria-hidden="true" />
              {t("approve")}
            </Button>
            {a.canRequestChange && !asking && (
              <Button variant="secondary" onClick={() => setAsking(true)} disabled={answer.isPending} aria-expanded={false} aria-controls={`${id}-change`}>
                <MessageSquarePlus aria-hidden="true" />
                {t("askChange")}
              </Button>
            )}
          </div>
          {asking && (
            <form id={`${id}-change`} aria-label={t("askChange")} className="grid gap-2" onSubmit={(e) => void sendChange(e)} onFocusCapture={() => void arrangementSchemas.load().catch(() => {})} data-testid="arrangement-change-form">
              <TextAreaField id={`${id}-note`} name="note" label={t("noteLabel")} hint={t("noteHint")} maxLength={ARRANGEMENT_NOTE_MAX} rows={3} required error={noteError} autoFocus />
              <div className="flex flex-wrap gap-2">
                <Button type="submit" pending={answer.isPending} pendingText={t("sending")} disabled={answer.isPending}>
                  {t("sendChange")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => setAsking(false)} disabled={answer.isPending}>
                  {t("cancel")}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
      {a.status === "CHANGE_REQUESTED" && (
        <div className="grid gap-1 text-sm" role="status">
          {a.changeNote && <p className="m-0 font-semibold">{t("yourNote", { note: a.changeNote })}</p>}
          <p className="m-0">{t("changeSent")}</p>
        </div>
      )}
      {a.status === "APPROVED" && (
        <p className="m-0 text-sm font-semibold text-leaf-800" data-testid="arrangement-approved">
          {a.approvedBy === "timeout" ? t("approvedByTimeout") : t("approvedBySender")}
        </p>
      )}
      {answer.error && <Alert>{errorMessage(answer.error)}</Alert>}
    </section>
  );
}
