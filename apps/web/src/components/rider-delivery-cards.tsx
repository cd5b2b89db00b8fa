"use client";
// The rider's cards (F8–F10, D3), built for one thumb on a 390 px phone: the facts first, every
// address one tap from the map, and one big action at the bottom of each card. A claimed
// delivery, still to collect at the shop, has its own card (rider-claimed-card.tsx).
import { isWithdrawnClaim, orderNumberLabel, type DeliveryStatus } from "@bloom/domain";
import type { inferRouterOutputs } from "@trpc/server";
import { Bike, CalendarClock, Check, ChevronDown, ChevronUp, Navigation, Phone, Store, Undo2, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { RiderDeliveryStatusBadge } from "~/components/ui/status-badge";
import { cn } from "~/lib/cn";
import { isoDateTime, useFormat } from "~/lib/format";
import { mapLink, telLink } from "~/lib/map-link";
import type { AppRouter } from "~/server/routers/_app";
import { RiderFacts } from "./rider-facts";

export type Delivery = inferRouterOutputs<AppRouter>["delivery"]["screen"]["open"][number];

export const deliveryHeadingId = (d: Delivery) => `delivery-${d.id}`;

/** An address that opens in the map app with one tap. */
export function MapAddress({ address, className }: { address: string; className?: string }) {
  const t = useTranslations("rider");
  return (
    <a
      href={mapLink(address)}
      target="_blank"
      rel="noopener noreferrer"
      className={cn("group inline-flex min-h-11 items-start gap-2 rounded-xl py-1 font-semibold text-ink no-underline hover:text-brand-700", className)}
    >
      <span className="underline decoration-line-strong decoration-2 underline-offset-4 group-hover:decoration-brand-600">{address}</span>
      <Navigation aria-hidden="true" className="mt-1 size-4 shrink-0 text-brand-600" />
      <span className="sr-only"> ({t("openMap")})</span>
    </a>
  );
}

export function Fact({ icon, label, children }: { icon: ReactNode; label: string; children: ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="flex items-center gap-2 text-xs font-semibold tracking-wide text-muted uppercase">
        <span aria-hidden="true" className="[&_svg]:size-4">
          {icon}
        </span>
        {label}
      </dt>
      <dd className="m-0 min-w-0 pl-6">{children}</dd>
    </div>
  );
}

export function When({ d }: { d: Delivery }) {
  const f = useFormat();
  return (
    <span className="font-semibold">
      {f.deliveryDate(d.deliveryDate)} · <strong className="text-brand-800">{f.slot(d.timeSlot)}</strong>
    </span>
  );
}

/** A request's or a recall's header: the shop (the card's heading), the order number, the status. */
export function CardHeader({ delivery: d, level: Heading }: { delivery: Delivery; level: "h3" | "h4" }) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
      <div className="min-w-0">
        <Heading id={deliveryHeadingId(d)} tabIndex={-1} className="m-0 text-lg font-bold">
          {d.storeName}
        </Heading>
        <span className="text-sm text-muted tabular-nums">{orderNumberLabel(d.orderId)}</span>
      </div>
      <RiderDeliveryStatusBadge status={d.status as DeliveryStatus} size="sm" />
    </header>
  );
}

/**
 * An open request, compact (P1: the list holds up to 60): when, what it earns and how far — what a
 * rider decides on — and "Claim"; the addresses, the recipient, what is carried and the shop's
 * phone open with "Details".
 */
