"use client";
// One order on the owner's board (F3, F4, F6, D3): what to arrange, for whom, by when, and the next
// step. Accept and "Decoration done" run here; rejecting asks for a reason in the board's dialog;
// "Handed over" (a rider has claimed the arranged bouquet) is the pickup (board-handover.tsx).
// Built for a shop tablet: the delivery time stands out, actions are finger-size. W3: compact by
// default (number, status, slot, items, the recipient's area) and light (a dozen nodes, no icons);
// "Details" opens the rest and the actions, and the board remembers which cards are open as they
// move between lanes.
import { orderNumberLabel, type StoreOrderStatus } from "@bloom/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Bike, Check, Gift, MapPin, MapPinCheck, MessageSquareText, PackageCheck, Phone, Printer, Sparkles, TriangleAlert, Undo2, X } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Money } from "~/components/money";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { DeliveryStatusBadge, StoreOrderStatusBadge } from "~/components/ui/status-badge";
import { useToast } from "~/components/ui/toast";
import { cn } from "~/lib/cn";
import { useErrorMessage } from "~/lib/error-message";
import { isoDateTime, useFormat } from "~/lib/format";
import { useLocalizedName } from "~/lib/localized";
import { telLink } from "~/lib/map-link";
import { useRejectReasonText } from "~/lib/reject-reason";
import { readError } from "~/lib/trpc-error";
import { useBoardCardPatch, useTRPC } from "~/trpc/react";
import { BoardArrangement, decorationDoneAllowed } from "./board-arrangement";
import { useSizeName, withSize } from "~/lib/sizes";
import { BoardFailedDelivery } from "./board-failed-delivery";
import { BoardHandover } from "./board-handover";
import { boardAddons, boardLines, boardOrderHeadingId, focusBoardOrder, itemsSummary, recipientArea, type BoardOrder } from "./board-labels";

const ACCENT: Record<StoreOrderStatus, string> = {
  NEW: "border-l-brand-600",
  ACCEPTED: "border-l-info-700",
  DECORATED: "border-l-violet-700",
  REJECTED: "border-l-line-strong bg-surface-2/70 shadow-none",
  CANCELLED: "border-l-line-strong bg-surface-2/70 shadow-none",
};

