"use client";
// One order on MyPage (F14, B2): where it stands with the store, the rider and the payment, and
// every step so far behind a disclosure.
import { formatWon } from "@bloom/domain";
import { useId, useState } from "react";
import { formatDateTime, formatDeliveryDate, formatSlot, isoDateTime } from "~/lib/format";
import { deliveryBadge, deliveryStatusWord, orderStatusWord, timelineOf, type MyPageOrder } from "./mypage-labels";
import styles from "./mypage-order-row.module.css";

export function MyPageOrderRow({ order }: { order: MyPageOrder }) {
  const headingId = useId();
  const timelineId = useId();
  const [open, setOpen] = useState(false);
  const timeline = timelineOf(order.timeline);
  const showRider = Boolean(order.riderName) && (order.deliveryStatus === "DELIVERING" || order.deliveryStatus === "DELIVERED");

  return (
    <article className={styles.row} data-testid="mypage-order" data-order-id={order.orderId} aria-labelledby={headingId}>
      <header className={styles.head}>
        <h2 id={headingId} className={styles.store}>
          {order.storeName}
        </h2>
        <span className={styles.total}>{formatWon(order.totalWon)}</span>
      </header>
      <p className={styles.items}>{order.itemsSummary}</p>

      <dl className={styles.statuses}>
        <div>
          <dt>Order</dt>
          <dd>
            <span className={`badge badge--${order.orderStatus.toLowerCase()}`} data-testid="mypage-order-status" data-status={order.orderStatus}>
              {orderStatusWord(order.orderStatus)}
            </span>
          </dd>
        </div>
        <div>
          <dt>Delivery</dt>
          <dd>
            <span
              className={`badge badge--${deliveryBadge(order.deliveryStatus)}`}
              data-testid="mypage-delivery-status"
              data-status={order.deliveryStatus}
            >
              {deliveryStatusWord(order.deliveryStatus)}
            </span>
          </dd>
        </div>
        {order.paymentStatus === "REFUNDED" && (
          <div>
            <dt>Payment</dt>
            <dd>
              <span className={`badge ${styles.refunded}`} data-testid="mypage-payment-status" data-status="REFUNDED">
                Refunded
              </span>
            </dd>
          </div>
        )}
      </dl>

      <p className={styles.meta}>
        <span>
          Delivery {order.deliveryDate ? formatDeliveryDate(order.deliveryDate) : "date pending"}
          {order.timeSlot && ` · ${formatSlot(order.timeSlot)}`}
        </span>
        {showRider && (
          <span>
            {order.deliveryStatus === "DELIVERED" ? "Delivered by " : "Rider: "}
            <strong>{order.riderName}</strong>
          </span>
        )}
        {order.placedAt && (
          <span>
            Ordered <time dateTime={isoDateTime(order.placedAt)}>{formatDateTime(order.placedAt)}</time>
          </span>
        )}
      </p>

      {timeline.length > 0 && (
        <div className={styles.timelineBox}>
          <button
            type="button"
            className={styles.toggle}
            aria-expanded={open}
            aria-controls={timelineId}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true" className={styles.chevron} data-open={open || undefined}>
              ▸
            </span>
            {open ? "Hide timeline" : "Show timeline"}
            <span className={styles.steps}>
              ({timeline.length} {timeline.length === 1 ? "step" : "steps"})
            </span>
          </button>
          <ol id={timelineId} className={`timeline ${styles.timeline}`} hidden={!open} aria-label={`Timeline of the order from ${order.storeName}`}>
            {timeline.map((e) => (
              <li key={e.eventId}>
                <span className="timeline__status">{e.label}</span>
                <time className="timeline__time" dateTime={isoDateTime(e.at)}>
                  {formatDateTime(e.at)}
                </time>
              </li>
            ))}
          </ol>
        </div>
      )}
    </article>
  );
}
