"use client";
// Photo approval on the florist's card (W1): once the bouquet is arranged, a photo from the
// tablet's camera (or a file) with any substitutions goes to the sender, who approves it or asks for
// one change within the shop's window; silence approves. The card shows where it stands: waiting
// until when, the sender's note to act on, or approved. The photo is one multipart POST (stripped
// and stored on the server, like the rider's door photo).
import { DOMAIN_ERROR_CODES, orderNumberLabel, type DomainErrorCode } from "@bloom/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Camera, Clock, MessageSquareWarning, Send } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, TextAreaField } from "~/components/ui/field";
import { useToast } from "~/components/ui/toast";
import { useErrorMessage } from "~/lib/error-message";
import { isoDateTime, useFormat } from "~/lib/format";
import type { ClientError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

export type BoardArrangementData = {
  required: boolean;
  windowMinutes: number;
  arrangement: {
    status: string;
    round: number;
    substitutions: string | null;
    changeNote: string | null;
    dueAt: Date | string | null;
    approvedBy: string | null;
  } | null;
};

const isDomainCode = (c: string): c is DomainErrorCode => (DOMAIN_ERROR_CODES as readonly string[]).includes(c);

/** The route's refusal as the client error shape, so the card words it like any other. */
async function postPhoto(orderId: string, form: FormData): Promise<ClientError | null> {
  let res: Response;
  try {
    res = await fetch(`/api/store-orders/${orderId}/arrangement-photo`, { method: "POST", body: form });
  } catch {
    return { domainCode: null, retryAfterSec: null, httpStatus: null, fieldErrors: null, answered: false };
  }
  if (res.ok) return null;
  const code = ((await res.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code ?? null;
  return { domainCode: code && isDomainCode(code) ? code : null, retryAfterSec: null, httpStatus: res.status, fieldErrors: null, answered: true };
}

/** Whether "Decoration done" may send the bouquet out without a photo (the flow before W1). */
export function decorationDoneAllowed(data: BoardArrangementData | undefined): boolean {
  if (!data) return false;
  return !data.required && (!data.arrangement || data.arrangement.status === "WITHDRAWN");
}

export function BoardArrangement({ orderId, data }: { orderId: string; data: BoardArrangementData }) {
  const t = useTranslations("arrangement.board");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [sending, setSending] = useState(false);
  const [photoMissing, setPhotoMissing] = useState(false);
  const [refused, setRefused] = useState<ClientError | null>(null);
  const no = orderNumberLabel(orderId);
  const a = data.arrangement;
  const formId = `arrangement-${orderId}`;
  const canSend = !a || a.status === "CHANGE_REQUESTED";

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const photo = form.get("photo");
    if (!(photo instanceof File && photo.size > 0)) {
      setPhotoMissing(true);
      document.getElementById(`${formId}-photo`)?.focus();
      return;
    }
    setSending(true);
    setRefused(null);
    const r = await postPhoto(orderId, form);
    setSending(false);
    if (r) {
      setRefused(r);
      return;
    }
    toast.show(t("sent", { no }));
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.store.arrangement.queryKey({ orderId }) }),
      queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() }),
    ]);
  }

  return (
    <section aria-labelledby={`${formId}-title`} className="grid gap-2 rounded-xl border border-line bg-surface-2/60 p-3" data-testid="board-arrangement" data-arrangement-status={a?.status ?? "NONE"}>
      <h4 id={`${formId}-title`} className="m-0 flex items-center gap-2 text-sm font-bold">
        <Camera aria-hidden="true" className="size-4" />
        {t("title")}
      </h4>
      {a && a.status !== "WITHDRAWN" && (
        // A private, access-checked photo; the round in the address, so a new photo is fetched anew.
        <img src={`/api/orders/${orderId}/arrangement-photo?r=${a.round}`} alt={t("photoAlt", { no })} loading="lazy" className="max-h-48 w-full rounded-lg object-contain" data-testid="board-arrangement-photo" />
      )}
      {a?.substitutions && <p className="m-0 text-sm">{t("substitutions", { text: a.substitutions })}</p>}
      {a?.status === "AWAITING" && a.dueAt && (
        <p className="m-0 flex items-start gap-2 rounded-lg bg-info-50 px-2 py-1 text-sm font-semibold text-info-800" data-testid="board-arrangement-awaiting">
          <Clock aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <time dateTime={isoDateTime(a.dueAt)}>{t("awaiting", { time: f.time(a.dueAt) })}</time>
        </p>
      )}
      {a?.status === "CHANGE_REQUESTED" && (
        <div className="grid gap-1 rounded-lg bg-warning-50 px-2 py-1.5 text-sm text-warning-800 ring-1 ring-warning-100" role="note" data-testid="board-arrangement-change">
          <strong className="flex items-center gap-2">
            <MessageSquareWarning aria-hidden="true" className="size-4 shrink-0" />
            {t("changeRequested")}
          </strong>
          <span className="font-semibold">“{a.changeNote}”</span>
        </div>
      )}
      {a?.status === "APPROVED" && <p className="m-0 text-sm font-semibold text-leaf-800">{a.approvedBy === "timeout" ? t("approvedByTimeout") : t("approvedBySender")}</p>}

      {canSend && (
        <form id={formId} aria-label={t("title")} className="grid gap-2" onSubmit={(e) => void submit(e)} data-testid="board-arrangement-form">
          {!a && <p className="m-0 text-sm text-ink-soft">{data.required ? t("required") : t("optionalLead")}</p>}
          <Field
            id={`${formId}-photo`}
            name="photo"
            type="file"
            accept="image/*"
            capture="environment"
            label={t("photoLabel")}
            hint={t("photoHint")}
            required
            error={photoMissing ? t("noPhoto") : null}
            onChange={() => setPhotoMissing(false)}
          />
          <TextAreaField
            id={`${formId}-substitutions`}
            name="substitutions"
            label={t("substitutionsLabel")}
            hint={t("substitutionsHint")}
            optionalText={t("optional")}
            maxLength={300}
            rows={2}
            defaultValue={a?.substitutions ?? ""}
          />
          {a?.status === "CHANGE_REQUESTED" && <p className="m-0 text-xs text-muted">{t("secondRound")}</p>}
          {refused && <Alert>{errorMessage(refused)}</Alert>}
          <Button type="submit" size="lg" className="px-4 leading-tight whitespace-normal" pending={sending} pendingText={t("sending")} disabled={sending}>
            <Send aria-hidden="true" />
            {a ? t("sendAgain") : t("send")}
          </Button>
        </form>
      )}
    </section>
  );
}
