"use client";
// Cancelling an order (F11) with a confirm step. The refund follows through the worker (F12).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "~/components/confirm-dialog";
import { Button } from "~/components/ui/button";
import { TextAreaField } from "~/components/ui/field";
import { useToast } from "~/components/ui/toast";
import { useFormat } from "~/lib/format";
import { readError, type ClientError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

export function CancelOrder({ orderId, totalWon, card, onError }: { orderId: string; totalWon: number; card: string; onError: (error: ClientError | null) => void }) {
  const t = useTranslations("order.cancel");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const cancel = useMutation(
    trpc.order.cancel.mutationOptions({
      onSuccess(order) {
        queryClient.setQueryData(trpc.order.get.queryKey({ orderId }), order);
        void queryClient.invalidateQueries({ queryKey: trpc.order.list.pathKey() });
        setOpen(false);
        toast.show(t("done"));
      },
      onError(error) {
        setOpen(false);
        onError(readError(error));
        // The order moved on meanwhile (e.g. the delivery started): show where it is now.
        void queryClient.invalidateQueries({ queryKey: trpc.order.get.queryKey({ orderId }) });
      },
    }),
  );

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          onError(null);
          setOpen(true);
        }}
      >
        {t("button")}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("title")}
        description={<p>{t("body", { amount: f.won(totalWon), card })}</p>}
        confirmLabel={t("confirm")}
        cancelLabel={t("keep")}
        confirmVariant="danger"
        pending={cancel.isPending}
        pendingText={t("pending")}
        onCancel={() => setOpen(false)}
        onConfirm={() => cancel.mutate({ orderId, reason: reason.trim() || undefined })}
      >
        <TextAreaField
          id="cancel-reason"
          label={t("reason")}
          optionalText={t("optional")}
          rows={2}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={t("reasonPlaceholder")}
        />
      </ConfirmDialog>
    </>
  );
}
