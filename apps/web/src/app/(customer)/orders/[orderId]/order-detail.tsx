"use client";
// One order, as its customer follows it (F13, B2): status with its timeline, payment, bouquets and
// delivery. It polls every 3 s until the order can no longer change (live updates also refetch).
import { CANCELLABLE_STATUSES, orderNumber, type OrderStatus } from "@bloom/domain";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Gift } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Money } from "~/components/money";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Panel } from "~/components/ui/card";
import { PageNotFound } from "~/components/ui/empty-state";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { OrderStatusBadge, PaymentStatusBadge } from "~/components/ui/status-badge";
import { useErrorMessage } from "~/lib/error-message";
import { isoDateTime, useFormat } from "~/lib/format";
import { takeJustPlaced } from "~/lib/just-placed";
import { telLink } from "~/lib/map-link";
import { paymentStatusOf } from "~/lib/status";
import { isNotFound, type ClientError } from "~/lib/trpc-error";
import { useLocalized } from "~/lib/localized";
import { useTRPC } from "~/trpc/react";
import { useLocalizedName } from "~/lib/localized";
import { useSizeName, withSize } from "~/lib/sizes";
import { CancelOrder } from "./cancel-order";
import { OrderDeliveryStep } from "./delivery-step";
import { OrderDoorProof } from "./order-door-proof";
import { ArrangementReview } from "~/components/arrangement-review";
import { OrderTimeline } from "./order-timeline";

const POLL_MS = 3000;

/** Nothing more will happen to a delivered order, or to a stopped one once it is refunded. */
function settled(o: { status: OrderStatus; refunded: boolean } | undefined): boolean {
  if (!o) return false;
  return o.status === "DELIVERED" || ((o.status === "CANCELLED" || o.status === "REJECTED") && o.refunded);
}

