"use client";
// Rejecting an order asks why (F6): out of flowers, out of materials, or the owner's own words.
// The payment is refunded by the compensating job (F7), so the owner is told that, not asked to.
import { orderNumberLabel, REJECT_DETAIL_MAX, REJECT_REASONS, textLength, type RejectReason } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "~/components/ui/dialog";
import { FieldError, TextAreaField } from "~/components/ui/field";
import { RadioCards } from "~/components/ui/radio-cards";
import { useToast } from "~/components/ui/toast";
import { useErrorMessage } from "~/lib/error-message";
import { focusFirstInvalid } from "~/lib/form-errors";
import { readError } from "~/lib/trpc-error";
import { useBoardCardPatch, useTRPC } from "~/trpc/react";
import { focusBoardOrder, type BoardOrder } from "./board-labels";

const DETAIL_MAX = REJECT_DETAIL_MAX;

export function BoardRejectDialog({ order, onClose }: { order: BoardOrder | null; onClose: () => void }) {
  const [pending, setPending] = useState(false);
  return (
    <Dialog
      open={order !== null}
      onOpenChange={(open) => {
        if (!open && !pending) onClose();
      }}
    >
      {order && (
        <DialogContent
          onOpenAutoFocus={(e) => {
            // Start on the first reason, not on the close button.
            e.preventDefault();
            requestAnimationFrame(() => document.querySelector<HTMLElement>('dialog[open] input[type="radio"]')?.focus());
          }}
        >
          {/* Keyed by order so every opening starts with a clean form. */}
          <RejectForm key={order.orderId} order={order} onClose={onClose} onPending={setPending} />
        </DialogContent>
      )}
    </Dialog>
  );
}

function RejectForm({ order, onClose, onPending }: { order: BoardOrder; onClose: () => void; onPending: (p: boolean) => void }) {
  const t = useTranslations("board.reject");
  const tReason = useTranslations("rejectReason");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const patchCard = useBoardCardPatch();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const formRef = useRef<HTMLFormElement>(null);
  const [reason, setReason] = useState<RejectReason | "">("");
  const [detail, setDetail] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; detail?: string }>({});
  const legendId = useId();
  const reasonErrorId = useId();
  const no = orderNumberLabel(order.orderId);

  const reject = useMutation(
    trpc.store.reject.mutationOptions({
      onMutate: () => onPending(true),
      onSettled: () => onPending(false),
      onSuccess: async () => {
        toast.show(t("done", { no }));
        await patchCard(order.orderId);
        onClose();
        focusBoardOrder(order.orderId);
      },
      onError: (error) => {
        const code = readError(error).domainCode;
        if (code === "INVALID_TRANSITION" || code === "NOT_FOUND") void queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() });
      },
    }),
  );

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!reason) next.reason = t("pickReason");
    if (reason === "OTHER" && !detail.trim()) next.detail = t("describe");
    if (textLength(detail) > DETAIL_MAX) next.detail = t("tooLong", { max: DETAIL_MAX });
    setErrors(next);
    if (next.reason || next.detail) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    if (!reason) return;
    reject.mutate({ orderId: order.orderId, reason, detail: reason === "OTHER" ? detail.trim() : undefined });
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="grid gap-4">
      <DialogTitle>{t("title", { no })}</DialogTitle>
      <DialogDescription>{t("lead", { name: order.recipientName })}</DialogDescription>

      <div className="grid gap-2">
        <span id={legendId} className="text-sm font-semibold">
          {t("reason")}
        </span>
        <RadioCards
          layout="list"
          aria-labelledby={legendId}
          aria-describedby={errors.reason ? reasonErrorId : undefined}
          aria-invalid={errors.reason ? true : undefined}
          aria-required
          name="reason"
          value={reason}
          onValueChange={(r) => {
            setReason(r);
            setErrors((x) => ({ ...x, reason: undefined }));
          }}
          options={REJECT_REASONS.map((r) => ({ value: r, label: tReason(r) }))}
        />
        {errors.reason && <FieldError id={reasonErrorId}>{errors.reason}</FieldError>}
      </div>

      {reason === "OTHER" && (
        <TextAreaField
          label={t("detail")}
          hint={t("detailHint", { max: DETAIL_MAX })}
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

      {reject.error && <Alert>{errorMessage(reject.error)}</Alert>}

      <DialogFooter>
        <Button variant="secondary" size="lg" onClick={onClose} disabled={reject.isPending}>
          {t("keep")}
        </Button>
        <Button type="submit" size="lg" variant="danger" pending={reject.isPending} pendingText={t("pending")}>
          {t("confirm")}
        </Button>
      </DialogFooter>
    </form>
  );
}