export function OpenDeliveryCard({ delivery: d, onTake, pending, disabled }: { delivery: Delivery; onTake: (d: Delivery) => void; pending: boolean; disabled: boolean }) {
  const t = useTranslations("rider");
  const headingId = deliveryHeadingId(d);
  const detailsId = `${headingId}-details`;
  const [open, setOpen] = useState(false);
  return (
    <article className="grid gap-3 rounded-3xl border border-line bg-surface p-4 shadow-card" data-testid="open-delivery" data-order-id={d.orderId} aria-labelledby={headingId}>
      <CardHeader delivery={d} level="h3" />
      <dl className="m-0 grid gap-3 sm:grid-cols-3">
        <Fact icon={<CalendarClock />} label={t("deliver")}>
          <When d={d} />
        </Fact>
        <RiderFacts delivery={d} part="decide" />
      </dl>
      {open && (
        <dl id={detailsId} className="m-0 grid gap-3" data-testid="open-delivery-details">
          <Fact icon={<Store />} label={t("pickup")}>
            <MapAddress address={d.pickupAddress} />
          </Fact>
          <Fact icon={<Navigation />} label={t("dropoff")}>
            <MapAddress address={d.dropoffAddress} />
          </Fact>
          <Fact icon={<UserRound />} label={t("recipient")}>
            {d.recipientName}
          </Fact>
          <RiderFacts delivery={d} part="rest" />
        </dl>
      )}
      {/* On a 320 px phone both fit on one row with the narrower padding; "Hide details" in English does not, and Claim then takes its own row. */}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="xl"
          className="px-4 sm:px-6"
          data-testid="open-delivery-toggle"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          aria-label={`${open ? t("hideDetails") : t("details")} · ${t("detailsOf", { store: d.storeName, no: orderNumberLabel(d.orderId) })}`}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <ChevronUp aria-hidden="true" /> : <ChevronDown aria-hidden="true" />}
          {open ? t("hideDetails") : t("details")}
        </Button>
        <Button size="xl" className="min-w-32 flex-1 px-4 sm:px-6" onClick={() => onTake(d)} pending={pending} pendingText={t("taking")} disabled={disabled} aria-describedby={headingId}>
          <Bike aria-hidden="true" />
          {t("take")}
        </Button>
      </div>
    </article>
  );
}

/**
 * A bouquet going back to the shop: where to, and the rider's "back at the shop". Two cases share
 * it: the customer cancelled after the pickup (F12), or the attempt at the door failed (D4).
 */
function BackToShopCard(p: { delivery: Delivery; testId: string; level: "h3" | "h4"; line: string; returnTo: string; action: string; pendingText: string; onBack: () => void; pending: boolean; disabled: boolean }) {
  const headingId = deliveryHeadingId(p.delivery);
  return (
    <article className="grid gap-3 rounded-3xl border-2 border-danger-700/40 bg-surface p-4 shadow-card" data-testid={p.testId} data-order-id={p.delivery.orderId} aria-labelledby={headingId}>
      <CardHeader delivery={p.delivery} level={p.level} />
      <p className="m-0 flex items-center gap-2 font-semibold">
        <Undo2 aria-hidden="true" className="size-4 shrink-0" />
        {p.line}
      </p>
      <dl className="m-0 grid gap-3">
        <Fact icon={<Store />} label={p.returnTo}>
          <MapAddress address={p.delivery.pickupAddress} className="text-lg" />
        </Fact>
      </dl>
      <Button size="xl" block variant="secondary" onClick={p.onBack} pending={p.pending} pendingText={p.pendingText} disabled={p.disabled} aria-describedby={headingId}>
        <Check aria-hidden="true" />
        {p.action}
      </Button>
    </article>
  );
}

/** A delivery the customer cancelled after the rider picked it up: where to bring the bouquet back. */
export function RecalledDeliveryCard({ delivery: d, onReturned, pending, disabled }: { delivery: Delivery; onReturned: (d: Delivery) => void; pending: boolean; disabled: boolean }) {
  const t = useTranslations("rider");
  return (
    <BackToShopCard
      delivery={d}
      testId="recalled-delivery"
      level="h4"
      line={t("recalledLine")}
      returnTo={t("returnTo")}
      action={t("confirmReturn")}
      pendingText={t("saving")}
      onBack={() => onReturned(d)}
      pending={pending}
      disabled={disabled}
    />
  );
}

/** D4: a failed attempt the rider is bringing back to the shop, where the shop rebooks or refunds it. */
export function AttemptedDeliveryCard({ delivery: d, onBack, pending, disabled }: { delivery: Delivery; onBack: (d: Delivery) => void; pending: boolean; disabled: boolean }) {
  const t = useTranslations("riderDoor");
  return (
    <BackToShopCard
      delivery={d}
      testId="attempted-delivery"
      level="h3"
      line={t("bringBack")}
      returnTo={t("returnTo")}
      action={t("backAtShop")}
      pendingText={t("sending")}
      onBack={() => onBack(d)}
      pending={pending}
      disabled={disabled}
    />
  );
}

