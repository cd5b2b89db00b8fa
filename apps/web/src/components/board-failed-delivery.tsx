"use client";
// A failed delivery on a board card (D4): why the rider could not deliver, whether the bouquet is
// back on the bench, and the shop's two answers — a new date and slot (with an optional
// redelivery fee, recorded on the order, not charged) once it is back, or a refund to the sender.
import { addDays, orderNumberLabel, TIME_SLOTS, todayInSeoul, type AttemptReason } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CalendarPlus, DoorClosed, Undo2 } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { useToast } from "~/components/ui/toast";
import { useErrorMessage } from "~/lib/error-message";
import { isoDateTime, useFormat } from "~/lib/format";
import { lazyModule } from "~/lib/lazy-module";
import { useTRPC } from "~/trpc/react";
import { boardOrderHeadingId, focusBoardOrder, type BoardOrder } from "./board-labels";

// The reschedule schema (the one the procedure applies) comes with the form's first focus, at the
// latest on submit: zod is not part of the board's first load (P1).
const outcomeSchemas = lazyModule(() => import("@bloom/domain/outcome"));

export function BoardFailedDelivery({ order }: { order: BoardOrder }) {
  const t = useTranslations("boardFailed");
  const reasons = useTranslations("attemptReason");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [invalid, setInvalid] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const no = orderNumberLabel(order.orderId);
  const id = `failed-${order.orderId}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() });
  const done = (key: "rescheduledToast" | "refundedToast") => async () => {
    toast.show(t(key, { no }));
    await refresh();
    focusBoardOrder(order.orderId);
  };
  const reschedule = useMutation(trpc.store.reschedule.mutationOptions({ onSuccess: done("rescheduledToast"), onError: () => void refresh() }));
  const refund = useMutation(trpc.store.refundUndelivered.mutationOptions({ onSuccess: done("refundedToast"), onError: () => void refresh() }));
  const back = !!order.backAtShopAt;
  const error = reschedule.error ?? refund.error ?? loadError;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    let schemas: Awaited<ReturnType<typeof outcomeSchemas.load>>;
    try {
      schemas = await outcomeSchemas.load();
    } catch (err) {
      setLoadError(err); // offline: said as any failed request is
      return;
    }
    setLoadError(null);
    const parsed = schemas.rescheduleSchema.safeParse({
      deliveryDate: form.get("deliveryDate"),
      timeSlot: form.get("timeSlot"),
      feeWon: Number(form.get("feeWon") || 0),
    });
    if (!parsed.success) {
      setInvalid(t("invalid"));
      return;
    }
    setInvalid(null);
    reschedule.mutate({ orderId: order.orderId, ...parsed.data });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="grid gap-3 rounded-xl bg-danger-50 p-3 text-danger-900" data-testid="board-failed-delivery">
      <h4 id={`${id}-title`} className="m-0 flex items-center gap-2 text-sm font-bold">
        <DoorClosed aria-hidden="true" className="size-4 shrink-0" />
        {t("title", { count: order.attempts })}
      </h4>
      <p className="m-0 text-sm">
        {order.attemptReason && reasons(order.attemptReason as AttemptReason)}
        {order.attemptedAt && (
          <>
            {" · "}
            <time dateTime={isoDateTime(order.attemptedAt)}>{f.dateTime(order.attemptedAt)}</time>
          </>
        )}
      </p>
      <p className="m-0 text-sm font-semibold">{back ? t("backAtShop") : t("onTheWayBack", { rider: order.riderName ?? "" })}</p>
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      {back && (
        <form aria-label={t("rescheduleLabel", { no })} className="grid gap-2" onSubmit={(e) => void submit(e)} onFocusCapture={() => void outcomeSchemas.load().catch(() => {})} noValidate>
          <Field id={`${id}-date`} name="deliveryDate" type="date" label={t("date")} min={todayInSeoul()} defaultValue={addDays(todayInSeoul(), 1)} required />
          <SelectField id={`${id}-slot`} name="timeSlot" label={t("slot")} defaultValue={order.timeSlot}>
            {TIME_SLOTS.map((s) => (
              <option key={s} value={s}>
                {f.slot(s)}
              </option>
            ))}
          </SelectField>
          <Field id={`${id}-fee`} name="feeWon" type="number" inputMode="numeric" min={0} step={500} label={t("fee")} hint={t("feeHint")} defaultValue={0} error={invalid} />
          <Button type="submit" size="lg" className="px-4 leading-tight whitespace-normal" pending={reschedule.isPending} pendingText={t("saving")} aria-describedby={boardOrderHeadingId(order.orderId)}>
            <CalendarPlus aria-hidden="true" />
            {t("reschedule")}
          </Button>
        </form>
      )}
      <Button
        size="lg"
        variant="secondary"
        className="px-4 leading-tight whitespace-normal"
        onClick={() => refund.mutate({ orderId: order.orderId, reason: null })}
        pending={refund.isPending}
        pendingText={t("saving")}
        aria-describedby={boardOrderHeadingId(order.orderId)}
      >
        <Undo2 aria-hidden="true" />
        {t("refund")}
      </Button>
    </section>
  );
}
