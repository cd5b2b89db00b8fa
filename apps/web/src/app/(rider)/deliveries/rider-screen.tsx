"use client";
// The rider's delivery screen (F8–F10, D3, B1, B4), mobile first. Both lists stay on one page with
// a sticky switcher on top, so a rider glancing at the phone sees their current job and new
// requests without hunting for a tab. While a delivery is under way its next steps sit in a bar at
// the bottom of the screen, where the thumb rests: to the shop and "Picked up" while it is claimed,
// then to the door and "Mark delivered".
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { isRecalled, isWithdrawnClaim, orderNumberLabel } from "@bloom/domain";
import { Check, Inbox, Navigation, PackageCheck, X } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { ClaimedDeliveryCard } from "~/components/rider-claimed-card";
import { DoorForm, doorFormId } from "~/components/rider-door-form";
import { AttemptedDeliveryCard, MyDeliveryCard, OpenDeliveryCard, RecalledDeliveryCard, type Delivery } from "~/components/rider-delivery-cards";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { useToast } from "~/components/ui/toast";
import { cn } from "~/lib/cn";
import { useErrorMessage } from "~/lib/error-message";
import { localizeDelivery } from "~/lib/localized-delivery";
import { mapLink } from "~/lib/map-link";
import { readError } from "~/lib/trpc-error";
import { LIVE_FALLBACK_MS, useTRPC } from "~/trpc/react";
import { RiderToday } from "~/components/rider-facts";
import { PushOptIn } from "~/components/push-opt-in";

/** Focus after the list has re-rendered, so it lands on the card in its new place. */
function focusSoon(id: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    el?.focus();
    el?.scrollIntoView({ block: "center", behavior: "smooth" });
  });
}

/** Open requests shown at first, and added per "Show more" (P1: the list holds up to 60). */
export const OPEN_PAGE = 10;

function Empty({ children }: { children: ReactNode }) {
  return (
    <p className="m-0 flex items-center justify-center gap-2 rounded-3xl border border-dashed border-line-strong px-4 py-6 text-center text-muted">
      <Inbox aria-hidden="true" className="size-5 shrink-0" />
      {children}
    </p>
  );
}

