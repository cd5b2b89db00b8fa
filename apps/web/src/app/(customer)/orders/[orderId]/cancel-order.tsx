"use client";
// Cancelling an order (F11) with a confirm step. The refund follows through the worker (F12).
import { formatWon } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "~/components/button";
import { ConfirmDialog } from "~/components/confirm-dialog";
import { TextAreaField } from "~/components/field";
import { useToast } from "~/components/toast";
import { readError, type ClientError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

export function CancelOrder({
  orderId,
  totalWon,
  card,
  onError,
}: {
  orderId: string;
  totalWon: number;
  card: string;
  onError: (error: ClientError | null) => void;
}) {
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
        toast.show("Order cancelled. Your refund is on its way.");
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
        Cancel order
      </Button>
      <ConfirmDialog
        open={open}
        title="Cancel this order?"
        confirmLabel="Yes, cancel order"
        cancelLabel="Keep order"
        confirmVariant="danger"
        pending={cancel.isPending}
        pendingText="Cancelling…"
        onCancel={() => setOpen(false)}
        onConfirm={() => cancel.mutate({ orderId, reason: reason.trim() || undefined })}
      >
        <p>
          The shop stops preparing it and {formatWon(totalWon)} is refunded to {card}.
        </p>
        <TextAreaField
          id="cancel-reason"
          label="Reason (optional)"
          rows={2}
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. Ordered for the wrong day"
        />
      </ConfirmDialog>
    </>
  );
}