export function MyDeliveryCard({
  delivery: d,
  onComplete,
  pending,
  disabled,
  door,
}: {
  delivery: Delivery;
  onComplete: (d: Delivery) => void;
  pending: boolean;
  disabled: boolean;
  /** D5: the form at the door (photo, note, neighbour, attempt), in place of the one-tap "Delivered". */
  door?: ReactNode;
}) {
  const t = useTranslations("rider");
  const f = useFormat();
  const headingId = deliveryHeadingId(d);
  const started = d.status === "STARTED";

  if (!started) {
    return (
      <article className="grid gap-1 rounded-2xl border border-line bg-surface-2/60 px-4 py-3" data-testid="my-delivery" data-order-id={d.orderId} data-status={d.status} aria-labelledby={headingId}>
        <header className="flex items-center justify-between gap-3">
          {/* Listed under the "Completed" sub-heading, hence one level down. */}
          <h4 id={headingId} tabIndex={-1} className="m-0 font-bold">
            {d.storeName}
          </h4>
          <RiderDeliveryStatusBadge status={d.status as DeliveryStatus} size="sm" />
        </header>
        <p className="m-0 text-sm">
          <span className="sr-only">{t("dropoff")}: </span>
          {d.dropoffAddress}
        </p>
        {isWithdrawnClaim(d) && (
          <p className="m-0 text-sm font-semibold text-ink-soft">{t("withdrawn")}</p>
        )}
        <p className="m-0 text-xs text-muted">
          {d.recipientName} · {orderNumberLabel(d.orderId)}
          {d.completedAt && (
            <>
              {" "}
              · {t("deliveredAt")} <time dateTime={isoDateTime(d.completedAt)}>{f.time(d.completedAt)}</time>
            </>
          )}
          {d.returnedAt && (
            <>
              {" "}
              · {t("returnedAt")} <time dateTime={isoDateTime(d.returnedAt)}>{f.time(d.returnedAt)}</time>
            </>
          )}
        </p>
      </article>
    );
  }

  return (
    <article
      className="grid gap-4 rounded-3xl border-2 border-warning-700/40 bg-surface p-4 shadow-card"
      data-testid="my-delivery"
      data-order-id={d.orderId}
      data-status={d.status}
      aria-labelledby={headingId}
    >
      <header className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
        <div className="min-w-0">
          <h3 id={headingId} tabIndex={-1} className="m-0 text-lg font-bold">
            {d.storeName}
          </h3>
          {d.startedAt && (
            <span className="text-sm text-muted">
              {orderNumberLabel(d.orderId)} · {t("startedAt")} <time dateTime={isoDateTime(d.startedAt)}>{f.time(d.startedAt)}</time>
            </span>
          )}
        </div>
        <RiderDeliveryStatusBadge status={d.status as DeliveryStatus} size="sm" />
      </header>
      <dl className="m-0 grid gap-3">
        <Fact icon={<Navigation />} label={t("dropoff")}>
          <MapAddress address={d.dropoffAddress} className="text-lg" />
        </Fact>
        <Fact icon={<UserRound />} label={t("recipient")}>
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-semibold">{d.recipientName}</span>
            <Button variant="secondary" size="md" asChild>
              <a href={telLink(d.recipientPhone)} aria-label={t("callAria", { name: d.recipientName, phone: d.recipientPhone })}>
                <Phone aria-hidden="true" />
                {d.recipientPhone}
              </a>
            </Button>
          </span>
        </Fact>
        <Fact icon={<CalendarClock />} label={t("deliver")}>
          <When d={d} />
        </Fact>
        <Fact icon={<Store />} label={t("pickup")}>
          <MapAddress address={d.pickupAddress} />
        </Fact>
      </dl>
      {door ?? (
        <Button size="xl" variant="success" block onClick={() => onComplete(d)} pending={pending} pendingText={t("saving")} disabled={disabled} aria-describedby={headingId}>
          <Check aria-hidden="true" />
          {t("complete")}
        </Button>
      )}
    </article>
  );
}
