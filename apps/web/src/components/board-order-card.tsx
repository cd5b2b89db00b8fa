"use client";
// One order on the owner's board (F3, F4, F6): what to arrange, for whom, by when, and the next
// step. Accept and "Decoration done" run here; rejecting asks for a reason in the board's dialog.
import { formatWon, type StoreOrderStatus } from "@bloom/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert } from "~/components/alert";
import { Button } from "~/components/button";
import { useToast } from "~/components/toast";
import { formatDateTime, formatDeliveryDate, formatSlot, isoDateTime } from "~/lib/format";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import {
  boardLines,
  boardOrderHeadingId,
  focusBoardOrder,
  rejectReasonText,
  shortOrderNo,
  STORE_ORDER_STATUS_LABEL,
  type BoardOrder,
} from "./board-labels";
import styles from "./board-order-card.module.css";

export function BoardOrderCard({
  order,
  storeName,
  onReject,
}: {
  order: BoardOrder;
  /** Shown when the board lists several stores. */
  storeName?: string;
  onReject: (order: BoardOrder) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const headingId = boardOrderHeadingId(order.orderId);
  const status = order.status as StoreOrderStatus;
  const no = shortOrderNo(order.orderId);
  const lines = boardLines(order.lines);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() });
  const onError = (error: unknown) => {
    const e = readError(error);
    // The order moved on elsewhere (e.g. the customer cancelled): show the board as it is now.
    if (e.domainCode === "INVALID_TRANSITION" || e.domainCode === "NOT_FOUND") void refresh();
  };
  const accept = useMutation(
    trpc.store.accept.mutationOptions({
      onSuccess: async () => {
        toast.show(`Order ${no} accepted`);
        await refresh();
        focusBoardOrder(order.orderId);
      },
      onError,
    }),
  );
  const decorate = useMutation(
    trpc.store.completeDecoration.mutationOptions({
      onSuccess: async () => {
        toast.show(`Order ${no} is ready for pickup. A delivery request goes out to riders.`);
        await refresh();
        focusBoardOrder(order.orderId);
      },
      onError,
    }),
  );
  const busy = accept.isPending || decorate.isPending;
  const error = accept.error ?? decorate.error;
  const rejectedBecause = status === "REJECTED" ? rejectReasonText(order.rejectReason) : null;

  return (
    <article
      className={styles.card}
      data-testid="board-order"
      data-order-id={order.orderId}
      data-status={status}
      aria-labelledby={headingId}
    >
      <header className={styles.head}>
        <h3 id={headingId} className={styles.title} tabIndex={-1}>
          Order {no}
        </h3>
        <span className={`badge badge--${badgeTone(status)}`}>{STORE_ORDER_STATUS_LABEL[status]}</span>
      </header>
      <p className={styles.placed}>
        Placed <time dateTime={isoDateTime(order.createdAt)}>{formatDateTime(order.createdAt)}</time>
        {storeName && <span className={styles.store}> · {storeName}</span>}
      </p>

      {order.overStock && (
        <p className={styles.overStock}>
          <span aria-hidden="true">⚠ </span>Over stock
          <span className={styles.overStockWhy}> — more than you have in stock; check before accepting</span>
        </p>
      )}

      <p className={styles.when}>
        <span className="visually-hidden">Deliver on </span>
        {formatDeliveryDate(order.deliveryDate)} · {formatSlot(order.timeSlot)}
      </p>

      <ul className={styles.lines} aria-label="Items">
        {lines.map((l, i) => (
          <li key={`${l.bouquetId}-${i}`}>
            <span>{l.name}</span>
            <span className={styles.qty}>×{l.quantity}</span>
          </li>
        ))}
      </ul>
      <p className={styles.total}>
        <span>Total</span>
        <span>{formatWon(order.totalWon)}</span>
      </p>

      <dl className={styles.details}>
        <dt>Recipient</dt>
        <dd>
          {order.recipientName} ·{" "}
          <a href={`tel:${order.recipientPhone.replace(/[^\d+]/g, "")}`} className={styles.phone}>
            {order.recipientPhone}
          </a>
        </dd>
        <dt>Address</dt>
        <dd>{order.address}</dd>
        {order.giftMessage && (
          <>
            <dt>Gift message</dt>
            <dd className={styles.gift}>{order.giftMessage}</dd>
          </>
        )}
        {order.note && (
          <>
            <dt>Note</dt>
            <dd>{order.note}</dd>
          </>
        )}
        {rejectedBecause && (
          <>
            <dt>Reason</dt>
            <dd>{rejectedBecause}</dd>
          </>
        )}
      </dl>

      {error && (
        <Alert className={styles.error}>
          <p>{readError(error).message}</p>
        </Alert>
      )}

      {(status === "NEW" || status === "ACCEPTED") && (
        <div className={styles.actions}>
          {status === "NEW" ? (
            <Button
                            onClick={() => accept.mutate({ orderId: order.orderId })}
              pending={accept.isPending}
              pendingText="Accepting…"
              disabled={busy}
              aria-describedby={headingId}
            >
              Accept
            </Button>
          ) : (
            <Button
                            onClick={() => decorate.mutate({ orderId: order.orderId })}
              pending={decorate.isPending}
              pendingText="Saving…"
              disabled={busy}
              aria-describedby={headingId}
            >
              Decoration done
            </Button>
          )}
          <Button variant="secondary" onClick={() => onReject(order)} disabled={busy} aria-describedby={headingId}>
            Reject
          </Button>
        </div>
      )}
    </article>
  );
}

/** Store statuses borrow the badge colours of the matching order statuses in globals.css. */
function badgeTone(status: StoreOrderStatus): string {
  return status === "NEW" ? "placed" : status.toLowerCase();
}
