"use client";
// The rider's cards (F8–F10), built for one thumb on a 390 px phone: the facts first, one big
// action at the bottom of each card where the thumb rests.
import type { inferRouterOutputs } from "@trpc/server";
import { Button } from "~/components/button";
import { formatDateTime, formatDeliveryDate, formatSlot, isoDateTime } from "~/lib/format";
import type { AppRouter } from "~/server/routers/_app";
import { shortOrderNo } from "./board-labels";
import styles from "./rider-delivery-cards.module.css";

export type Delivery = inferRouterOutputs<AppRouter>["delivery"]["screen"]["open"][number];

export const mapLink = (address: string) => `https://map.kakao.com/?q=${encodeURIComponent(address)}`;
const telLink = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;
export const deliveryHeadingId = (d: Delivery) => `delivery-${d.id}`;

function When({ d }: { d: Delivery }) {
  return (
    <>
      {formatDeliveryDate(d.deliveryDate)} · <strong>{formatSlot(d.timeSlot)}</strong>
    </>
  );
}

export function OpenDeliveryCard({
  delivery: d,
  onTake,
  pending,
  disabled,
}: {
  delivery: Delivery;
  onTake: (d: Delivery) => void;
  pending: boolean;
  disabled: boolean;
}) {
  const headingId = deliveryHeadingId(d);
  return (
    <article className={styles.card} data-testid="open-delivery" data-order-id={d.orderId} aria-labelledby={headingId}>
      <header className={styles.head}>
        <h3 id={headingId} className={styles.store} tabIndex={-1}>
          {d.storeName}
        </h3>
        <span className={styles.no}>{shortOrderNo(d.orderId)}</span>
      </header>
      <dl className={styles.facts}>
        <div>
          <dt>Pickup</dt>
          <dd>{d.pickupAddress}</dd>
        </div>
        <div>
          <dt>Drop-off</dt>
          <dd>{d.dropoffAddress}</dd>
        </div>
        <div>
          <dt>Recipient</dt>
          <dd>{d.recipientName}</dd>
        </div>
        <div>
          <dt>Deliver</dt>
          <dd>
            <When d={d} />
          </dd>
        </div>
      </dl>
      <Button
        size="lg"
        block
        className={styles.action}
        onClick={() => onTake(d)}
        pending={pending}
        pendingText="Taking…"
        disabled={disabled}
        aria-describedby={headingId}
      >
        Take and start
      </Button>
    </article>
  );
}

export function MyDeliveryCard({
  delivery: d,
  onComplete,
  pending,
  disabled,
}: {
  delivery: Delivery;
  onComplete: (d: Delivery) => void;
  pending: boolean;
  disabled: boolean;
}) {
  const headingId = deliveryHeadingId(d);
  const started = d.status === "STARTED";

  if (!started) {
    return (
      <article className={`${styles.card} ${styles.done}`} data-testid="my-delivery" data-order-id={d.orderId} data-status={d.status} aria-labelledby={headingId}>
        <header className={styles.head}>
          {/* Listed under the "Completed" sub-heading, hence one level down. */}
          <h4 id={headingId} className={styles.store} tabIndex={-1}>
            {d.storeName}
          </h4>
          <span className="badge badge--delivered">Delivered</span>
        </header>
        <p className={styles.line}>
          <span className="visually-hidden">Drop-off: </span>
          {d.dropoffAddress}
        </p>
        <p className={styles.meta}>
          {d.recipientName} · {shortOrderNo(d.orderId)}
          {d.completedAt && (
            <>
              {" "}
              · delivered <time dateTime={isoDateTime(d.completedAt)}>{formatDateTime(d.completedAt)}</time>
            </>
          )}
        </p>
      </article>
    );
  }

  return (
    <article className={`${styles.card} ${styles.active}`} data-testid="my-delivery" data-order-id={d.orderId} data-status={d.status} aria-labelledby={headingId}>
      <header className={styles.head}>
        <h3 id={headingId} className={styles.store} tabIndex={-1}>
          {d.storeName}
        </h3>
        <span className="badge badge--delivering">On the way</span>
      </header>
      <dl className={styles.facts}>
        <div>
          <dt>Drop-off</dt>
          <dd>
            <a href={mapLink(d.dropoffAddress)} target="_blank" rel="noopener noreferrer" className={styles.mapLink}>
              {d.dropoffAddress}
              <span aria-hidden="true"> ↗</span>
              <span className="visually-hidden"> (open in Kakao Map, new tab)</span>
            </a>
          </dd>
        </div>
        <div>
          <dt>Recipient</dt>
          <dd className={styles.recipient}>
            <span>{d.recipientName}</span>
            <a href={telLink(d.recipientPhone)} className={styles.call} aria-label={`Call ${d.recipientName}, ${d.recipientPhone}`}>
              <span aria-hidden="true">📞</span> {d.recipientPhone}
            </a>
          </dd>
        </div>
        <div>
          <dt>Deliver</dt>
          <dd>
            <When d={d} />
          </dd>
        </div>
        <div>
          <dt>Pickup</dt>
          <dd>{d.pickupAddress}</dd>
        </div>
      </dl>
      {d.startedAt && (
        <p className={styles.meta}>
          {shortOrderNo(d.orderId)} · started <time dateTime={isoDateTime(d.startedAt)}>{formatDateTime(d.startedAt)}</time>
        </p>
      )}
      <Button
        size="lg"
        block
        className={styles.action}
        onClick={() => onComplete(d)}
        pending={pending}
        pendingText="Saving…"
        disabled={disabled}
        aria-describedby={headingId}
      >
        Mark delivered
      </Button>
    </article>
  );
}
