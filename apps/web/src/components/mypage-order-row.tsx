"use client";
// One order on MyPage (F14, B2): where it stands with the store, the rider and the payment, and
// every step so far behind a disclosure.
import { orderNumber } from "@bloom/domain";
import { ChevronDown } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { cn } from "~/lib/cn";
import { useLocalized } from "~/lib/localized";
import { shownDeliveryStatus } from "~/lib/status";
import { isoDateTime, useFormat } from "~/lib/format";
import { ArrangementReview } from "./arrangement-review";
import { DoorProof } from "./door-proof";
import { Money } from "./money";
import { isEventType, timelineOf, type MyPageOrder } from "./mypage-labels";
import { DeliveryStatusBadge, OrderStatusBadge, PaymentStatusBadge } from "./ui/status-badge";

/** Who has the bouquet, in words: on the way to the shop, at the shop (D3), on the road, delivered. */
export function riderLineKey(status: string): "riderOnTheWay" | "riderAtShop" | "rider" | "deliveredBy" | null {
  switch (status) {
    case "ASSIGNED":
      return "riderOnTheWay";
    case "AT_SHOP":
      return "riderAtShop";
    case "DELIVERING":
      return "rider";
    case "DELIVERED":
      return "deliveredBy";
    default:
      return null;
  }
}

export function MyPageOrderRow({ order }: { order: MyPageOrder }) {
  const t = useTranslations("mypage.row");
  const tEvent = useTranslations("timelineEvent");
  const tOrder = useTranslations("order");
  const f = useFormat();
  const text = useLocalized();
  const headingId = useId();
  const timelineId = useId();
  const [open, setOpen] = useState(false);
  const timeline = timelineOf(order.timeline);
  const riderLine = riderLineKey(order.deliveryStatus);
  // D5: the delivery's proof, from its timeline entry (the photo itself is access-checked).
  const delivered = [...timeline].reverse().find((e) => e.type === "DeliveryCompleted" || e.type === "DeliveryLeftWithNeighbour");
  const proof = delivered?.proof
    ? { hasPhoto: delivered.proof.photo, note: delivered.proof.note, leftWith: delivered.type === "DeliveryLeftWithNeighbour" ? (delivered.detail ?? null) : null, deliveredAt: delivered.at }
    : null;

  return (
    <article className="rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-5" data-testid="mypage-order" data-order-id={order.orderId} aria-labelledby={headingId}>
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id={headingId} className="m-0 text-lg font-bold">
            <Link href={`/orders/${order.orderId}`} className="text-ink no-underline hover:text-brand-700 hover:underline">
              {text(order.storeName, order.storeNameKo)}
            </Link>
          </h2>
          {/* W6: the same order number as the order page, the board and the rider's card. */}
          <p className="m-0 text-xs text-muted tabular-nums" data-testid="order-number">{tOrder("number", { no: orderNumber(order.orderId) })}</p>
          <p className="m-0 text-sm text-muted">{text(order.itemsSummary, order.itemsSummaryKo)}</p>
          {order.deliveryFeeWon > 0 && <p className="m-0 text-sm text-muted">{t("deliveryFee", { fee: f.won(order.deliveryFeeWon) })}</p>}
        </div>
        <Money won={order.totalWon} className="shrink-0 font-bold" />
      </header>

      <dl className="my-3 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:gap-x-6">
        <div className="grid gap-1">
          <dt className="text-xs font-semibold tracking-wide text-muted uppercase">{t("order")}</dt>
          <dd className="m-0">
            <OrderStatusBadge status={order.orderStatus} data-testid="mypage-order-status" />
          </dd>
        </div>
        <div className="grid gap-1">
          <dt className="text-xs font-semibold tracking-wide text-muted uppercase">{t("delivery")}</dt>
          <dd className="m-0">
            <DeliveryStatusBadge status={shownDeliveryStatus(order.orderStatus, order.deliveryStatus)} data-testid="mypage-delivery-status" />
          </dd>
        </div>
        {order.paymentStatus === "REFUNDED" && (
          <div className="grid gap-1">
            <dt className="text-xs font-semibold tracking-wide text-muted uppercase">{t("payment")}</dt>
            <dd className="m-0">
              <PaymentStatusBadge status="REFUNDED" data-testid="mypage-payment-status" />
            </dd>
          </div>
        )}
      </dl>

      <p className="m-0 flex flex-wrap gap-x-4 gap-y-1 text-sm text-ink-soft">
        <span>{order.deliveryDate ? t("deliveryOn", { date: f.deliveryDate(order.deliveryDate), slot: order.timeSlot ? f.slot(order.timeSlot) : "" }) : t("datePending")}</span>
        {order.riderName && riderLine && <span data-testid="mypage-rider">{t(riderLine, { name: order.riderName })}</span>}
        {order.placedAt && (
          <span>
            {t("ordered")} <time dateTime={isoDateTime(order.placedAt)}>{f.dateTime(order.placedAt)}</time>
          </span>
        )}
      </p>

      {proof && <DoorProof orderId={order.orderId} proof={proof} />}
      {/* W1: the photo of the arranged bouquet to approve (read only for orders that have one). */}
      {timeline.some((e) => e.type === "ArrangementPhotoSubmitted") && <ArrangementReview orderId={order.orderId} />}

      {timeline.length > 0 && (
        <div className="mt-3 border-t border-line pt-2">
          <button
            type="button"
            className="inline-flex min-h-10 items-center gap-1.5 rounded-full px-2 font-semibold text-brand-700 hover:bg-brand-50"
            aria-expanded={open}
            aria-controls={timelineId}
            onClick={() => setOpen((o) => !o)}
          >
            <ChevronDown aria-hidden="true" className={cn("size-4 transition-transform", open && "rotate-180")} />
            {open ? t("hideTimeline") : t("showTimeline")}
            <span className="font-normal text-muted">({t("steps", { count: timeline.length })})</span>
          </button>
          <ol id={timelineId} hidden={!open} aria-label={t("timelineLabel", { store: text(order.storeName, order.storeNameKo) })} className="m-0 mt-2 grid list-none gap-0 border-l-2 border-line p-0 pl-4">
            {timeline.map((e) => (
              <li key={e.eventId} className="relative flex flex-wrap items-baseline justify-between gap-x-3 py-1.5 before:absolute before:top-3 before:-left-[1.3rem] before:size-2.5 before:rounded-full before:bg-brand-600 before:content-['']">
                <span className="font-semibold">
                  {isEventType(e.type) ? tEvent(e.type) : e.label}
                  {e.detail && e.type !== "DeliveryAttempted" && <span className="font-normal text-ink-soft"> — {e.detail}</span>}
                </span>
                <time className="text-sm text-muted" dateTime={isoDateTime(e.at)}>
                  {f.dateTime(e.at)}
                </time>
              </li>
            ))}
          </ol>
        </div>
      )}
    </article>
  );
}
