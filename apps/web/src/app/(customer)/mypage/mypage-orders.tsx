"use client";
// MyPage (F14, N4, B1, B2): every order with its order and delivery status, newest first, read
// from the mypage read model, refreshed on live changes (a slow poll as fallback).
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import type { MyPageFilter } from "~/components/mypage-labels";
import { MyPageOrderRow } from "~/components/mypage-order-row";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { LoadErrorAlert } from "~/components/ui/load-error-alert";
import { PageHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/cn";
import { useErrorMessage } from "~/lib/error-message";
import { LIVE_FALLBACK_MS, useTRPC } from "~/trpc/react";

const PAGE_SIZE = 10;
const FILTERS: readonly MyPageFilter[] = ["all", "active", "past"];

export function MyPageOrders() {
  const t = useTranslations("mypage");
  const tm = useTranslations("messageSettings");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<MyPageFilter>("all");

  const orders = useInfiniteQuery({
    ...trpc.mypage.orders.infiniteQueryOptions({ filter, limit: PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor ?? undefined }),
    refetchInterval: LIVE_FALLBACK_MS,
    // Switching tabs keeps the old list on screen until the new one arrives: no flash of empty.
    placeholderData: keepPreviousData,
  });

  // Pages are cursor-based; an order that moves between pages while they refresh shows once.
  const items = useMemo(() => {
    const seen = new Set<string>();
    return (orders.data?.pages ?? []).flatMap((p) => p.items).filter((o) => !seen.has(o.orderId) && seen.add(o.orderId));
  }, [orders.data]);

  const switching = orders.isPlaceholderData;

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("title")}
        description={t("lead")}
        actions={
          <Link href="/mypage/notifications" className="inline-flex min-h-10 items-center rounded-full border border-line px-4 font-semibold text-ink hover:bg-surface-2">
            {tm("link")}
          </Link>
        }
      />

      <div role="group" aria-label={t("filterLabel")} className="mb-4 inline-flex gap-1 rounded-full border border-line bg-surface-2 p-1">
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
            className={cn(
              "min-h-10 min-w-20 rounded-full px-4 font-semibold transition-colors",
              filter === f ? "bg-brand-600 text-white shadow-sm" : "text-ink hover:bg-surface",
            )}
          >
            {t(`filter.${f}`)}
          </button>
        ))}
      </div>

      {orders.isError && !orders.data ? (
        <LoadErrorAlert title={t("loadError")} retryLabel={t("retry")} error={orders.error} onRetry={() => void orders.refetch()} />
      ) : !orders.data ? (
        <Loading label={t("loading")} className="grid gap-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-40" />
          ))}
        </Loading>
      ) : (
        <>
          <p className="mb-3 text-sm font-semibold text-muted" role="status" aria-live="polite">
            {switching ? t("loadingShort") : items.length === 0 ? "" : t("shown", { count: items.length, filter: t(`filter.${filter}`), more: orders.hasNextPage ? "yes" : "no" })}
          </p>
          {orders.isError && (
            <Alert tone="warning" className="mb-3">
              {t("stale")}
            </Alert>
          )}
          {items.length === 0 && !switching ? (
            <EmptyState
              title={t(`empty.${filter}.title`)}
              action={
                filter === "all" ? (
                  <Button asChild>
                    <Link href="/stores">{t("browse")}</Link>
                  </Button>
                ) : undefined
              }
            >
              <p>{t(`empty.${filter}.hint`)}</p>
            </EmptyState>
          ) : (
            <ul className={cn("m-0 grid list-none gap-3 p-0 transition-opacity", switching && "opacity-60")} aria-busy={switching || undefined}>
              {items.map((o) => (
                <li key={o.orderId}>
                  <MyPageOrderRow order={o} />
                </li>
              ))}
            </ul>
          )}
          {orders.hasNextPage && !switching && (
            <div className="mt-4 flex justify-center">
              <Button variant="secondary" onClick={() => void orders.fetchNextPage()} pending={orders.isFetchingNextPage} pendingText={t("loadingShort")}>
                {t("loadMore")}
              </Button>
            </div>
          )}
          {orders.isFetchNextPageError && <Alert className="mt-3">{t("moreError", { reason: errorMessage(orders.error) })}</Alert>}
        </>
      )}
    </div>
  );
}
