"use client";
// At the door (D4, D5): the rider delivers — with a photo from the phone's camera and/or a note,
// and the name of a neighbour or concierge who took it — or records a failed attempt with its
// reason. The delivery is one multipart POST (the photo is stripped and stored on the server);
// the attempt is a tRPC mutation.
import { ATTEMPT_REASONS, DOMAIN_ERROR_CODES, type AttemptReason, type DomainErrorCode } from "@bloom/domain";
import { Camera, Check, DoorClosed } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextAreaField } from "~/components/ui/field";
import type { ClientError } from "~/lib/trpc-error";
import type { Delivery } from "./rider-delivery-cards";

export const doorFormId = (d: Delivery) => `door-${d.id}`;

const isDomainCode = (c: string): c is DomainErrorCode => (DOMAIN_ERROR_CODES as readonly string[]).includes(c);

/** The route's refusal as the client error shape, so the screen words it like any other. */
async function postDelivery(deliveryId: string, form: FormData): Promise<ClientError | null> {
  let res: Response;
  try {
    res = await fetch(`/api/deliveries/${deliveryId}/deliver`, { method: "POST", body: form });
  } catch {
    return { domainCode: null, retryAfterSec: null, httpStatus: null, fieldErrors: null, answered: false };
  }
  if (res.ok) return null;
  const code = ((await res.json().catch(() => null)) as { error?: { code?: string } } | null)?.error?.code ?? null;
  return { domainCode: code && isDomainCode(code) ? code : null, retryAfterSec: null, httpStatus: res.status, fieldErrors: null, answered: true };
}

export function DoorForm({
  delivery: d,
  onDelivered,
  onError,
  onAttempt,
  attemptPending,
  disabled,
}: {
  delivery: Delivery;
  onDelivered: (d: Delivery) => Promise<void>;
  onError: (e: ClientError) => void;
  onAttempt: (d: Delivery, reason: AttemptReason, note: string | null) => void;
  attemptPending: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("riderDoor");
  const reasons = useTranslations("attemptReason");
  const [sending, setSending] = useState(false);
  const [photoMissing, setPhotoMissing] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const photo = form.get("photo");
    if (d.requirePhoto && !(photo instanceof File && photo.size > 0)) {
      setPhotoMissing(true);
      document.getElementById(`${doorFormId(d)}-photo`)?.focus();
      return;
    }
    setSending(true);
    const refused = await postDelivery(d.id, form);
    setSending(false);
    if (refused) onError(refused);
    else await onDelivered(d);
  }

  function attempt(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const note = String(form.get("attemptNote") ?? "").trim();
    onAttempt(d, form.get("reason") as AttemptReason, note || null);
  }

  return (
    <div className="grid gap-4">
      <form id={doorFormId(d)} aria-label={t("formLabel")} className="grid gap-3" onSubmit={(e) => void submit(e)} data-testid="door-form">
        <Field
          id={`${doorFormId(d)}-photo`}
          name="photo"
          type="file"
          accept="image/*"
          capture="environment"
          label={
            <span className="inline-flex items-center gap-2">
              <Camera aria-hidden="true" className="size-4" />
              {t("photo")}
            </span>
          }
          hint={d.requirePhoto ? t("photoRequiredHint") : t("photoHint")}
          optionalText={d.requirePhoto ? undefined : t("optional")}
          required={d.requirePhoto}
          error={photoMissing ? t("photoMissing") : null}
          onChange={() => setPhotoMissing(false)}
        />
        <TextAreaField id={`${doorFormId(d)}-note`} name="note" label={t("note")} hint={t("noteHint")} optionalText={t("optional")} maxLength={300} rows={2} />
        <Field id={`${doorFormId(d)}-left-with`} name="leftWith" label={t("leftWith")} hint={t("leftWithHint")} optionalText={t("optional")} maxLength={80} autoComplete="off" />
        <Button type="submit" size="xl" variant="success" block pending={sending} pendingText={t("sending")} disabled={disabled || sending}>
          <Check aria-hidden="true" />
          {t("deliver")}
        </Button>
      </form>
      <details className="rounded-2xl border border-line p-3">
        <summary className="min-h-11 cursor-pointer content-center font-semibold">{t("cannotDeliver")}</summary>
        <form aria-label={t("attemptLabel")} className="mt-3 grid gap-3" onSubmit={attempt} data-testid="attempt-form">
          <SelectField id={`${doorFormId(d)}-reason`} name="reason" label={t("reason")} defaultValue="NOBODY_HOME">
            {ATTEMPT_REASONS.map((r) => (
              <option key={r} value={r}>
                {reasons(r)}
              </option>
            ))}
          </SelectField>
          <TextAreaField id={`${doorFormId(d)}-attempt-note`} name="attemptNote" label={t("attemptNote")} optionalText={t("optional")} maxLength={300} rows={2} />
          <p className="m-0 text-sm text-ink-soft">{t("attemptHint")}</p>
          <Button type="submit" size="lg" variant="secondary" block pending={attemptPending} pendingText={t("sending")} disabled={disabled}>
            <DoorClosed aria-hidden="true" />
            {t("recordAttempt")}
          </Button>
        </form>
      </details>
    </div>
  );
}
