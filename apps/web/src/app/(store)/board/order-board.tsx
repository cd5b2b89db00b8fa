"use client";
// The store owner's order board on the shop tablet (F3, F4, F6, B1, W3): four lanes from "New" to
// "Done" (two on a portrait tablet, stacked on a phone), each scrolling on its own, for a delivery
// day and slot (today by default, in the URL), refreshed on live changes (a slow poll as
// fallback). New orders beep, pulse and are announced; cancellations and failed deliveries ring
// and show a banner; the unread count is a badge here and in the tab title. Cards are compact
// until opened; Done is read a page at a time.
import { boardLaneOf, bySlot, isCalendarDate, todayInSeoul, TIME_SLOTS, UNREAD_COUNT_CAP, type BoardLane } from "@bloom/domain";
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bell, BellOff, CheckCheck, Inbox, Printer, Volume2 } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useId, useMemo, useState, type ReactNode } from "react";
import { BoardAlerts } from "~/components/board-alerts";
import { BoardDayFilter, type DayChoice } from "~/components/board-day-filter";
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

type Column = { key: BoardLane; head: string; title: "new" | "accepted" | "ready" | "closed" };

const COLUMNS: readonly Column[] = [
  { key: "new", title: "new", head: "bg-brand-600 text-white" },
  { key: "accepted", title: "accepted", head: "bg-info-50 text-info-800" },
  { key: "ready", title: "ready", head: "bg-violet-50 text-violet-800" },
  { key: "done", title: "closed", head: "bg-surface-3 text-ink-soft" },
];

// Work still to do is ordered by when it must leave the shop (slot, W3); finished work by latest change.
function byLatestChange(a: BoardOrder, b: BoardOrder): number {
  return new Date(b.updatedAt).getTime() - new Date(a.updatedAt).getTime() || (a.id < b.id ? 1 : -1);
}

export function OrderBoard() {
  const t = useTranslations("board");
  const tt = useTranslations("tickets");
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

  // W3: the day and slot, in the URL (a reload or a second tablet shows the same cut). No day: today.
  const today = todayInSeoul();
  const dayParam = params.get("day") ?? "";
  // The domain's calendar decides what a day is (an impossible date in an old link falls back to today).
  const day: DayChoice = dayParam === "all" || (dayParam && isCalendarDate(dayParam)) ? dayParam : today;
  const slotParam = params.get("slot") ?? "";
  const slot = (TIME_SLOTS as readonly string[]).includes(slotParam) ? (slotParam as (typeof TIME_SLOTS)[number]) : undefined;
  const filter = { ...(storeId ? { storeId } : {}), ...(day === "all" ? {} : { day }), ...(slot ? { slot } : {}) };

  const board = useQuery(
    trpc.store.board.queryOptions(filter, {
      refetchInterval: LIVE_FALLBACK_MS,
      // The tablet sits in the shop with the board in the background too: keep listening.
      refetchIntervalInBackground: true,
      // Switching days keeps the old board on screen until the new one arrives: no flash of empty.
      placeholderData: keepPreviousData,
    }),
  );
  // Done beyond its first page, read only once asked for ("Show more").
  const [moreDone, setMoreDone] = useState(false);
  const done = useInfiniteQuery({
    ...trpc.store.boardDone.infiniteQueryOptions(filter, {
      initialCursor: board.data?.next ?? null,
      getNextPageParam: (last) => last.next ?? undefined,
    }),
    enabled: moreDone && !!board.data?.next,
  });
  const refreshBoard = useCallback(() => queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() }), [queryClient, trpc]);
  // Which cards are open, by order: a card stays open as it moves from lane to lane.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((orderId: string) => {
    setExpanded((e) => {
      const next = new Set(e);
      if (!next.delete(orderId)) next.add(orderId);
      return next;
    });
  }, []);
  const markRead = useMutation(trpc.store.markRead.mutationOptions({ onSuccess: refreshBoard }));

  const [sound, setSound] = useSoundAlerts();
  // Every NEW order of the stores, whatever the day shown: an order for tomorrow rings too.
  const alert = useNewOrderAlert(board.isPlaceholderData ? undefined : board.data?.newIds, storeId || "all", sound, (count) => t("newOrders", { count }));
  const unread = board.data?.unread ?? 0;
  useUnreadTitle(board.data?.unread);

  const [rejecting, setRejecting] = useState<BoardOrder | null>(null);
  const closeReject = useCallback(() => setRejecting(null), []);

  const storeNames = useMemo(() => new Map(stores.data?.map((s) => [s.id, nameOf(s)])), [stores.data, nameOf]);
  const showStoreName = !storeId && (stores.data?.length ?? 0) > 1;

  function setParam(key: string, value: string) {
    // From the address bar, not this render's params: two quick taps must not undo each other.
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(key, value);
    else next.delete(key);
    const qs = next.toString();
    setMoreDone(false);
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  }
  const pickStore = (id: string) => setParam("store", id);
  const pickDay = (d: DayChoice) => setParam("day", d === today ? "" : d);
  const pickSlot = (s: string) => setParam("slot", s);

  // Every order once: the board's first page wins over an older copy in a later page of Done.
  const orders = useMemo(() => {
    const seen = new Set<string>();
    const all = [...(board.data?.orders ?? []), ...(moreDone ? (done.data?.pages ?? []).flatMap((p) => p.orders) : [])];
    return all.filter((o) => !seen.has(o.orderId) && seen.add(o.orderId));
  }, [board.data, done.data, moreDone]);
  const lanes = useMemo(() => {
    const by = new Map<BoardLane, BoardOrder[]>(COLUMNS.map((c) => [c.key, []]));
    for (const o of orders) by.get(boardLaneOf(o))!.push(o);
    by.get("new")!.sort(bySlot);
    by.get("accepted")!.sort(bySlot);
    by.get("ready")!.sort(byLatestChange);
    by.get("done")!.sort(byLatestChange);
    return by;
  }, [orders]);
  const hasMoreDone = moreDone ? done.hasNextPage || (done.isPending && !!board.data?.next) : !!board.data?.next;

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
          {/* W2: every ticket of the day shown (and of its shop and slot, when picked). */}
          {day !== "all" && (
            <Button asChild variant="secondary" size="sm">
              <Link href={`/board/tickets?${new URLSearchParams({ date: day, ...(storeId ? { store: storeId } : {}), ...(slot ? { slot } : {}) }).toString()}`} data-testid="board-print-day">
                <Printer aria-hidden="true" />
                {tt("printDay")}
              </Link>
            </Button>
          )}
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

      <div className="mb-4">
        <BoardDayFilter today={today} day={day} slot={slot ?? ""} counts={board.data?.counts} onDay={pickDay} onSlot={pickSlot} />
      </div>

      <BoardAlerts alerts={board.data?.alerts} scope={storeId || "all"} sound={sound} />

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
        <div className="grid gap-3 md:grid-cols-2 lg:grid-cols-4" aria-busy={board.isPlaceholderData || undefined}>
          {COLUMNS.map((column) => (
            <BoardColumn
              key={column.key}
              column={column}
              orders={lanes.get(column.key)!}
              storeName={showStoreName ? (id) => storeNames.get(id) : undefined}
              onReject={setRejecting}
              fresh={alert.fresh}
              expanded={expanded}
              onToggle={toggle}
              today={today}
              footer={
                column.key === "done" ? (
                  <DoneMore
                    more={hasMoreDone}
                    pending={moreDone && (done.isFetching || done.isPending)}
                    error={done.isError ? errorMessage(done.error) : null}
                    onMore={() => (moreDone ? void done.fetchNextPage() : setMoreDone(true))}
                  />
                ) : column.key === "ready" && board.data.readyCapped ? (
                  <p className="m-0 px-3 py-2 text-sm text-muted">{t("column.readyCapped", { count: lanes.get("ready")!.length })}</p>
                ) : null
              }
            />
          ))}
        </div>
      )}

      <BoardRejectDialog order={rejecting} onClose={closeReject} />
    </>
  );
}

