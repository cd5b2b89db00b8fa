"use client";
// "Handed over" on a board card (D3): the florist gives the arranged bouquet to the rider who
// claimed it and confirms the pickup here (the rider may confirm it on their phone instead). From
// then on the customer can no longer cancel, and the card moves to Done.
import { orderNumberLabel } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PackageCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { useToast } from "~/components/ui/toast";
import { useErrorMessage } from "~/lib/error-message";
import { useBoardCardPatch, useTRPC } from "~/trpc/react";
import { boardOrderHeadingId, focusBoardOrder, type BoardOrder } from "./board-labels";

export function BoardHandover({ order }: { order: BoardOrder }) {
  const t = useTranslations("board.card");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const rider = order.riderName ?? "";
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() });
  const patchCard = useBoardCardPatch();
  const confirm = useMutation(
    trpc.store.confirmPickup.mutationOptions({
      onSuccess: async () => {
        toast.show(t("handedOverToast", { no: orderNumberLabel(order.orderId), rider }));
        await patchCard(order.orderId);
        focusBoardOrder(order.orderId);
      },
      // Cancelled by the customer or picked up by the rider meanwhile: show the board as it is now.
      onError: () => void refresh(),
    }),
  );
  return (
    <div className="grid gap-2 pt-1">
      {confirm.error && <Alert>{errorMessage(confirm.error)}</Alert>}
      <Button
        size="lg"
        variant="success"
        className="px-4 leading-tight whitespace-normal"
        onClick={() => confirm.mutate({ orderId: order.orderId })}
        pending={confirm.isPending}
        pendingText={t("saving")}
        aria-describedby={boardOrderHeadingId(order.orderId)}
      >
        <PackageCheck aria-hidden="true" />
        {t("handedOver")}
      </Button>
    </div>
  );
}
