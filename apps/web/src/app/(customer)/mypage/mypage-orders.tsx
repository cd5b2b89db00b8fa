"use client";
// MyPage (F14, N4, B1, B2): every order with its order and delivery status, newest first, read
// from the mypage read model and refreshed every two seconds until live push arrives.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { Alert } from "~/components/alert";
import { Button, buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import type { MyPageFilter } from "~/components/mypage-labels";
import { MyPageOrderRow } from "~/components/mypage-order-row";
import { pluralize } from "~/lib/format";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import styles from "./mypage.module.css";

const PAGE_SIZE = 10;

const FILTERS: { value: MyPageFilter; label: string; empty: string; hint: string }[] = [
  { value: "all", label: "All", empty: "No orders yet", hint: "Your orders appear here as soon as they are paid." },
  { value: "active", label: "Active", empty: "Nothing on its way", hint: "Orders being prepared or delivered show here." },
  { value: "past", label: "Past", empty: "No past orders", hint: "Delivered, rejected and cancelled orders show here." },
];

export function MyPageOrders() {
  const trpc = useTRPC();
  const [filter, setFilter] = useState<MyPageFilter>("all");

  const orders = useInfiniteQuery({
    ...trpc.mypage.orders.infiniteQueryOptions(
      { filter, limit: PAGE_SIZE },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    refetchInterval: 2000,
    // Switching tabs keeps the old list on screen until the new one arrives: no flash of empty.
    placeholderData: keepPreviousData,
  });

  // Pages are cursor-based; an order that moves between pages while they refresh shows once.
  const items = useMemo(() => {
    const seen = new Set<string>();
    return (orders.data?.pages ?? []).flatMap((p) => p.items).filter((o) => !seen.has(o.orderId) && seen.add(o.orderId));
  }, [orders.data]);

  const current = FILTERS.find((f) => f.value === filter)!;
  const switching = orders.isPlaceholderData;

  return (
    <>
      <div className="page-head">
        <div>
          <h1>My page</h1>
          <p className="muted">Every order and where it is now. This page updates on its own.</p>
        </div>
      </div>

      <div className={styles.filters} role="group" aria-label="Show orders">
        {FILTERS.map((f) => (
          <button
            key={f.value}
            type="button"
            className={styles.filter}
            aria-pressed={filter === f.value}
            onClick={() => setFilter(f.value)}
          >
            {f.label}
          </button>
        ))}
      </div>

      {orders.isError && !orders.data ? (
        <Alert title="We could not load your orders">
          <p>{readError(orders.error).message}</p>
          <Button variant="secondary" size="sm" onClick={() => void orders.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !orders.data ? (
        <div className={styles.list} aria-busy="true" aria-label="Loading your orders">
          {[0, 1, 2].map((i) => (
            <div key={i} className="skeleton" style={{ minHeight: "9rem" }} />
          ))}
        </div>
      ) : (
        <>
          <p className="result-count" role="status" aria-live="polite">
            {switching
              ? "Loading…"
              : items.length === 0
                ? ""
                : `${current.label === "All" ? "" : `${current.label}: `}${pluralize(items.length, "order")} shown${orders.hasNextPage ? ", more available" : ""}`}
          </p>
          {orders.isError && (
            <p className={styles.stale} role="status">
              Connection lost. Showing the last known status; retrying…
            </p>
          )}
          {items.length === 0 && !switching ? (
            <EmptyState
              title={current.empty}
              action={
                filter === "all" ? (
                  <Link href="/stores" className={buttonClass("primary")}>
                    Browse flower shops
                  </Link>
                ) : undefined
              }
            >
              <p>{current.hint}</p>
            </EmptyState>
          ) : (
            <ul className={styles.list} aria-busy={switching || undefined}>
              {items.map((o) => (
                <li key={o.orderId}>
                  <MyPageOrderRow order={o} />
                </li>
              ))}
            </ul>
          )}
          {orders.hasNextPage && !switching && (
            <div className="load-more">
              <Button
                variant="secondary"
                onClick={() => void orders.fetchNextPage()}
                pending={orders.isFetchingNextPage}
                pendingText="Loading…"
              >
                Load more
              </Button>
            </div>
          )}
          {orders.isFetchNextPageError && (
            <Alert className={styles.moreError}>
              <p>We could not load more orders. {readError(orders.error).message}</p>
            </Alert>
          )}
        </>
      )}
    </>
  );
}
