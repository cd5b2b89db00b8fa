"use client";
// Menu and stock per store (F6): prices, stock and what is on sale, edited in place; new bouquets
// added below. Stock is what the board's "Over stock" warning is measured against.
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { BoardPhotoSetting } from "~/components/board-photo-setting";
import { BoardArrangementSetting } from "~/components/board-arrangement-setting";
import { BoardAddBouquetForm } from "~/components/board-add-bouquet-form";
import { BoardMenuRow } from "~/components/board-menu-row";
import { BoardAddonsEditor } from "~/components/board-addons-editor";
import { BoardStorePicker } from "~/components/board-store-picker";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { useErrorMessage } from "~/lib/error-message";
import { useLocalizedName } from "~/lib/localized";
import { useTRPC } from "~/trpc/react";
import { ShopProfileForm } from "./shop-profile-form";

export function MenuEditor() {
  const t = useTranslations("menuEditor");
  const tz = useTranslations("deliveryZones");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const errorMessage = useErrorMessage();
  const nameOf = useLocalizedName();

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
      <EmptyState headingLevel={1} title={t("noStores")}>
        <p>{t("noStoresBody")}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Link href={boardHref} className="mb-3 inline-flex min-h-10 items-center gap-1.5 font-semibold no-underline hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader
        title={t("title")}
        description={t("lead")}
        actions={
          <Button variant="secondary" asChild>
            <Link href={store ? `/board/zones?store=${store.id}` : "/board/zones"}>{tz("link")}</Link>
          </Button>
        }
      />

      {stores.isError && !stores.data ? (
        <Alert
          title={t("storesError")}
          action={
            <Button variant="secondary" size="sm" onClick={() => void stores.refetch()}>
              {t("retry")}
            </Button>
          }
        >
          <p>{errorMessage(stores.error)}</p>
        </Alert>
      ) : (
        <BoardStorePicker
          className="mb-4 max-w-sm"
          stores={stores.data}
          value={store?.id ?? ""}
          onChange={(id) => router.replace(`${pathname}?store=${id}`, { scroll: false })}
        />
      )}

      {menu.isError && !menu.data ? (
        <Alert
          title={t("loadError")}
          action={
            <Button variant="secondary" size="sm" onClick={() => void menu.refetch()}>
              {t("retry")}
            </Button>
          }
        >
          <p>{errorMessage(menu.error)}</p>
        </Alert>
      ) : !menu.data || !store ? (
        <Loading label={t("loading")}>
          <Skeleton className="h-72" />
        </Loading>
      ) : menu.data.length === 0 ? (
        <EmptyState title={t("empty")}>
          <p>{t("emptyHint")}</p>
        </EmptyState>
      ) : (
        <div role="region" aria-labelledby="menu-caption" tabIndex={0} className="overflow-x-auto rounded-3xl border border-line bg-surface shadow-card">
          <table className="w-full min-w-[54rem] border-collapse">
            <caption id="menu-caption" className="px-4 pt-4 pb-2 text-left text-lg font-bold">
              {t("caption", { store: nameOf(store), count: menu.data.length })}
            </caption>
            <thead>
              <tr className="border-b border-line text-left text-sm text-muted">
                <th scope="col" className="px-4 py-2 font-semibold">
                  {t("col.bouquet")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.price")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.stock")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.sizes")}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t("col.onSale")}
                </th>
                <th scope="col" className="px-4 py-2">
                  <span className="sr-only">{t("col.save")}</span>
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

      {store && <BoardAddonsEditor key={`addons-${store.id}`} storeId={store.id} storeName={nameOf(store)} />}
      {store && (
        <section className="mt-6 rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-6" aria-labelledby="add-bouquet-title">
          <BoardAddBouquetForm key={store.id} storeId={store.id} storeName={nameOf(store)} />
        </section>
      )}
      {store && (
        <section className="mt-6 rounded-3xl border border-line bg-surface p-4 shadow-card sm:p-6" aria-labelledby="shop-profile-title">
          <ShopProfileForm
            key={`profile-${store.id}`}
            initial={{ storeId: store.id, name: store.name, nameKo: store.nameKo, address: store.address, addressKo: store.addressKo, description: store.description, descriptionKo: store.descriptionKo }}
          />
        </section>
      )}
      {store && (
        <div className="mt-6">
          <BoardPhotoSetting key={`photo-${store.id}`} storeId={store.id} required={store.requireDeliveryPhoto} />
          {/* W1: the sender approves a photo of each bouquet before it goes out. */}
          <div className="mt-4">
            <BoardArrangementSetting key={`arrangement-${store.id}`} storeId={store.id} required={store.requireArrangementPhoto} windowSeconds={store.approvalWindowSeconds} />
          </div>
        </div>
      )}
    </>
  );
}
