"use client";
// The store owner's order board on the shop tablet (F3, F4, F6, B1): four columns from "New" to
// "Rejected / cancelled" (two on a portrait tablet, one on a phone), refreshed on live changes (a
// slow poll as fallback). New orders beep, pulse and are announced; the unread count is a badge here
// and in the tab title.
import { UNREAD_COUNT_CAP, type StoreOrderStatus } from "@bloom/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff, CheckCheck, Inbox, Volume2 } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useId, useMemo, useState } from "react";
import type { BoardOrder } from "~/components/board-labels";
import { useNewOrderAlert, useSoundAlerts, useUnreadTitle } from "~/components/board-new-order-alert";
import { BoardOrderCard } from "~/components/board-order-card";
import { BoardRejectDialog } from "~/components/board-reject-dialog";
import { BoardStorePicker } from "~/components/board-store-picker";
import { PushOptIn } from "~/components/push-opt-in";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { Switch } from "~/components/ui/switch";
import { cn } from "~/lib/cn";
import { useErrorMessage } from "~/lib/error-message";
import { useLocalizedName } from "~/lib/localized";
import { LIVE_FALLBACK_MS, useTRPC } from "~/trpc/react";

type ColumnKey = "new" | "accepted" | "ready" | "closed";
type Column = { key: ColumnKey; statuses: readonly StoreOrderStatus[]; urgentFirst: boolean; head: string };

const COLUMNS: readonly Column[] = [
  { key: "new", statuses: ["NEW"], urgentFirst: true, head: "bg-brand-600 text-white" },
  { key: "accepted", statuses: ["ACCEPTED"], urgentFirst: true, head: "bg-info-50 text-info-800" },
  { key: "ready", statuses: ["DECORATED"], urgentFirst: false, head: "bg-violet-50 text-violet-800" },
  { key: "closed", statuses: ["DECORATED", "REJECTED", "CANCELLED"], urgentFirst: false, head: "bg-surface-3 text-ink-soft" },
];

// An arranged bouquet a rider has picked up has left the shop: it moves from "Ready" to "Done".
// A rider who has only claimed it (on the way, or at the shop) leaves it in "Ready" (D3).
function columnHolds(column: Column, o: BoardOrder): boolean {
  if (!column.statuses.includes(o.status as StoreOrderStatus)) return false;
  // A failed attempt (D4) stays with the bouquets to send out: the shop has to answer it.
  return o.status !== "DECORATED" || (column.key === "closed") === (!!o.pickedUpAt && !o.attemptedAt);
}

// Work still to do is ordered by when it must leave the shop; finished work by latest change.
function byDeliveryTime(a: BoardOrder, b: BoardOrder): number {
  return a.deliveryDate.localeCompare(b.deliveryDate) || a.timeSlot.localeCompare(b.timeSlot) || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
}
function byLatestChange(a: BoardOrder, b: BoardOrder): number {
  return new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime();
}

