"use client";
// The recipient's tracking page (X2), phone-size first: the shop, who it is from (unless the
// sender chose anonymous), the slot and where the bouquet is, refreshed on live changes of this
// order (a slow poll backs them up). After a failed attempt, once the bouquet is back at the shop,
// the recipient picks a new slot from the shop's bookable ones (the same rules as the shop's form).
import { localized, type TimeSlot, type TrackingView } from "@bloom/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { RadioCards } from "~/components/ui/radio-cards";
import { useErrorMessage } from "~/lib/error-message";
import { isoDateTime, useFormat } from "~/lib/format";
import { LIVE_FALLBACK_MS, useTRPC } from "~/trpc/react";

export function TrackingDetail({ token, initial }: { token: string; initial: TrackingView }) {
  const t = useTranslations("tracking");
  const locale = useLocale();
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const viewQuery = trpc.tracking.view.queryOptions({ token });
  const { data: view = initial } = useQuery({ ...viewQuery, initialData: initial, refetchInterval: LIVE_FALLBACK_MS });
  useSubscription(
    trpc.tracking.changes.subscriptionOptions({ token }, { onData: () => void queryClient.invalidateQueries({ queryKey: viewQuery.queryKey }) }),
  );
  const [booked, setBooked] = useState(false);
  const shopName = localized(locale, view.shopName, view.shopNameKo);

  return (
    <div className="mx-auto grid max-w-md gap-4" data-testid="tracking" data-phase={view.phase}>
      <header className="grid gap-1">
        <p className="m-0 text-sm font-semibold text-brand-700">{shopName}</p>
        <h1 className="m-0 text-2xl font-bold">{t(view.phase === "DELIVERED" ? "titleDelivered" : view.phase === "CANCELLED" ? "titleCancelled" : "title", { name: view.recipientFirstName })}</h1>
        <p className="m-0 text-muted" data-testid="tracking-from">
          {view.senderName ? t("fromSender", { sender: view.senderName, shop: shopName }) : t("fromShop", { shop: shopName })}
        </p>
      </header>

      <section aria-labelledby="tracking-slot" className="rounded-3xl border border-line bg-surface p-4 shadow-card">
        <h2 id="tracking-slot" className="m-0 text-sm font-semibold text-muted">
          {t("slotTitle")}
        </h2>
        <p className="m-0 mt-1 text-lg font-bold" data-testid="tracking-slot-text">
          {f.deliveryDate(view.deliveryDate)} · {f.slot(view.timeSlot)}
        </p>
      </section>

      <section aria-labelledby="tracking-status" aria-live="polite" className="rounded-3xl border border-line bg-surface p-4 shadow-card">
        <h2 id="tracking-status" className="m-0 text-sm font-semibold text-muted">
          {t("statusTitle")}
        </h2>
        <p className="m-0 mt-1 text-lg font-bold" data-testid="tracking-status-text">
          {view.phase === "DELIVERED" && view.deliveredAt ? (
            <>
              {t("phase.DELIVERED")} · <time dateTime={isoDateTime(view.deliveredAt)}>{f.time(view.deliveredAt)}</time>
            </>
          ) : view.phase === "PREPARING" && view.rescheduled ? (
            t("phase.RESCHEDULED")
          ) : (
            t(`phase.${view.phase}`)
          )}
        </p>
        <p className="m-0 mt-1 text-sm text-muted">{t(`phaseHint.${view.phase}`)}</p>
      </section>

      {booked && view.phase !== "ATTEMPTED" && <Alert tone="success">{t("booked")}</Alert>}
      {view.phase === "ATTEMPTED" &&
        (view.canChooseSlot ? (
          <ChooseSlot token={token} storeId={view.storeId} onBooked={() => setBooked(true)} />
        ) : (
          <Alert tone="info">{t("backToShop")}</Alert>
        ))}
    </div>
  );
}

function ChooseSlot({ token, storeId, onBooked }: { token: string; storeId: string; onBooked: () => void }) {
  const t = useTranslations("tracking");
  const f = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const ids = useId();
  const slots = useQuery({ ...trpc.schedule.slots.queryOptions({ storeId }), staleTime: 30_000 });
  const days = (slots.data?.days ?? []).filter((d) => d.slots.some((s) => s.bookable));
  const [date, setDate] = useState("");
  const [slot, setSlot] = useState<TimeSlot | "">("");
  const day = days.find((d) => d.date === date) ?? days[0];
  const choose = useMutation(
    trpc.tracking.chooseSlot.mutationOptions({
      onSuccess: () => {
        onBooked();
        void queryClient.invalidateQueries({ queryKey: trpc.tracking.view.queryKey({ token }) });
      },
      onError: () => void queryClient.invalidateQueries({ queryKey: trpc.schedule.slots.pathKey() }),
    }),
  );

  return (
    <section aria-labelledby={`${ids}-title`} className="grid gap-3 rounded-3xl border border-line bg-surface p-4 shadow-card" data-testid="tracking-choose-slot">
      <h2 id={`${ids}-title`} className="m-0 text-lg font-bold">
        {t("chooseTitle")}
      </h2>
      <p className="m-0 text-sm text-muted">{t("chooseLead")}</p>
      {slots.isPending ? (
        <p className="m-0 text-sm text-muted">{t("loadingSlots")}</p>
      ) : days.length === 0 ? (
        <Alert tone="warning">{t("noSlots")}</Alert>
      ) : (
        <form
          className="grid gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!day || !slot || choose.isPending) return;
            choose.mutate({ token, deliveryDate: day.date, timeSlot: slot });
          }}
        >
          <label className="grid gap-1 text-sm font-semibold" htmlFor={`${ids}-day`}>
            {t("dayLabel")}
            <select
              id={`${ids}-day`}
              className="min-h-12 rounded-xl border border-line-strong bg-surface px-3 text-base font-normal"
              value={day?.date ?? ""}
              onChange={(e) => {
                setDate(e.target.value);
                setSlot("");
              }}
            >
              {days.map((d) => (
                <option key={d.date} value={d.date}>
                  {f.deliveryDate(d.date)}
                </option>
              ))}
            </select>
          </label>
          <div className="grid gap-1">
            <p id={`${ids}-slot`} className="m-0 text-sm font-semibold">
              {t("slotLabel")}
            </p>
            <RadioCards
              aria-labelledby={`${ids}-slot`}
              layout="list"
              value={slot}
              onValueChange={setSlot}
              options={(day?.slots ?? []).map((s) => ({ value: s.slot as TimeSlot, label: f.slot(s.slot), disabled: !s.bookable }))}
            />
          </div>
          {choose.error && <Alert>{errorMessage(choose.error)}</Alert>}
          <Button type="submit" block disabled={!slot} pending={choose.isPending} pendingText={t("booking")}>
            {t("chooseButton")}
          </Button>
        </form>
      )}
    </section>
  );
}