export function OrderDetail({ orderId }: { orderId: string }) {
  const t = useTranslations("order");
  const tm = useTranslations("menu");
  const nameOf = useLocalizedName();
  const sizeName = useSizeName();
  const tStatus = useTranslations("status.order");
  const f = useFormat();
  const text = useLocalized();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const order = useQuery(trpc.order.get.queryOptions({ orderId }, { refetchInterval: (q) => (settled(q.state.data) ? false : POLL_MS) }));
  const [cancelError, setCancelError] = useState<ClientError | null>(null);
  const announcement = useStatusAnnouncement(order.data?.status, (s) => t("statusNow", { status: tStatus(s) }));
  // Straight from checkout: the pay button is gone, so focus moves to this page's heading, which
  // is described by the confirmation (read out by screen readers), instead of falling to <body>.
  const [justPlaced] = useState(() => takeJustPlaced(orderId));
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasData = Boolean(order.data);
  useEffect(() => {
    if (justPlaced && hasData) headingRef.current?.focus();
  }, [justPlaced, hasData]);

  if (order.isError && !order.data) {
    if (isNotFound(order.error)) {
      return (
        <PageNotFound title={t("notFound")} backHref="/orders" backLabel={t("myOrders")}>
          <p>{t("notFoundBody")}</p>
        </PageNotFound>
      );
    }
    return (
      <Alert
        title={t("loadError")}
        action={
          <Button variant="secondary" size="sm" onClick={() => void order.refetch()}>
            {t("retry")}
          </Button>
        }
      >
        <p>{errorMessage(order.error)}</p>
      </Alert>
    );
  }
  if (!order.data) {
    return (
      <Loading label={t("loading")} className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Skeleton className="h-96" />
        <Skeleton className="h-72" />
      </Loading>
    );
  }

  const o = order.data;
  // Non-breaking spaces keep "VISA •••• 4242" on one line.
  const card = `${o.cardBrand}\u00a0••••\u00a0${o.cardLast4}`;
  const payment = paymentStatusOf(o);

  return (
    <>
      <Link href="/orders" className="mb-3 inline-flex min-h-10 items-center gap-1.5 font-semibold no-underline hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("myOrders")}
      </Link>
      <div className="mb-5">
        <h1
          ref={headingRef}
          tabIndex={-1}
          aria-describedby={justPlaced ? "order-placed-confirmation" : undefined}
          className="m-0 text-2xl font-extrabold tracking-tight sm:text-3xl"
        >
          {t("title", { store: text(o.storeName, o.storeNameKo) })}
        </h1>
        <p className="mt-1 mb-0 text-sm text-muted">
          {t("number", { no: orderNumber(o.id) })} · {t("placed")} <time dateTime={isoDateTime(o.createdAt)}>{f.dateTime(o.createdAt)}</time>
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {justPlaced && (
        <Alert tone="success" className="mb-4" title={t("placedTitle")}>
          <p id="order-placed-confirmation" data-testid="order-placed-confirmation">
            {t("placedBody", { store: text(o.storeName, o.storeNameKo) })}
          </p>
        </Alert>
      )}

      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="grid gap-4">
          <Panel titleId="status-title" title={t("status")} action={<OrderStatusBadge status={o.status} size="lg" data-testid="order-status" />}>
            <OrderTimeline status={o.status} history={o.history} />
            <OrderDeliveryStep orderId={o.id} poll={!settled(o)} />
            {o.status === "DELIVERED" && <OrderDoorProof orderId={o.id} />}
            {/* W1: the photo of the arranged bouquet, to approve or change while the window is open. */}
            {o.status !== "PLACED" && o.status !== "REJECTED" && o.status !== "CANCELLED" && <ArrangementReview orderId={o.id} />}
            {CANCELLABLE_STATUSES.includes(o.status) && (
              <div className="mt-5 border-t border-line pt-4">
                <CancelOrder orderId={o.id} totalWon={o.totalWon} card={card} onError={setCancelError} />
                <p className="mt-2 mb-0 text-sm text-muted">{t("cancelHint")}</p>
              </div>
            )}
            {cancelError && (
              <Alert className="mt-3" title={t("cancelError")}>
                <p>{errorMessage(cancelError)}</p>
              </Alert>
            )}
          </Panel>

          <Panel titleId="delivery-title" title={t("delivery")}>
            <dl className="m-0 grid gap-x-4 gap-y-2 sm:grid-cols-[9rem_1fr]">
              <dt className="text-sm font-semibold text-muted">{t("recipient")}</dt>
              <dd className="m-0">
                {o.recipientName} · <a href={telLink(o.recipientPhone)}>{o.recipientPhone}</a>
              </dd>
              <dt className="text-sm font-semibold text-muted">{t("address")}</dt>
              <dd className="m-0">{o.address}</dd>
              <dt className="text-sm font-semibold text-muted">{t("when")}</dt>
              <dd className="m-0">
                {f.deliveryDate(o.deliveryDate)}, {f.slot(o.timeSlot)}
              </dd>
              {o.giftMessage && (
                <>
                  <dt className="text-sm font-semibold text-muted">{t("giftMessage")}</dt>
                  <dd className="m-0">
                    <blockquote className="m-0 flex gap-2 rounded-2xl border border-brand-100 bg-brand-50 px-4 py-3 text-brand-900">
                      <Gift aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-600" />
                      <span className="italic">{o.giftMessage}</span>
                    </blockquote>
                  </dd>
                </>
              )}
              {o.note && (
                <>
                  <dt className="text-sm font-semibold text-muted">{t("note")}</dt>
                  <dd className="m-0">{o.note}</dd>
                </>
              )}
            </dl>
          </Panel>
        </div>

        <div className="grid gap-4">
          <Panel titleId="items-title" title={t("bouquets")}>
            <ul className="m-0 grid list-none gap-2 p-0">
              {o.lines.map((l) => (
                <li key={l.id} className="flex items-baseline justify-between gap-3" data-testid="order-line">
                  <span>
                    {l.quantity} × {withSize(text(l.name, l.nameKo), sizeName(l.tier))}
                  </span>
                  <Money won={l.unitPriceWon * l.quantity} />
                </li>
              ))}
            </ul>
            {o.addons.length > 0 && (
              <>
                <h3 className="mt-3 mb-1 border-t border-line pt-3 text-sm font-bold">{tm("addonsTitle")}</h3>
                <ul className="m-0 grid list-none gap-2 p-0" data-testid="order-addons">
                  {o.addons.map((a) => (
                    <li key={a.id} className="flex items-baseline justify-between gap-3">
                      <span>
                        {a.quantity} × {nameOf(a)}
                      </span>
                      <Money won={a.unitPriceWon * a.quantity} />
                    </li>
                  ))}
                </ul>
              </>
            )}
            {o.deliveryFeeWon > 0 && (
              <div className="mt-3 flex items-baseline justify-between border-t border-line pt-3 text-sm">
                <span>{t("deliveryFee")}</span>
                <Money won={o.deliveryFeeWon} />
              </div>
            )}
            <div className="mt-3 flex items-baseline justify-between border-t border-line pt-3">
              <span className="font-semibold">{t("total")}</span>
              <Money won={o.totalWon} className="text-xl font-extrabold" />
            </div>
          </Panel>

          <Panel titleId="payment-title" title={t("payment")} action={<PaymentStatusBadge status={payment} />}>
            <p className="m-0">
              {payment === "REFUNDED"
                ? t("refundedTo", { amount: f.won(o.totalWon), card })
                : payment === "REFUND_PENDING"
                  ? t("refundPending", { amount: f.won(o.totalWon), card })
                  : t("paidWith", { amount: f.won(o.totalWon), card })}
            </p>
          </Panel>
        </div>
      </div>
    </>
  );
}

/** Words for screen readers when the status changes while the page is open (not on first load). */
function useStatusAnnouncement(status: OrderStatus | undefined, words: (s: OrderStatus) => string): string {
  const previous = useRef<OrderStatus | undefined>(undefined);
  const [text, setText] = useState("");
  useEffect(() => {
    if (status && previous.current && previous.current !== status) setText(words(status));
    previous.current = status;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce on status changes only
  }, [status]);
  return text;
}
