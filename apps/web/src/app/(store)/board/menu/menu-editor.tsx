"use client";
// Menu and stock per store (F6): prices, stock and what is on sale, edited in place; new bouquets
// added below. Stock is what the board's "Over stock" warning is measured against.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Alert } from "~/components/alert";
import { BoardAddBouquetForm } from "~/components/board-add-bouquet-form";
import { BoardMenuRow } from "~/components/board-menu-row";
import styles from "~/components/board-menu.module.css";
import { BoardStorePicker } from "~/components/board-store-picker";
import { Button } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import { readError } from "~/lib/trpc-error";
import { useTRPC } from "~/trpc/react";

export function MenuEditor() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const stores = useQuery(trpc.store.myStores.queryOptions(undefined, { staleTime: 60_000 }));
  const requested = params.get("store") ?? "";
  const store = stores.data?.find((s) => s.id === requested) ?? stores.data?.[0];

  const menu = useQuery(
    trpc.store.menu.queryOptions(
      { storeId: store?.id ?? "" },
      // Orders move stock too: keep the untouched figures fresh while the page is open.
      { enabled: Boolean(store), refetchInterval: 10_000 },
    ),
  );

  const boardHref = store ? `/board?store=${store.id}` : "/board";

  if (stores.data && stores.data.length === 0) {
    return (
      <EmptyState headingLevel={1} title="You have no stores yet">
        <p>Once a store is registered to your account, you can edit its menu here.</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Link href={boardHref} className="back-link">
        <span aria-hidden="true">←</span> Order board
      </Link>
      <div className="page-head">
        <div>
          <h1>Menu and stock</h1>
          <p className="muted">Prices in won. Accepting an order takes its bouquets out of stock; rejecting an accepted order puts them back.</p>
        </div>
      </div>

      {stores.isError && !stores.data ? (
        <Alert title="We could not load your stores">
          <p>{readError(stores.error).message}</p>
          <Button variant="secondary" size="sm" onClick={() => void stores.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : (
        <div style={{ maxWidth: "24rem", marginBottom: "1rem" }}>
          <BoardStorePicker
            stores={stores.data}
            value={store?.id ?? ""}
            onChange={(id) => router.replace(`${pathname}?store=${id}`, { scroll: false })}
          />
        </div>
      )}

      {menu.isError && !menu.data ? (
        <Alert title="We could not load the menu">
          <p>{readError(menu.error).message}</p>
          <Button variant="secondary" size="sm" onClick={() => void menu.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !menu.data || !store ? (
        <div className="skeleton" style={{ minHeight: "16rem" }} aria-busy="true" aria-label="Loading the menu" />
      ) : menu.data.length === 0 ? (
        <EmptyState title="No bouquets on this menu yet">
          <p>Add the first one below.</p>
        </EmptyState>
      ) : (
        <div className={styles.tableWrap} role="region" aria-labelledby="menu-caption" tabIndex={0}>
          <table className={styles.table}>
            <caption id="menu-caption">
              {store.name} · {menu.data.length} {menu.data.length === 1 ? "bouquet" : "bouquets"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Bouquet</th>
                <th scope="col">Price (₩)</th>
                <th scope="col">Stock</th>
                <th scope="col">On sale</th>
                <th scope="col">
                  <span className="visually-hidden">Save</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {menu.data.map((b) => (
                <BoardMenuRow key={b.id} bouquet={b} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {store && (
        <section className="panel" style={{ marginTop: "1.5rem" }} aria-labelledby="add-bouquet-title">
          <BoardAddBouquetForm key={store.id} storeId={store.id} storeName={store.name} />
        </section>
      )}
    </>
  );
}
