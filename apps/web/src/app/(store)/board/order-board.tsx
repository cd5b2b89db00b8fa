"use client";
// The store owner's order board on the shop tablet (F3, F4, F6, B1): four columns from "New" to
// "Rejected / cancelled", refreshed every two seconds until live push arrives. New orders beep
// and are announced; the unread count comes from the store's notifications.
import type { StoreOrderStatus } from "@bloom/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useId, useMemo, useState } from "react";
import { Alert } from "~/components/alert";
import { Button, buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import type { BoardOrder } from "~/components/board-labels";
import { useNewOrderAlert, useSoundAlerts, useUnreadTitle } from "~/components/board-new-order-alert";
import { BoardOrderCard } from "~/components/board-order-card";
import { BoardRejectDialog } from "~/components/board-reject-dialog";
import { BoardStorePicker } from "~/components/board-store-picker";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import styles from "./board.module.css";

type Column = { title: string; statuses: readonly StoreOrderStatus[]; empty: string; urgentFirst: boolean };

const COLUMNS: readonly Column[] = [
  { title: "New", statuses: ["NEW"], empty: "No new orders.", urgentFirst: true },
  { title: "Accepted", statuses: ["ACCEPTED"], empty: "Nothing to arrange right now.", urgentFirst: true },
  { title: "Ready for pickup", statuses: ["DECORATED"], empty: "Nothing waiting for a rider.", urgentFirst: false },
  { title: "Rejected / cancelled", statuses: ["REJECTED", "CANCELLED"], empty: "None in the last two weeks.", urgentFirst: false },
];

// Work still to do is ordered by when it must leave the shop; finished work by latest change.
function byDeliveryTime(a: BoardOrder, b: BoardOrder): number {
  return (
    a.deliveryDate.localeCompare(b.deliveryDate) ||
    a.timeSlot.localeCompare(b.timeSlot) ||
    new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime()
  );
}
function byLatestChange(a: BoardOrder, b: BoardOrder): number {
  return new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime();
}

export function OrderBoard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const stores = useQuery(trpc.store.myStores.queryOptions(undefined, { staleTime: 60_000 }));
  const requested = params.get("store") ?? "";
  // An id that is not one of ours (an old link) falls back to all stores rather than an empty board.
  const storeId = requested && (!stores.data || stores.data.some((s) => s.id === requested)) ? requested : "";

  const board = useQuery(
    trpc.store.board.queryOptions(storeId ? { storeId } : {}, {
      refetchInterval: 2000,
      // The tablet sits in the shop with the board in the background too: keep listening.
      refetchIntervalInBackground: true,
    }),
  );
  const refreshBoard = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() }), [queryClient, trpc]);
  const markRead = useMutation(trpc.store.markRead.mutationOptions({ onSuccess: refreshBoard }));

  const [sound, setSound] = useSoundAlerts();
  const newIds = useMemo(() => board.data?.orders.filter((o) => o.status === "NEW").map((o) => o.orderId), [board.data]);
  const announcement = useNewOrderAlert(newIds, storeId || "all", sound);
  const unread = board.data?.unread;
  useUnreadTitle(unread);

  const [rejecting, setRejecting] = useState<BoardOrder | null>(null);
  const closeReject = useCallback(() => setRejecting(null), []);

  const storeNames = useMemo(() => new Map(stores.data?.map((s) => [s.id, s.name])), [stores.data]);
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
      <EmptyState headingLevel={1} title="You have no stores yet">
        <p>Once a store is registered to your account, its orders appear here.</p>
      </EmptyState>
    );
  }

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Order board</h1>
          <p className="muted">Updates on its own every few seconds.</p>
        </div>
        <div className={styles.tools}>
          <span className={styles.unread} data-testid="board-unread" data-count={unread ?? 0} data-none={!unread || undefined}>
            {unread ?? 0} unread
          </span>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => markRead.mutate()}
            disabled={!unread}
            pending={markRead.isPending}
            pendingText="Marking…"
          >
            Mark all read
          </Button>
          <Button variant="ghost" size="sm" aria-pressed={sound} onClick={() => setSound(!sound)} className={styles.sound}>
            Sound alerts
            <span aria-hidden="true" className={styles.soundState}>
              {sound ? "On" : "Off"}
            </span>
          </Button>
          <Link href={storeId ? `/board/menu?store=${storeId}` : "/board/menu"} className={buttonClass("ghost", "sm")}>
            Menu and stock
          </Link>
        </div>
      </div>

      <div className={styles.bar}>
        <BoardStorePicker stores={stores.data} value={storeId} onChange={pickStore} allowAll />
        <p role="status" aria-live="polite" className={styles.announce}>
          {announcement}
        </p>
      </div>

      {markRead.error && (
        <Alert className={styles.barAlert}>
          <p>{readError(markRead.error).message}</p>
        </Alert>
      )}
      {board.isError && board.data && (
        <p className={styles.stale} role="status">
          Connection lost. Showing the last known board; retrying…
        </p>
      )}

      {board.isError && !board.data ? (
        <Alert title="We could not load your orders">
          <p>{readError(board.error).message}</p>
          <Button variant="secondary" size="sm" onClick={() => void board.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !board.data ? (
        <div className={styles.columns} aria-busy="true" aria-label="Loading orders">
          {COLUMNS.map((c) => (
            <div key={c.title} className="skeleton" style={{ minHeight: "16rem" }} />
          ))}
        </div>
      ) : (
        <div className={styles.columns}>
          {COLUMNS.map((column) => (
            <BoardColumn
              key={column.title}
              column={column}
              orders={board.data.orders.filter((o) => column.statuses.includes(o.status as StoreOrderStatus))}
              storeName={showStoreName ? (id) => storeNames.get(id) : undefined}
              onReject={setRejecting}
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
}: {
  column: Column;
  orders: BoardOrder[];
  storeName?: (storeId: string) => string | undefined;
  onReject: (order: BoardOrder) => void;
}) {
  const headingId = useId();
  const sorted = [...orders].sort(column.urgentFirst ? byDeliveryTime : byLatestChange);
  return (
    <section className={styles.column} aria-labelledby={headingId} data-column={column.statuses.join(" ")}>
      <header className={styles.columnHead}>
        <h2 id={headingId} className={styles.columnTitle}>
          {column.title}
        </h2>
        <span className={styles.count}>
          {sorted.length}
          <span className="visually-hidden">{sorted.length === 1 ? " order" : " orders"}</span>
        </span>
      </header>
      {sorted.length === 0 ? (
        <p className={styles.empty}>{column.empty}</p>
      ) : (
        <ul className={styles.cards}>
          {sorted.map((o) => (
            <li key={o.orderId}>
              <BoardOrderCard order={o} storeName={storeName?.(o.storeId)} onReject={onReject} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
