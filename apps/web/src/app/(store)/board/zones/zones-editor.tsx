"use client";
// The owner's delivery zones per shop (D1): districts or a radius, each with a fee and a minimum
// order. The list is edited here and saved as a whole, validated by the domain's zones schema.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { BoardStorePicker } from "~/components/board-store-picker";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { useErrorMessage } from "~/lib/error-message";
import { useTRPC } from "~/trpc/react";
import { ZonesForm } from "./zones-form";

export function ZonesEditor() {
  const t = useTranslations("deliveryZones");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();

  const stores = useQuery(trpc.store.myStores.queryOptions(undefined, { staleTime: 60_000 }));
  const requested = params.get("store") ?? "";
  const store = stores.data?.find((s) => s.id === requested) ?? stores.data?.[0];
  const zones = useQuery(trpc.store.zones.queryOptions({ storeId: store?.id ?? "" }, { enabled: Boolean(store) }));
  const save = useMutation(
    trpc.store.saveZones.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.store.zones.queryKey({ storeId: store?.id ?? "" }) }),
    }),
  );

  if (stores.data && stores.data.length === 0) {
    return (
      <EmptyState headingLevel={1} title={t("noStores")}>
        <p>{t("noStoresBody")}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <Link href={store ? `/board?store=${store.id}` : "/board"} className="mb-3 inline-flex min-h-10 items-center gap-1.5 font-semibold no-underline hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("lead")} />
      <BoardStorePicker
        className="mb-4 max-w-sm"
        stores={stores.data}
        value={store?.id ?? ""}
        onChange={(id) => router.replace(`${pathname}?store=${id}`, { scroll: false })}
      />
      {zones.isError && !zones.data ? (
        <Alert title={t("loadError")}>
          <p>{errorMessage(zones.error)}</p>
        </Alert>
      ) : !zones.data || !store ? (
        <Loading label={t("loading")}>
          <Skeleton className="h-72" />
        </Loading>
      ) : (
        <ZonesForm
          // Per shop only: a background refetch must never wipe the owner's unsaved edits.
          key={store.id}
          city={zones.data.city}
          initial={zones.data.zones}
          saving={save.isPending}
          saveError={save.error ? errorMessage(save.error) : null}
          saved={save.isSuccess}
          onSave={(list) => save.mutate({ storeId: store.id, zones: list })}
        />
      )}
    </>
  );
}
