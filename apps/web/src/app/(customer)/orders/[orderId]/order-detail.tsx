"use client";
// One order, as its customer follows it (F13, B2): status, payment, items, delivery and the
// timeline. It polls every 3 s until the order can no longer change (live push comes later).
import type { OrderStatus } from "@bloom/domain";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { Alert } from "~/components/alert";
import { Button, buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import { Money } from "~/components/money";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime, formatDeliveryDate, formatSlot, isoDateTime } from "~/lib/format";
import { CUSTOMER_CANCELLABLE, ORDER_PROGRESS, ORDER_STATUS_LABEL } from "~/lib/order-status";
import { isNotFound, readError, type ClientError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import { CancelOrder } from "./cancel-order";
import { OrderTimeline } from "./order-timeline";

const POLL_MS = 3000;

/** Nothing more will happen to a delivered order, or to a stopped one once it is refunded. */
function settled(o: { status: OrderStatus; refunded: boolean } | undefined): boolean {
  if (!o) return false;
  return o.status === "DELIVERED" || ((o.status === "CANCELLED" || o.status === "REJECTED") && o.refunded);
}

export function OrderDetail({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const order = useQuery(
    trpc.order.get.queryOptions(
      { orderId },
      { refetchInterval: (q) => (settled(q.state.data) ? false : POLL_MS) },
    ),
  );
  const [cancelError, setCancelError] = useState<ClientError | null>(null);
  const announcement = useStatusAnnouncement(order.data?.status);

  if (order.isError && !order.data) {
    if (isNotFound(order.error)) {
      return (
        <EmptyState
          headingLevel={1}
          title="Order not found"
          action={
            <Link href="/orders" className={buttonClass("primary")}>
              My orders
            </Link>
          }
        >
          <p>It may belong to another account.</p>
        </EmptyState>
      );
    }
    return (
      <Alert title="We could not load this order">
        <p>{readError(order.error).message}</p>
        <Button variant="secondary" size="sm" onClick={() => void order.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  }
  if (!order.data) {
    return <div className="skeleton" style={{ minHeight: "24rem" }} aria-busy="true" aria-label="Loading the order" />;
  }

  const o = order.data;
  // Non-breaking spaces keep "VISA •••• 4242" on one line.
  const card = `${o.cardBrand}\u00a0••••\u00a0${o.cardLast4}`;
  const stopped = o.status === "CANCELLED" || o.status === "REJECTED";
  const reached = ORDER_PROGRESS.indexOf(o.status);

  return (
    <>
      <Link href="/orders" className="back-link">
        ← My orders
      </Link>
      <div className="page-head">
        <div>
          <h1>Order from {o.storeName}</h1>
          <p className="muted small">
            Order #{o.id.slice(0, 8).toUpperCase()} · placed <time dateTime={isoDateTime(o.createdAt)}>{formatDateTime(o.createdAt)}</time>
          </p>
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      <div className="order-detail">
        <div>
          <section className="panel" aria-labelledby="status-title">
            <div className="order-status-head">
              <div>
                <h2 id="status-title" className="panel__title" style={{ marginBottom: "0.35rem" }}>
                  Status
                </h2>
                <StatusBadge status={o.status} className="badge--lg" data-testid="order-status" />
              </div>
              {CUSTOMER_CANCELLABLE.includes(o.status) && (
                <CancelOrder orderId={o.id} totalWon={o.totalWon} card={card} onError={setCancelError} />
              )}
            </div>
            {!stopped && (
              <ol className="progress" aria-label="Progress">
                {ORDER_PROGRESS.map((s, i) => (
                  <li key={s} data-done={i <= reached} aria-current={i === reached ? "step" : undefined}>
                    {ORDER_STATUS_LABEL[s]}
                  </li>
                ))}
              </ol>
            )}
            {stopped && o.statusReason && (
              <p style={{ margin: "0.75rem 0 0" }}>
                <strong>Reason:</strong> {o.statusReason}
              </p>
            )}
            {cancelError && (
              <div style={{ marginTop: "0.75rem" }}>
                <Alert title="This order could not be cancelled">
                  <p>{cancelError.message}</p>
                </Alert>
              </div>
            )}
          </section>

          <section className="panel" aria-labelledby="payment-title">
            <h2 id="payment-title" className="panel__title">
              Payment
            </h2>
            {o.refunded ? (
              <p style={{ margin: 0 }}>
                <strong>Refunded</strong> <Money won={o.totalWon} /> to {card}
              </p>
            ) : (
              <p style={{ margin: 0 }}>
                Paid <Money won={o.totalWon} /> with {card}
                {stopped && <span className="muted"> · refund in progress</span>}
              </p>
            )}
          </section>

          <section className="panel" aria-labelledby="items-title">
            <h2 id="items-title" className="panel__title">
              Bouquets
            </h2>
            <ul className="item-lines">
              {o.lines.map((l) => (
                <li key={l.id}>
                  <span>
                    {l.quantity} × {l.name}
                  </span>
                  <Money won={l.unitPriceWon * l.quantity} />
                </li>
              ))}
            </ul>
            <div className="summary-total">
              <span>Total</span>
              <strong>
                <Money won={o.totalWon} />
              </strong>
            </div>
          </section>

          <section className="panel" aria-labelledby="delivery-title">
            <h2 id="delivery-title" className="panel__title">
              Delivery
            </h2>
            <dl className="details">
              <dt>Recipient</dt>
              <dd>
                {o.recipientName} · <a href={`tel:${o.recipientPhone}`}>{o.recipientPhone}</a>
              </dd>
              <dt>Address</dt>
              <dd>{o.address}</dd>
              <dt>When</dt>
              <dd>
                {formatDeliveryDate(o.deliveryDate)}, {formatSlot(o.timeSlot)}
              </dd>
              {o.giftMessage && (
                <>
                  <dt>Gift card message</dt>
                  <dd>
                    <blockquote className="gift-card">{o.giftMessage}</blockquote>
                  </dd>
                </>
              )}
              {o.note && (
                <>
                  <dt>Note to the florist</dt>
                  <dd>{o.note}</dd>
                </>
              )}
            </dl>
          </section>
        </div>

        <section className="panel" aria-labelledby="history-title">
          <h2 id="history-title" className="panel__title">
            History
          </h2>
          <OrderTimeline history={o.history} />
        </section>
      </div>
    </>
  );
}

/** Words for screen readers when the status changes while the page is open (not on first load). */
function useStatusAnnouncement(status: OrderStatus | undefined): string {
  const previous = useRef<OrderStatus | undefined>(undefined);
  const [text, setText] = useState("");
  useEffect(() => {
    if (status && previous.current && previous.current !== status) setText(`Order status: ${ORDER_STATUS_LABEL[status]}`);
    previous.current = status;
  }, [status]);
  return text;
}
