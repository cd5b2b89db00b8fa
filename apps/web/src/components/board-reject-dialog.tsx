"use client";
// Rejecting an order asks why (F6): out of flowers, out of materials, or the owner's own words.
// The payment is refunded by the compensating job (F7), so the owner is told that, not asked to.
import { REJECT_REASONS, type RejectReason } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/button";
import { TextAreaField } from "~/components/field";
import { useToast } from "~/components/toast";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { focusBoardOrder, REJECT_REASON_LABEL, shortOrderNo, type BoardOrder } from "./board-labels";
import styles from "./board-reject-dialog.module.css";

const DETAIL_MAX = 200;

export function BoardRejectDialog({ order, onClose }: { order: BoardOrder | null; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (order && !dialog.open) dialog.showModal();
    else if (!order && dialog.open) dialog.close();
  }, [order]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(e) => e.preventDefault()}>
      {/* Keyed by order so every opening starts with a clean form. */}
      {order && <RejectForm key={order.orderId} order={order} titleId={titleId} onClose={onClose} />}
    </dialog>
  );
}

function RejectForm({ order, titleId, onClose }: { order: BoardOrder; titleId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const formRef = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState<RejectReason | null>(null);
  const [detail, setDetail] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; detail?: string }>({});
  const reasonErrorId = useId();
  const no = shortOrderNo(order.orderId);

  const reject = useMutation(
    trpc.store.reject.mutationOptions({
      onSuccess: async () => {
        toast.show(`Order ${no} rejected. The customer's payment is refunded automatically.`);
        await queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() });
        onClose();
        focusBoardOrder(order.orderId);
      },
      onError: (error) => {
        const code = readError(error).domainCode;
        if (code === "INVALID_TRANSITION" || code === "NOT_FOUND") void queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() });
      },
    }),
  );

  // Start on the first reason; Escape closes unless the request is in flight.
  useEffect(() => {
    formRef.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }, []);
  useEffect(() => {
    const dialog = formRef.current?.closest("dialog");
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !reject.isPending) onClose();
    };
    dialog?.addEventListener("keydown", onKey);
    return () => dialog?.removeEventListener("keydown", onKey);
  }, [onClose, reject.isPending]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!reason) next.reason = "Pick a reason";
    if (reason === "OTHER" && !detail.trim()) next.detail = "Describe the reason";
    if (detail.trim().length > DETAIL_MAX) next.detail = `Keep it under ${DETAIL_MAX} characters`;
    setErrors(next);
    if (next.reason || next.detail) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('fieldset[aria-invalid="true"] input, textarea[aria-invalid="true"]')?.focus());
      return;
    }
    reject.mutate({ orderId: order.orderId, reason: reason!, detail: reason === "OTHER" ? detail.trim() : undefined });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <h2 id={titleId} className="dialog__title">
        Reject order {no}?
      </h2>
      <p className={styles.lead}>
        For {order.recipientName}. The customer is told and their payment is refunded automatically.
      </p>

      <fieldset className={styles.reasons} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? reasonErrorId : undefined}>
        <legend className="field__label">Reason</legend>
        {REJECT_REASONS.map((r) => (
          <label key={r} className={styles.reason}>
            <input
              type="radio"
              name="reason"
              value={r}
              checked={reason === r}
              onChange={() => {
                setReason(r);
                setErrors((x) => ({ ...x, reason: undefined }));
              }}
            />
            {REJECT_REASON_LABEL[r]}
          </label>
        ))}
        {errors.reason && (
          <p id={reasonErrorId} className="field__error">
            <span aria-hidden="true">⚠ </span>
            {errors.reason}
          </p>
        )}
      </fieldset>

      {reason === "OTHER" && (
        <TextAreaField
          className={styles.detail}
          label="What is the reason?"
          hint={`Required for “Other”, up to ${DETAIL_MAX} characters.`}
          value={detail}
          onChange={(e) => {
            setDetail(e.target.value);
            if (errors.detail) setErrors((x) => ({ ...x, detail: undefined }));
          }}
          error={errors.detail}
          required
          maxLength={DETAIL_MAX}
          rows={3}
        />
      )}

      {reject.error && (
        <Alert className={styles.error}>
          <p>{readError(reject.error).message}</p>
        </Alert>
      )}

      <div className="dialog__actions">
        <Button variant="secondary" onClick={onClose} disabled={reject.isPending}>
          Keep order
        </Button>
        <Button type="submit" variant="danger" pending={reject.isPending} pendingText="Rejecting…">
          Reject order
        </Button>
      </div>
    </form>
  );
}
