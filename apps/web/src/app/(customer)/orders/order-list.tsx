"use client";
// The customer's orders, newest first, a page at a time (F13).
import { orderNumber } from "@bloom/domain";
import { useInfiniteQuery } from "@tanstack/react-query";
import { ChevronRight, Package } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "~/components/money";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { LoadErrorAlert } from "~/components/ui/load-error-alert";
import { PageHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { OrderStatusBadge, PaymentStatusBadge } from "~/components/ui/status-badge";
import { useErrorMessage } from "~/lib/error-message";
import { isoDateTime, useFormat } from "~/lib/format";
import { useLocalized } from "~/lib/localized";
import { useTRPC } from "~/trpc/react";
import { useLocalizedName } from "~/lib/localized";
import { useSizeName, withSize } from "~/lib/sizes";

const PAGE_SIZE = 10;

export function OrderList() {
  const t = useTranslations("orders");
  const tOrder = useTranslations("order");
  const nameOf = useLocalizedName();
  const sizeName = useSizeName();
  const f = useFormat();
  const text = useLocalized();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const orders = useInfiniteQuery(trpc.order.list.infiniteQueryOptions({ limit: PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor ?? undefined }));
  const items = orders.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("lead")}
        actions={
          <Button variant="secondary" size="sm" asChild>
            <Link href="/stores">{t("orderMore")}</Link>
          </Button>
        }
      />

      {orders.isError && !orders.data ? (
        <LoadErrorAlert title={t("loadError")} retryLabel={t("retry")} error={orders.error} onRetry={() => void orders.refetch()} />
      ) : !orders.data ? (
        <Loading label={t("loading")} className="grid gap-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-28" />
          ))}
        </Loading>
      ) : items.length === 0 ? (
        <EmptyState
          icon={<Package />}
          title={t("emptyTitle")}
          action={
            <Button asChild>
              <Link href="/stores">{t("browse")}</Link>
            </Button>
          }
        >
          <p>{t("emptyBody")}</p>
        </EmptyState>
      ) : (
        <>
          <ul className="m-0 grid list-none gap-3 p-0">
            {items.map((o) => (
              <li key={o.id} className="group relative flex items-center gap-4 rounded-3xl border border-line bg-surface p-4 shadow-card transition-shadow focus-within:ring-3 focus-within:ring-focus hover:shadow-lift sm:p-5">
                <div className="grid min-w-0 flex-1 gap-1">
                  <div className="flex flex-wrap items-center gap-2">
                    <OrderStatusBadge status={o.status} />
                    {o.refunded && <PaymentStatusBadge status="REFUNDED" size="sm" />}
                  </div>
                  <h2 className="m-0 text-lg font-bold">
                    <Link href={`/orders/${o.id}`} className="text-ink no-underline after:absolute after:inset-0 after:rounded-3xl after:content-[''] hover:text-brand-700">
                      {text(o.storeName, o.storeNameKo)}
                    </Link>
                  </h2>
                  <p className="m-0 text-sm text-ink-soft">
                    {t("forRecipient", { name: o.recipientName })} · {f.deliveryDate(o.deliveryDate)}, {f.slot(o.timeSlot)}
                  </p>
                  <p className="m-0 truncate text-sm text-muted">{[...o.lines.map((l) => `${l.quantity} × ${withSize(text(l.name, l.nameKo), sizeName(l.tier))}`), ...o.addons.map((a) => `+ ${a.quantity} × ${nameOf(a)}`)].join(", ")}</p>
                  <p className="m-0 text-xs text-muted">
                    <span className="tabular-nums" data-testid="order-number">{tOrder("number", { no: orderNumber(o.id) })}</span> · {t("ordered")}{" "}
                    <time dateTime={isoDateTime(o.createdAt)}>{f.dateTime(o.createdAt)}</time>
                  </p>
                </div>
                <div className="flex shrink-0 items-center gap-2">
                  <Money won={o.totalWon} className="font-bold" />
                  <ChevronRight aria-hidden="true" className="size-5 text-muted" />
                </div>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-center text-sm text-muted" role="status">
            {t("showing", { count: items.length })}
          </p>
          {orders.hasNextPage && (
            <div className="mt-3 flex justify-center">
              <Button variant="secondary" onClick={() => void orders.fetchNextPage()} pending={orders.isFetchingNextPage} pendingText={t("loadingMore")}>
                {t("loadMore")}
              </Button>
            </div>
          )}
          {orders.isFetchNextPageError && <Alert className="mt-3">{errorMessage(orders.error)}</Alert>}
        </>
      )}
    </>
  );
}
