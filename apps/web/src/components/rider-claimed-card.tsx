"use client";
// A delivery the rider claimed and still has to collect (D3): where the shop is, what happens
// next, and the two steps at the shop — "I'm at the shop" (optional, so the florist knows) and
// "Picked up" (the handover; the florist may confirm it on the board instead).
import { Bike, CalendarClock, MapPinCheck, Navigation, PackageCheck, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "~/components/ui/button";
import { isoDateTime, useFormat } from "~/lib/format";
import { CardHeader, deliveryHeadingId, Fact, MapAddress, When, type Delivery } from "./rider-delivery-cards";

export function ClaimedDeliveryCard({
  delivery: d,
  onArrived,
  onPickedUp,
  pending,
  disabled,
}: {
  delivery: Delivery;
  onArrived: (d: Delivery) => void;
  onPickedUp: (d: Delivery) => void;
  pending: "arrived" | "pickedUp" | null;
  disabled: boolean;
}) {
  const t = useTranslations("rider");
  const f = useFormat();
  const headingId = deliveryHeadingId(d);
  const atShop = d.status === "AT_SHOP";
  return (
    <article
      className="grid gap-4 rounded-3xl border-2 border-info-700/40 bg-surface p-4 shadow-card"
      data-testid="my-delivery"
      data-order-id={d.orderId}
      data-status={d.status}
      aria-labelledby={headingId}
    >
      <CardHeader delivery={d} level="h3" />
      <p className="-mt-2 mb-0 flex items-center gap-2 text-sm text-muted">
        <Bike aria-hidden="true" className="size-4 shrink-0" />
        <span>
          {t("claimedAt")} {d.claimedAt && <time dateTime={isoDateTime(d.claimedAt)}>{f.time(d.claimedAt)}</time>}
          {d.arrivedAt && (
            <>
              {" "}
              · {t("atShopAt")} <time dateTime={isoDateTime(d.arrivedAt)}>{f.time(d.arrivedAt)}</time>
            </>
          )}
        </span>
      </p>
      <dl className="m-0 grid gap-3">
        <Fact icon={<MapPinCheck />} label={t("collectFrom")}>
          <MapAddress address={d.pickupAddress} className="text-lg" />
        </Fact>
        <Fact icon={<CalendarClock />} label={t("deliver")}>
          <When d={d} />
        </Fact>
        <Fact icon={<Navigation />} label={t("dropoff")}>
          <MapAddress address={d.dropoffAddress} />
        </Fact>
        <Fact icon={<UserRound />} label={t("recipient")}>
          {d.recipientName}
        </Fact>
      </dl>
      <p className="m-0 text-sm text-ink-soft">{t("collectHint")}</p>
      <div className="grid gap-2">
        {!atShop && (
          <Button size="xl" variant="secondary" block onClick={() => onArrived(d)} pending={pending === "arrived"} pendingText={t("saving")} disabled={disabled} aria-describedby={headingId}>
            <MapPinCheck aria-hidden="true" />
            {t("arrived")}
          </Button>
        )}
        <Button size="xl" block onClick={() => onPickedUp(d)} pending={pending === "pickedUp"} pendingText={t("saving")} disabled={disabled} aria-describedby={headingId}>
          <PackageCheck aria-hidden="true" />
          {t("pickedUp")}
        </Button>
      </div>
    </article>
  );
}