export function BoardOrderCard({
  order,
  storeName,
  onReject,
  fresh = false,
  expanded,
  onToggle,
  overdue = false,
}: {
  order: BoardOrder;
  /** Shown when the board lists several stores. */
  storeName?: string;
  onReject: (order: BoardOrder) => void;
  /** Arrived since the board was opened: drawn with a pulse so it catches the eye. */
  fresh?: boolean;
  /** Details and actions shown (W3). */
  expanded: boolean;
  onToggle: (orderId: string) => void;
  /** Still to do though its delivery day has passed. */
  overdue?: boolean;
}) {
  const t = useTranslations("board.card");
  const tt = useTranslations("tickets");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const f = useFormat();
  const errorMessage = useErrorMessage();
  const reasonText = useRejectReasonText();
  const nameOf = useLocalizedName();
  const headingId = boardOrderHeadingId(order.orderId);
  const status = order.status as StoreOrderStatus;
  const no = orderNumberLabel(order.orderId);
  const lines = boardLines(order.lines);
  // W4: sizes on the lines, add-ons apart.
  const addons = boardAddons(order.addons);
  const sizeName = useSizeName();
  const detailsId = `${headingId}-details`;

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.store.board.queryKey() });
  const patchCard = useBoardCardPatch();
  const onError = (error: unknown) => {
    const e = readError(error);
    // The order moved on elsewhere (e.g. the customer cancelled): show the board as it is now.
    if (e.domainCode === "INVALID_TRANSITION" || e.domainCode === "NOT_FOUND") void refresh();
  };
  const accept = useMutation(
    trpc.store.accept.mutationOptions({
      onSuccess: async () => {
        toast.show(t("accepted", { no }));
        await patchCard(order.orderId);
        focusBoardOrder(order.orderId, "new");
      },
      onError,
    }),
  );
  const decorate = useMutation(
    trpc.store.completeDecoration.mutationOptions({
      onSuccess: async () => {
        toast.show(t("decorated", { no }));
        await patchCard(order.orderId);
        focusBoardOrder(order.orderId, "accepted");
      },
      onError,
    }),
  );
  // W1: photo approval, read only for an open accepted card (the shop's rule and this order's photo).
  const arrangement = useQuery(trpc.store.arrangement.queryOptions({ orderId: order.orderId }, { enabled: expanded && status === "ACCEPTED" }));
  // Until it is known, "Decoration done" shows as before; the server refuses it when a photo is due.
  const doneWithoutPhoto = !arrangement.data || decorationDoneAllowed(arrangement.data);
  const busy = accept.isPending || decorate.isPending;
  const error = accept.error ?? decorate.error;
  const rejectedBecause = status === "REJECTED" ? reasonText(order.rejectReason) : null;
  const open = status === "NEW" || status === "ACCEPTED";
  // Once a rider has it: claimed and on the way, at the shop (D3: still here, still cancellable),
  // picked up (by whom, when), then delivered (when) — or, when the customer cancelled after the
  // pickup, coming back to the shop.
  const returning = status === "CANCELLED" && !!order.pickedUpAt && !order.deliveredAt;
  const waitingForHandover = status === "DECORATED" && !!order.claimedAt && !order.pickedUpAt;
  const rider = order.riderName ?? "";
  // D4: a failed attempt waits for the shop's answer (BoardFailedDelivery) in place of the progress line.
  const failed = status === "DECORATED" && !!order.attemptedAt && !order.deliveredAt;
  const progress = failed
    ? null
    : order.returnedAt
    ? { at: order.returnedAt, text: t("returned", { rider: order.riderName ?? "" }), tone: "bg-surface-3 text-ink", icon: <Undo2 aria-hidden="true" className="size-4 shrink-0" /> }
    : order.deliveredAt
    ? { at: order.deliveredAt, text: order.leftWith ? t("deliveredLeftWith", { name: order.leftWith }) : t("delivered"), tone: "bg-leaf-50 text-leaf-800", icon: <PackageCheck aria-hidden="true" className="size-4 shrink-0" /> }
    : order.pickedUpAt
      ? returning
        ? { at: null, text: t("returning", { rider: order.riderName ?? "" }), tone: "bg-danger-50 text-danger-800", icon: <Undo2 aria-hidden="true" className="size-4 shrink-0" /> }
        : { at: order.pickedUpAt, text: t("pickedUp", { rider: order.riderName ?? "" }), tone: "bg-info-50 text-info-800", icon: <Bike aria-hidden="true" className="size-4 shrink-0" /> }
      : waitingForHandover
        ? order.arrivedAt
          ? { at: order.arrivedAt, text: t("atShop", { rider }), tone: "bg-warning-50 text-warning-800", icon: <MapPinCheck aria-hidden="true" className="size-4 shrink-0" /> }
          : { at: order.claimedAt, text: t("claimed", { rider }), tone: "bg-info-50 text-info-800", icon: <Bike aria-hidden="true" className="size-4 shrink-0" /> }
        : null;

  return (
    <article
      data-testid="board-order"
      data-order-id={order.orderId}
      data-status={status}
      data-date={order.deliveryDate}
      data-slot={order.timeSlot}
      aria-labelledby={headingId}
      className={cn("@container grid min-w-0 gap-1.5 rounded-2xl border border-l-[6px] border-line bg-surface px-3 py-2.5 shadow-card", ACCENT[status], fresh && "motion-safe:animate-ring")}
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} tabIndex={-1} className="m-0 text-base font-extrabold tabular-nums">
          {t("title", { no })}
        </h3>
        {order.pickedUpAt && !returning && !failed ? (
          <DeliveryStatusBadge status={order.deliveredAt ? "DELIVERED" : "DELIVERING"} size="sm" />
        ) : (
          <StoreOrderStatusBadge status={status} size="sm" />
        )}
      </header>
      <p className="m-0 font-bold">
        {f.deliveryDate(order.deliveryDate)} · {f.slot(order.timeSlot)}
        {overdue && <strong className="ml-2 rounded-full bg-danger-50 px-2 text-sm text-danger-800">{t("overdue")}</strong>}
      </p>
      <p className="m-0 truncate text-sm" data-testid="board-items-summary">
        {itemsSummary(lines, (l) => withSize(nameOf(l), sizeName(l.tier)))}
        {addons.length > 0 && ` + ${addons.map((a) => `${nameOf(a)} ×${a.quantity}`).join(", ")}`} · {recipientArea(order.address)}
        {storeName && ` · ${storeName}`}
      </p>
      {!expanded && (progress || failed) && (
        <p className={cn("m-0 truncate rounded-lg px-2 py-0.5 text-xs font-semibold", failed ? "bg-danger-50 text-danger-800" : progress?.tone)}>
          {failed ? t("failedShort") : progress?.text}
        </p>
      )}
      <button
        type="button"
        data-testid="board-card-toggle"
        aria-expanded={expanded}
        aria-controls={expanded ? detailsId : undefined}
        aria-label={`${expanded ? t("hideDetails") : open ? t("detailsAndActions") : t("details")} · ${t("title", { no })}`}
        onClick={() => onToggle(order.orderId)}
        className={cn(
          "min-h-11 rounded-xl border border-line-strong bg-surface px-3 text-sm font-bold text-ink hover:bg-surface-2 focus-visible:ring-3 focus-visible:ring-focus focus-visible:outline-none",
          expanded ? "after:content-['_▴']" : "after:content-['_▾']",
        )}
      >
        {expanded ? t("hideDetails") : open ? t("detailsAndActions") : t("details")}
      </button>

      {expanded && (
      <div id={detailsId} className="grid gap-3 pt-1">
      <p className="m-0 text-xs text-muted">
        {t("placed")} <time dateTime={isoDateTime(order.createdAt)}>{f.dateTime(order.createdAt)}</time>
        {storeName && <span> · {storeName}</span>}
      </p>

      {progress && (
        <p data-testid="board-delivery-progress" className={cn("m-0 flex items-center gap-2 rounded-xl px-3 py-2 text-sm font-semibold", progress.tone)}>
          {progress.icon}
          <span>
            {progress.text}
            {progress.at && (
              <>
                {" "}
                <time dateTime={isoDateTime(progress.at)}>{f.dateTime(progress.at)}</time>
              </>
            )}
          </span>
        </p>
      )}

      {order.overStock && (
        <p className="m-0 flex items-start gap-2 rounded-xl bg-warning-50 px-3 py-2 text-sm text-warning-800 ring-1 ring-warning-100">
          <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
          <span>
            <strong>{t("overStock")}</strong> — {t("overStockWhy")}
          </span>
        </p>
      )}

      <ul aria-label={t("items")} className="m-0 grid list-none gap-1 p-0">
        {lines.map((l, i) => (
          <li key={`${l.bouquetId}-${i}`} className="flex items-baseline justify-between gap-3">
            <span className="font-semibold">
              {nameOf(l)}
              {sizeName(l.tier) && (
                <strong className="ml-2 rounded-full bg-warning-50 px-2 text-xs font-extrabold text-warning-800 uppercase" data-testid="board-line-size">
                  {sizeName(l.tier)}
                </strong>
              )}
            </span>
            <span className="shrink-0 rounded-full bg-brand-50 px-2 text-sm font-extrabold text-brand-800 tabular-nums">×{l.quantity}</span>
          </li>
        ))}
      </ul>
      {addons.length > 0 && (
        <ul aria-label={tt("addOns")} className="m-0 grid list-none gap-1 border-t border-dashed border-line p-0 pt-1" data-testid="board-addons">
          {addons.map((a) => (
            <li key={a.addonId} className="flex items-baseline justify-between gap-3 text-sm">
              <span>+ {nameOf(a)}</span>
              <span className="shrink-0 rounded-full bg-surface-2 px-2 font-bold tabular-nums">×{a.quantity}</span>
            </li>
          ))}
        </ul>
      )}
      {order.deliveryFeeWon > 0 && (
        <p className="m-0 flex items-baseline justify-between text-sm" data-testid="board-delivery-fee">
          <span className="text-muted">{t("deliveryFee")}</span>
          <Money won={order.deliveryFeeWon} />
        </p>
      )}
      <p className="m-0 flex items-baseline justify-between border-t border-line pt-2 text-sm">
        <span className="text-muted">{t("total")}</span>
        <Money won={order.totalWon} className="font-bold" />
      </p>

      <dl className="m-0 grid gap-1.5 text-sm">
        <dt className="sr-only">{t("recipient")}</dt>
        <dd className="m-0 flex items-start gap-2">
          <Phone aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted" />
          <span>
            {order.recipientName} · <a href={telLink(order.recipientPhone)} className="whitespace-nowrap">
              {order.recipientPhone}
            </a>
          </span>
        </dd>
        <dt className="sr-only">{t("address")}</dt>
        <dd className="m-0 flex items-start gap-2">
          <MapPin aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted" />
          <span>{order.address}</span>
        </dd>
        {order.giftMessage && (
          <>
            <dt className="sr-only">{t("giftMessage")}</dt>
            <dd className="m-0 flex items-start gap-2">
              <Gift aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-600" />
              <span className="italic">“{order.giftMessage}”</span>
            </dd>
          </>
        )}
        {order.note && (
          <>
            <dt className="sr-only">{t("note")}</dt>
            <dd className="m-0 flex items-start gap-2">
              <MessageSquareText aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning-700" />
              <span className="font-semibold">{order.note}</span>
            </dd>
          </>
        )}
        {rejectedBecause && (
          <>
            <dt className="font-semibold text-muted">{t("reason")}</dt>
            <dd className="m-0">{rejectedBecause}</dd>
          </>
        )}
      </dl>

      {error && <Alert>{errorMessage(error)}</Alert>}

      {waitingForHandover && <BoardHandover order={order} />}
      {failed && <BoardFailedDelivery order={order} />}

      {status === "ACCEPTED" && arrangement.data && <BoardArrangement orderId={order.orderId} data={arrangement.data} />}

      {open && (
        // Side by side when the card is wide enough, stacked in a narrow column (4 columns on a tablet).
        <div className="grid gap-2 pt-1 @[17rem]:grid-cols-[1fr_auto]">
          {status === "NEW" ? (
            <Button size="lg" className="px-4 leading-tight whitespace-normal" onClick={() => accept.mutate({ orderId: order.orderId })} pending={accept.isPending} pendingText={t("accepting")} disabled={busy} aria-describedby={headingId}>
              <Check aria-hidden="true" />
              {t("accept")}
            </Button>
          ) : doneWithoutPhoto ? (
            <Button
              size="lg"
              className="px-4 leading-tight whitespace-normal"
              variant="success"
              onClick={() => decorate.mutate({ orderId: order.orderId })}
              pending={decorate.isPending}
              pendingText={t("saving")}
              disabled={busy}
              aria-describedby={headingId}
            >
              <Sparkles aria-hidden="true" />
              {t("decorationDone")}
            </Button>
          ) : (
            <span />
          )}
          <Button size="lg" className="px-4 leading-tight whitespace-normal" variant="secondary" onClick={() => onReject(order)} disabled={busy} aria-describedby={headingId}>
            <X aria-hidden="true" />
            {t("reject")}
          </Button>
        </div>
      )}
      {/* W2: the printable ticket (designer sheet, card message, driver slip) for this order. */}
      <Button asChild variant="secondary" size="sm" className="justify-self-start">
        <Link href={`/board/tickets?orders=${order.orderId}`} aria-label={tt("printOneAria", { no })} data-testid="board-print-ticket">
          <Printer aria-hidden="true" />
          {tt("printOne")}
        </Link>
      </Button>
      </div>
      )}
    </article>
  );
}