export function OrderBoard() {
  const t = useTranslations("board");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const errorMessage = useErrorMessage();
  const nameOf = useLocalizedName();
  const soundId = useId();

  const stores = useQuery(trpc.store.myStores.queryOptions(undefined, { staleTime: 60_000 }));
  const requested = params.get("store") ?? "";
  // An id that is not one of ours (an old link) falls back to all stores rather than an empty board.
  const storeId = requested && (!stores.data || stores.data.some((s) => s.id === requested)) ? requested : "";

  const board = useQuery(
    trpc.store.board.queryOptions(storeId ? { storeId } : {}, {
      refetchInterval: LIVE_FALLBACK_MS,
      // The tablet sits in the shop with the board in the background too: keep listening.
      refetchIntervalInBackground: true,
    }),
  );
  const refreshBoard = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() }), [queryClient, trpc]);
  const markRead = useMutation(trpc.store.markRead.mutationOptions({ onSuccess: refreshBoard }));

  const [sound, setSound] = useSoundAlerts();
  const newIds = useMemo(() => board.data?.orders.filter((o) => o.status === "NEW").map((o) => o.orderId), [board.data]);
  const alert = useNewOrderAlert(newIds, storeId || "all", sound, (count) => t("newOrders", { count }));
  const unread = board.data?.unread ?? 0;
  useUnreadTitle(board.data?.unread);

  const [rejecting, setRejecting] = useState<BoardOrder | null>(null);
  const closeReject = useCallback(() => setRejecting(null), []);

  const storeNames = useMemo(() => new Map(stores.data?.map((s) => [s.id, nameOf(s)])), [stores.data, nameOf]);
  const showStoreName = !storeId && (stores.data?.length ?? 0) > 1;

  function pickStore(id: string) {
    const next = new URLSearchParams(params.toString());
    if (id) next.set("store", id);
    else next.delete("store");
    const qs = next.toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }

  if (stores.data && stores.data.length === 0) {
    return (
      <EmptyState headingLevel={1} title={t("noStores")}>
        <p>{t("noStoresBody")}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <div className="flex min-w-0 items-center gap-3">
          <h1 className="m-0 text-2xl font-extrabold tracking-tight sm:text-3xl">{t("title")}</h1>
          <span
            data-testid="board-unread"
            data-count={unread}
            className={cn(
              "inline-flex min-h-9 items-center gap-1.5 rounded-full px-3 text-sm font-bold tabular-nums",
              unread ? "bg-brand-600 text-white" : "bg-surface-2 text-muted",
            )}
          >
            {unread ? <Bell aria-hidden="true" className="size-4" /> : <BellOff aria-hidden="true" className="size-4" />}
            {unread >= UNREAD_COUNT_CAP ? t("unreadMany", { count: UNREAD_COUNT_CAP - 1 }) : t("unread", { count: unread })}
          </span>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="secondary" size="sm" onClick={() => markRead.mutate()} disabled={!unread} pending={markRead.isPending} pendingText={t("marking")}>
            <CheckCheck aria-hidden="true" />
            {t("markRead")}
          </Button>
          <div className="inline-flex min-h-9 items-center gap-2 rounded-full border border-line-strong bg-surface px-3">
            <Volume2 aria-hidden="true" className="size-4 text-muted" />
            <label htmlFor={soundId} className="cursor-pointer text-sm font-semibold">
              {t("sound")}
            </label>
            <Switch id={soundId} checked={sound} onCheckedChange={setSound} size="sm" />
          </div>
          {/* X3: rings the tablet or phone through web push even with the board closed; the sound above stays the fallback. */}
          <PushOptIn audience="owner" />
        </div>
      </div>

      <div className="mb-4 grid gap-3 md:grid-cols-[minmax(14rem,20rem)_1fr] md:items-end">
        <BoardStorePicker stores={stores.data} value={storeId} onChange={pickStore} allowAll />
        <p
          role="status"
          aria-live="polite"
          className={cn("m-0 flex min-h-11 items-center rounded-xl px-4 font-bold", alert.message ? "bg-brand-50 text-brand-800 ring-1 ring-brand-200" : "text-muted")}
        >
          {alert.message || <span className="text-sm font-normal">{t("live")}</span>}
        </p>
      </div>

      {markRead.error && <Alert className="mb-4">{errorMessage(markRead.error)}</Alert>}
      {board.isError && board.data && (
        <Alert tone="warning" className="mb-4">
          {t("stale")}
        </Alert>
      )}

      {board.isError && !board.data ? (
        <Alert
          title={t("loadError")}
          action={
            <Button variant="secondary" size="sm" onClick={() => void board.refetch()}>
              {t("retry")}
            </Button>
          }
        >
          <p>{errorMessage(board.error)}</p>
        </Alert>
      ) : !board.data ? (
        <Loading label={t("loading")} className="grid gap-3 md:grid-cols-2 lg:grid-cols-4">
          {COLUMNS.map((c) => (
            <Skeleton key={c.key} className="h-72" />
          ))}
        </Loading>
      ) : (
        <div className="grid items-start gap-3 md:grid-cols-2 lg:grid-cols-4">
          {COLUMNS.map((column) => (
            <BoardColumn
              key={column.key}
              column={column}
              orders={board.data.orders.filter((o) => columnHolds(column, o))}
              storeName={showStoreName ? (id) => storeNames.get(id) : undefined}
              onReject={setRejecting}
              fresh={alert.fresh}
            />
          ))}
        </div>
      )}

      <BoardRejectDialog order={rejecting} onClose={closeReject} />
    </>
  );
}

function BoardColumn({
  column,
  orders,
  storeName,
  onReject,
  fresh,
}: {
  column: Column;
  orders: BoardOrder[];
  storeName?: (storeId: string) => string | undefined;
  onReject: (order: BoardOrder) => void;
  fresh: ReadonlySet<string>;
}) {
  const t = useTranslations("board.column");
  const headingId = useId();
  const sorted = [...orders].sort(column.urgentFirst ? byDeliveryTime : byLatestChange);
  return (
    <section aria-labelledby={headingId} data-column={column.statuses.join(" ")} className="grid min-h-40 min-w-0 content-start gap-3 rounded-3xl bg-surface-2 p-2">
      <header className={cn("flex items-center justify-between gap-2 rounded-2xl px-3.5 py-2.5", column.head)}>
        <h2 id={headingId} className="m-0 text-base font-bold">
          {t(`${column.key}.title`)}
        </h2>
        <span className="min-w-8 rounded-full bg-surface px-2 text-center font-extrabold text-ink tabular-nums">
          {sorted.length}
          <span className="sr-only"> {t("orders", { count: sorted.length })}</span>
        </span>
      </header>
      {sorted.length === 0 ? (
        <p className="m-0 flex items-center gap-2 px-3 py-4 text-sm text-muted">
          <Inbox aria-hidden="true" className="size-4 shrink-0" />
          {t(`${column.key}.empty`)}
        </p>
      ) : (
        <ul className="m-0 grid list-none gap-3 p-0">
          {sorted.map((o) => (
            <li key={o.orderId} className="min-w-0">
              <BoardOrderCard order={o} storeName={storeName?.(o.storeId)} onReject={onReject} fresh={fresh.has(o.orderId) && o.status === "NEW"} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
