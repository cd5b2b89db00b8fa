"use client";
// The customer's orders, newest first, a page at a time (F13).
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Alert } from "~/components/alert";
import { Button, buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import { Money } from "~/components/money";
import { StatusBadge } from "~/components/status-badge";
import { formatDateTime, formatDeliveryDate, formatSlot, isoDateTime, pluralize } from "~/lib/format";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

const PAGE_SIZE = 10;

export function OrderList() {
  const trpc = useTRPC();
  const orders = useInfiniteQuery(
    trpc.order.list.infiniteQueryOptions(
      { limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <div className="page-head">
        <div>
          <h1>My orders</h1>
          <p className="muted">Follow each bouquet from the shop to the door.</p>
        </div>
        <Link href="/stores" className={buttonClass("secondary", "sm")}>
          Order more flowers
        </Link>
      </div>

      {orders.isError && !orders.data ? (
        <Alert title="We could not load your orders">
          <p>{readError(orders.error).message}</p>
          <Button variant="secondary" size="sm" onClick={() => void orders.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !orders.data ? (
        <div className="order-list" aria-busy="true" aria-label="Loading your orders">
          {[0, 1, 2].map((i) => (
            <div key={i} className="skeleton" style={{ minHeight: "6rem" }} />
          ))}
        </div>
      ) : items.length === 0 ? (
        <EmptyState
          title="No orders yet"
          action={
            <Link href="/stores" className={buttonClass("primary")}>
              Browse shops
            </Link>
          }
        >
          <p>When you send flowers, you can follow them here.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="order-list">
            {items.map((o) => (
              <li key={o.id} className="card order-row">
                <div>
                  <h2 className="order-row__store">
                    <Link href={`/orders/${o.id}`}>{o.storeName}</Link>
                  </h2>
                  <p className="order-row__meta">
                    For {o.recipientName} · {formatDeliveryDate(o.deliveryDate)}, {formatSlot(o.timeSlot)}
                  </p>
                  <p className="order-row__meta small">
                    {o.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")}
                  </p>
                  <p className="order-row__meta small">
                    Ordered <time dateTime={isoDateTime(o.createdAt)}>{formatDateTime(o.createdAt)}</time>
                  </p>
                </div>
                <div className="order-row__side">
                  <StatusBadge status={o.status} />
                  <Money won={o.totalWon} />
                  {o.refunded && <span className="small muted">Refunded</span>}
                </div>
              </li>
            ))}
          </ul>
          <p className="result-count" role="status" style={{ marginTop: "0.75rem", textAlign: "center" }}>
            Showing {pluralize(items.length, "order")}
          </p>
          {orders.hasNextPage && (
            <div className="load-more">
              <Button variant="secondary" onClick={() => void orders.fetchNextPage()} pending={orders.isFetchingNextPage} pendingText="Loading…">
                Load more
              </Button>
            </div>
          )}
          {orders.isFetchNextPageError && <Alert>{readError(orders.error).message}</Alert>}
        </>
      )}
    </>
  );
}