export function RiderScreen() {
  const t = useTranslations("rider");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [notice, setNotice] = useState<string | null>(null);
  const [openShown, setOpenShown] = useState(OPEN_PAGE);

  // W5: shop names, addresses and items in the UI's language, for every card and notice below.
  const locale = useLocale();
  const inLocale = useCallback(
    (data: { open: Delivery[]; mine: Delivery[] }) => ({ open: data.open.map((d) => localizeDelivery(locale, d)), mine: data.mine.map((d) => localizeDelivery(locale, d)) }),
    [locale],
  );
  const screen = useQuery(trpc.delivery.screen.queryOptions(undefined, { refetchInterval: LIVE_FALLBACK_MS, select: inLocale }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.delivery.screen.queryKey() });

  const claim = useMutation(
    trpc.delivery.claim.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: async (_res, { deliveryId }) => {
        await refresh();
        toast.show(t("claimed"));
        focusSoon(`delivery-${deliveryId}`);
      },
      onError: async (error) => {
        setNotice(readError(error).domainCode === "ALREADY_TAKEN" ? t("takenByOther") : errorMessage(error));
        await refresh();
        focusSoon("open-title");
      },
    }),
  );
  // A step of a delivery the rider holds; on a refusal (e.g. cancelled meanwhile) the screen shows where it is now.
  const step = (toastKey: "arrivedToast" | "started" | "attemptedToast" | "backAtShopToast") => ({
    onMutate: () => setNotice(null),
    onSuccess: async (_res: unknown, { deliveryId }: { deliveryId: string }) => {
      await refresh();
      toast.show(t(toastKey));
      focusSoon(`delivery-${deliveryId}`);
    },
    onError: async (error: unknown) => {
      setNotice(errorMessage(error));
      await refresh();
    },
  });
  const arrived = useMutation(trpc.delivery.arrived.mutationOptions(step("arrivedToast")));
  const pickedUp = useMutation(trpc.delivery.pickedUp.mutationOptions(step("started")));
  const returned = useMutation(
    trpc.delivery.returned.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: async () => {
        await refresh();
        toast.show(t("returnedToast"));
        focusSoon("mine-title");
      },
      onError: async (error) => {
        setNotice(errorMessage(error));
        await refresh();
      },
    }),
  );
  // D4: a failed attempt, then the bouquet back at the shop.
  const attempt = useMutation(trpc.delivery.attempt.mutationOptions(step("attemptedToast")));
  const backAtShop = useMutation(trpc.delivery.backAtShop.mutationOptions(step("backAtShopToast")));
  const busy = claim.isPending || arrived.isPending || pickedUp.isPending || returned.isPending || attempt.isPending || backAtShop.isPending;

  const open = screen.data?.open ?? [];
  const mine = screen.data?.mine ?? [];
  // Picked up first, then claimed ones still to collect (the server's order).
  const active = mine.filter((d) => d.status === "STARTED" || d.status === "ATTEMPTED" || d.status === "CLAIMED" || d.status === "AT_SHOP");
  // Cancelled after the pickup and not yet confirmed back at the shop.
  const returning = mine.filter((d) => isRecalled(d) && !d.returnedAt);
  const done = mine.filter((d) => !active.includes(d) && !returning.includes(d));
  const current = active[0];
  // On the way to the shop: to collect the bouquet, or to bring back a failed attempt (D4).
  const collecting = current && current.status !== "STARTED";

  // A delivery under way that the customer's cancellation recalls (after the pickup) or withdraws
  // (before it) is announced at once, live.
  const wasActive = useRef(new Set<string>());
  useEffect(() => {
    if (!screen.data) return;
    for (const d of returning) {
      if (wasActive.current.has(d.id)) {
        setNotice(t("recalled", { store: d.storeName, no: orderNumberLabel(d.orderId) }));
        focusSoon(`delivery-${d.id}`);
      }
    }
    for (const d of done) {
      if (wasActive.current.has(d.id) && isWithdrawnClaim(d)) {
        setNotice(t("withdrawnNotice", { store: d.storeName, no: orderNumberLabel(d.orderId) }));
        focusSoon("mine-title");
      }
    }
    wasActive.current = new Set(active.map((d) => d.id));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the lists are derived from screen.data
  }, [screen.data]);

  // While the action bar covers the bottom of the screen, keyboard focus and jumps scroll far enough
  // that the focused element is never hidden under it (WCAG 2.4.11).
  const barShown = Boolean(current);
  useEffect(() => {
    if (!barShown) return;
    const root = document.documentElement;
    root.classList.add("scroll-pb-48", "md:scroll-pb-0");
    return () => root.classList.remove("scroll-pb-48", "md:scroll-pb-0");
  }, [barShown]);

  const take = (d: Delivery) => claim.mutate({ deliveryId: d.id });
  const collect = (d: Delivery) => pickedUp.mutate({ deliveryId: d.id });
  // D5: "Delivered" opens the form at the door (photo, note), which sends the delivery.
  const deliver = (d: Delivery) => focusSoon(`${doorFormId(d)}-photo`);
  const delivered = async (d: Delivery) => {
    setNotice(null);
    await refresh();
    toast.show(t("completed"));
    focusSoon(`delivery-${d.id}`);
  };
  const pendingStep = (d: Delivery) =>
    arrived.isPending && arrived.variables?.deliveryId === d.id ? "arrived" : pickedUp.isPending && pickedUp.variables?.deliveryId === d.id ? "pickedUp" : null;

  const mineSection = (
    <section aria-labelledby="mine-title" className="grid scroll-mt-36 gap-3">
      <h2 id="mine-title" tabIndex={-1} className="m-0 scroll-mt-36 text-xl font-bold">
        {t("mine")}
      </h2>
      {mine.length === 0 ? (
        <Empty>{t("mineEmpty")}</Empty>
      ) : (
        <>
          {active.length === 0 ? (
            returning.length === 0 && <Empty>{t("nothingActive")}</Empty>
          ) : (
            <ul className="m-0 grid list-none gap-3 p-0">
              {active.map((d) => (
                <li key={d.id} className="scroll-mt-36">
                  {d.status === "STARTED" ? (
                    <MyDeliveryCard
                      delivery={d}
                      onComplete={deliver}
                      pending={false}
                      disabled={busy}
                      door={
                        <DoorForm
                          delivery={d}
                          onDelivered={delivered}
                          onError={(e) => {
                            setNotice(errorMessage(e));
                            void refresh();
                          }}
                          onAttempt={(x, reason, note) => attempt.mutate({ deliveryId: x.id, reason, note })}
                          attemptPending={attempt.isPending && attempt.variables?.deliveryId === d.id}
                          disabled={busy}
                        />
                      }
                    />
                  ) : d.status === "ATTEMPTED" ? (
                    <AttemptedDeliveryCard delivery={d} onBack={(x) => backAtShop.mutate({ deliveryId: x.id })} pending={backAtShop.isPending && backAtShop.variables?.deliveryId === d.id} disabled={busy} />
                  ) : (
                    <ClaimedDeliveryCard delivery={d} onArrived={(x) => arrived.mutate({ deliveryId: x.id })} onPickedUp={collect} pending={pendingStep(d)} disabled={busy} />
                  )}
                </li>
              ))}
            </ul>
          )}
          {returning.length > 0 && (
            <>
              <h3 className="mt-2 mb-0 text-base font-bold text-danger-700">{t("returnTitle")}</h3>
              <ul className="m-0 grid list-none gap-3 p-0">
                {returning.map((d) => (
                  <li key={d.id} className="scroll-mt-36">
                    <RecalledDeliveryCard delivery={d} onReturned={(x) => returned.mutate({ deliveryId: x.id })} pending={returned.isPending && returned.variables?.deliveryId === d.id} disabled={busy} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {done.length > 0 && (
            <>
              <h3 className="mt-2 mb-0 text-base font-bold text-muted">{t("completedTitle", { count: done.length })}</h3>
              <ul className="m-0 grid list-none gap-2 p-0">
                {done.map((d) => (
                  <li key={d.id} className="scroll-mt-36">
                    <MyDeliveryCard delivery={d} onComplete={deliver} pending={false} disabled />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );

  const openSection = (
    <section aria-labelledby="open-title" className="grid scroll-mt-36 gap-3">
      <h2 id="open-title" tabIndex={-1} className="m-0 scroll-mt-36 text-xl font-bold">
        {t("open")}
      </h2>
      {open.length === 0 ? (
        <Empty>{t("openEmpty")}</Empty>
      ) : (
        <>
          <ul className="m-0 grid list-none gap-3 p-0">
            {open.slice(0, openShown).map((d) => (
              <li key={d.id} className="scroll-mt-36">
                <OpenDeliveryCard delivery={d} onTake={take} pending={claim.isPending && claim.variables?.deliveryId === d.id} disabled={busy} />
              </li>
            ))}
          </ul>
          {open.length > openShown && (
            <div className="grid justify-items-center gap-1">
              <p className="m-0 text-sm text-muted" aria-live="polite">
                {t("shownOf", { shown: openShown, total: open.length })}
              </p>
              <Button
                variant="secondary"
                size="lg"
                data-testid="rider-open-more"
                onClick={() => {
                  const first = open[openShown];
                  setOpenShown((n) => n + OPEN_PAGE);
                  // Keyboard and screen-reader users continue at the first card just shown.
                  if (first) focusSoon(`delivery-${first.id}`);
                }}
              >
                {t("showMore", { count: Math.min(OPEN_PAGE, open.length - openShown) })}
              </Button>
            </div>
          )}
        </>
      )}
    </section>
  );

  const tab = (href: string, label: string, count: number | null, srCount: string) => (
    <a
      key={href}
      href={href}
      className="flex min-h-12 items-center justify-center gap-2 rounded-full bg-surface px-3 font-semibold text-ink no-underline shadow-sm hover:text-brand-700"
    >
      {label}
      <span className="min-w-7 rounded-full bg-brand-600 px-1.5 text-center text-sm text-white tabular-nums">
        {count ?? "–"}
        <span className="sr-only"> {srCount}</span>
      </span>
    </a>
  );
  const openTab = tab("#open-title", t("open"), screen.data ? open.length : null, t("requestsCount", { count: open.length }));
  const mineTab = tab("#mine-title", t("mine"), screen.data ? active.length : null, t("inProgress"));

  return (
    <div className={cn("mx-auto grid max-w-xl grid-cols-[minmax(0,1fr)] gap-4 [overflow-wrap:anywhere] lg:max-w-6xl", current && "pb-44 md:pb-0")}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="m-0 text-2xl font-extrabold tracking-tight">{t("title")}</h1>
        {/* X3: new requests and cancellations ring the phone through web push, even with this screen closed. */}
        <PushOptIn audience="rider" />
      </div>
      <RiderToday />

      <nav aria-label={t("sections")} className="sticky top-[6.75rem] z-20 grid grid-cols-2 gap-1 rounded-full border border-line bg-surface-2/95 p-1 shadow-sm backdrop-blur md:top-20 lg:hidden">
        {active.length > 0 ? [mineTab, openTab] : [openTab, mineTab]}
      </nav>

      {notice && (
        <Alert
          className="sticky top-[11rem] z-10 md:top-36"
          action={
            <Button variant="ghost" size="sm" onClick={() => setNotice(null)}>
              <X aria-hidden="true" />
              {t("dismiss")}
            </Button>
          }
        >
          <p className="font-bold">{notice}</p>
        </Alert>
      )}
      {screen.isError && screen.data && <Alert tone="warning">{t("stale")}</Alert>}

      {screen.isError && !screen.data ? (
        <Alert
          title={t("loadError")}
          action={
            <Button variant="secondary" size="sm" onClick={() => void screen.refetch()}>
              {t("retry")}
            </Button>
          }
        >
          <p>{errorMessage(screen.error)}</p>
        </Alert>
      ) : !screen.data ? (
        <Loading label={t("loading")} className="grid gap-3">
          <Skeleton className="h-64" />
          <Skeleton className="h-64" />
        </Loading>
      ) : (
        // A job in progress comes first: it is what the rider is doing right now.
        // On a wide screen both lists stand side by side.
        <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-2">
          {active.length > 0 ? [<div key="m">{mineSection}</div>, <div key="o">{openSection}</div>] : [<div key="o">{openSection}</div>, <div key="m">{mineSection}</div>]}
        </div>
      )}

      {current && (
        <div data-testid="rider-action-bar" className="fixed inset-x-0 bottom-0 z-30 border-t border-line bg-surface/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-lift backdrop-blur md:hidden">
          <p className="m-0 mb-2 truncate text-sm">
            <span className="font-semibold text-muted">{t("nextStop")}:</span> {collecting ? current.pickupAddress : current.dropoffAddress}
          </p>
          <div className="grid grid-cols-[auto_1fr] gap-2">
            <Button variant="secondary" size="xl" asChild>
              <a href={mapLink(collecting ? current.pickupAddress : current.dropoffAddress)} target="_blank" rel="noopener noreferrer">
                <Navigation aria-hidden="true" />
                {t("navigate")}
                <span className="sr-only"> ({t("openMap")})</span>
              </a>
            </Button>
            {current.status === "ATTEMPTED" ? (
              <Button size="xl" variant="secondary" onClick={() => backAtShop.mutate({ deliveryId: current.id })} pending={backAtShop.isPending} pendingText={t("saving")} disabled={busy}>
                <Check aria-hidden="true" />
                {t("backAtShop")}
              </Button>
            ) : collecting ? (
              <Button size="xl" onClick={() => collect(current)} pending={pickedUp.isPending} pendingText={t("saving")} disabled={busy}>
                <PackageCheck aria-hidden="true" />
                {t("pickedUp")}
              </Button>
            ) : (
              <Button size="xl" variant="success" onClick={() => deliver(current)} disabled={busy}>
                <Check aria-hidden="true" />
                {t("complete")}
              </Button>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