function DoneMore({ more, pending, error, onMore }: { more: boolean; pending: boolean; error: string | null; onMore: () => void }) {
  const t = useTranslations("board.column");
  if (!more && !error) return null;
  return (
    <div className="grid gap-2 px-1 pb-1">
      {error && <Alert>{t("moreError", { reason: error })}</Alert>}
      {more && (
        <Button variant="secondary" size="sm" onClick={onMore} pending={pending} pendingText={t("loadingMore")} data-testid="board-done-more">
          {t("more")}
        </Button>
      )}
    </div>
  );
}

function BoardColumn({
  column,
  orders,
  storeName,
  onReject,
  fresh,
  expanded,
  onToggle,
  today,
  footer,
}: {
  column: Column;
  orders: BoardOrder[];
  storeName?: (storeId: string) => string | undefined;
  onReject: (order: BoardOrder) => void;
  fresh: ReadonlySet<string>;
  expanded: ReadonlySet<string>;
  onToggle: (orderId: string) => void;
  today: string;
  footer?: ReactNode;
}) {
  const t = useTranslations("board.column");
  const headingId = useId();
  const open = column.key === "new" || column.key === "accepted" || column.key === "ready";
  return (
    // W3: on a tablet or desktop each lane has the screen's height and scrolls on its own, so a
    // card that moves lanes never sends the page thousands of pixels away; on a phone lanes stack,
    // each at most 80 % of the screen high, so the next lane is a short scroll away.
    <section
      aria-labelledby={headingId}
      data-lane={column.key}
      className="flex max-h-[80dvh] min-h-40 min-w-0 flex-col gap-2 rounded-3xl bg-surface-2 p-2 md:h-[calc(100dvh-18rem)] md:max-h-none md:min-h-[24rem]"
    >
      <header className={cn("flex shrink-0 items-center justify-between gap-2 rounded-2xl px-3.5 py-2.5", column.head)}>
        <h2 id={headingId} className="m-0 text-base font-bold">
          {t(`${column.title}.title`)}
        </h2>
        <span className="min-w-8 rounded-full bg-surface px-2 text-center font-extrabold text-ink tabular-nums" data-testid="board-lane-count">
          {orders.length}
          <span className="sr-only"> {t("orders", { count: orders.length })}</span>
        </span>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain" data-testid="board-lane-scroll">
        {orders.length === 0 ? (
          <p className="m-0 flex items-center gap-2 px-3 py-4 text-sm text-muted">
            <Inbox aria-hidden="true" className="size-4 shrink-0" />
            {t(`${column.title}.empty`)}
          </p>
        ) : (
          <ul className="m-0 grid list-none gap-2 p-0">
            {orders.map((o) => (
              <li key={o.orderId} className="min-w-0">
                <BoardOrderCard
                  order={o}
                  storeName={storeName?.(o.storeId)}
                  onReject={onReject}
                  fresh={fresh.has(o.orderId) && o.status === "NEW"}
                  expanded={expanded.has(o.orderId)}
                  onToggle={onToggle}
                  overdue={open && o.deliveryDate < today}
                />
              </li>
            ))}
          </ul>
        )}
        {footer}
      </div>
    </section>
  );
}
