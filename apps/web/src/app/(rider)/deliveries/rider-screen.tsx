"use client";
// The rider's delivery screen (F8–F10, B1, B4), mobile first. Both lists stay on one page with a
// sticky switcher on top: a rider glancing at the phone sees their current job and new requests
// without hunting for a tab. Refreshed every two seconds until live push arrives.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert } from "~/components/alert";
import { Button } from "~/components/button";
import { MyDeliveryCard, OpenDeliveryCard, type Delivery } from "~/components/rider-delivery-cards";
import { useToast } from "~/components/toast";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";
import styles from "./rider-screen.module.css";

const TAKEN_BY_OTHER = "Another rider took this one";

/** Focus after the list has re-rendered, so it lands on the card in its new place. */
function focusSoon(id: string) {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    el?.focus();
    el?.scrollIntoView({ block: "center", behavior: "smooth" });
  });
}

export function RiderScreen() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [notice, setNotice] = useState<string | null>(null);

  const screen = useQuery(trpc.delivery.screen.queryOptions(undefined, { refetchInterval: 2000 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.delivery.screen.queryKey() });

  const start = useMutation(
    trpc.delivery.start.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: async (_res, { deliveryId }) => {
        await refresh();
        toast.show("Delivery started. It is in My deliveries.");
        focusSoon(`delivery-${deliveryId}`);
      },
      onError: async (error) => {
        const e = readError(error);
        setNotice(e.domainCode === "ALREADY_TAKEN" ? TAKEN_BY_OTHER : e.message);
        await refresh();
        focusSoon("open-title");
      },
    }),
  );
  const complete = useMutation(
    trpc.delivery.complete.mutationOptions({
      onMutate: () => setNotice(null),
      onSuccess: async (_res, { deliveryId }) => {
        await refresh();
        toast.show("Marked delivered. Thank you!");
        focusSoon(`delivery-${deliveryId}`);
      },
      onError: async (error) => {
        setNotice(readError(error).message);
        await refresh();
      },
    }),
  );
  const busy = start.isPending || complete.isPending;

  const open = screen.data?.open ?? [];
  const mine = screen.data?.mine ?? [];
  const active = mine.filter((d) => d.status === "STARTED");
  const done = mine.filter((d) => d.status === "COMPLETED");

  const take = (d: Delivery) => start.mutate({ deliveryId: d.id });
  const deliver = (d: Delivery) => complete.mutate({ deliveryId: d.id });

  const mineSection = (
    <section aria-labelledby="mine-title" className={styles.section}>
      <h2 id="mine-title" className={styles.sectionTitle} tabIndex={-1}>
        My deliveries
      </h2>
      {mine.length === 0 ? (
        <p className={styles.empty}>You have no deliveries yet. Take one from the open requests.</p>
      ) : (
        <>
          {active.length === 0 ? (
            <p className={styles.empty}>Nothing in progress.</p>
          ) : (
            <ul className={styles.list}>
              {active.map((d) => (
                <li key={d.id}>
                  <MyDeliveryCard
                    delivery={d}
                    onComplete={deliver}
                    pending={complete.isPending && complete.variables?.deliveryId === d.id}
                    disabled={busy}
                  />
                </li>
              ))}
            </ul>
          )}
          {done.length > 0 && (
            <>
              <h3 className={styles.subTitle}>Completed</h3>
              <ul className={styles.list}>
                {done.map((d) => (
                  <li key={d.id}>
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
    <section aria-labelledby="open-title" className={styles.section}>
      <h2 id="open-title" className={styles.sectionTitle} tabIndex={-1}>
        Open requests
      </h2>
      {open.length === 0 ? (
        <p className={styles.empty}>No open requests right now. New ones appear here on their own.</p>
      ) : (
        <ul className={styles.list}>
          {open.map((d) => (
            <li key={d.id}>
              <OpenDeliveryCard
                delivery={d}
                onTake={take}
                pending={start.isPending && start.variables?.deliveryId === d.id}
                disabled={busy}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  const openLink = (
    <a href="#open-title">
      Open requests <span className={styles.count}>{screen.data ? open.length : "–"}</span>
    </a>
  );
  const mineLink = (
    <a href="#mine-title">
      My deliveries{" "}
      <span className={styles.count}>
        {screen.data ? active.length : "–"}
        <span className="visually-hidden"> in progress</span>
      </span>
    </a>
  );

  return (
    <div className={styles.screen}>
      <h1 className={styles.title}>Deliveries</h1>

      <nav className={styles.switcher} aria-label="Sections">
        {active.length > 0 ? (
          <>
            {mineLink}
            {openLink}
          </>
        ) : (
          <>
            {openLink}
            {mineLink}
          </>
        )}
      </nav>

      {notice && (
        <Alert className={styles.notice}>
          <div className={styles.noticeRow}>
            <p>{notice}</p>
            <Button variant="ghost" size="sm" onClick={() => setNotice(null)} aria-label="Dismiss message">
              ×
            </Button>
          </div>
        </Alert>
      )}
      {screen.isError && screen.data && (
        <p className={styles.stale} role="status">
          Connection lost. Retrying…
        </p>
      )}

      {screen.isError && !screen.data ? (
        <Alert title="We could not load deliveries">
          <p>{readError(screen.error).message}</p>
          <Button variant="secondary" size="sm" onClick={() => void screen.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !screen.data ? (
        <div className={styles.list} aria-busy="true" aria-label="Loading deliveries">
          <div className="skeleton" style={{ minHeight: "14rem" }} />
          <div className="skeleton" style={{ minHeight: "14rem" }} />
        </div>
      ) : (
        <>
          {/* A job in progress comes first: it is what the rider is doing right now. */}
          {active.length > 0 ? (
            <>
              {mineSection}
              {openSection}
            </>
          ) : (
            <>
              {openSection}
              {mineSection}
            </>
          )}
        </>
      )}
    </div>
  );
}
