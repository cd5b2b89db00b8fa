"use client";
// When the shop delivers (D2), per store: the owner's screen. Weekly hours and the rules form are
// saved together; closures are added and removed one by one. Checked with the shared schemas.
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { BoardStorePicker } from "~/components/board-store-picker";
import { LoadErrorAlert } from "~/components/ui/load-error-alert";
import { PageHeader } from "~/components/ui/card";
import { Skeleton } from "~/components/ui/skeleton";
import { useTRPC } from "~/trpc/react";
import { ClosuresForm } from "./closures-form";
import { SettingsForm } from "./settings-form";

export function HoursEditor() {
  const t = useTranslations("schedule.owner");
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const stores = useQuery(trpc.store.myStores.queryOptions(undefined, { staleTime: 60_000 }));
  const requested = params.get("store") ?? "";
  const store = stores.data?.find((s) => s.id === requested) ?? stores.data?.[0];
  const settings = useQuery(trpc.schedule.settings.queryOptions({ storeId: store?.id ?? "" }, { enabled: Boolean(store) }));

  return (
    <>
      <Link href={store ? `/board?store=${store.id}` : "/board"} className="mb-3 inline-flex min-h-10 items-center gap-1.5 font-semibold no-underline hover:underline">
        <ArrowLeft aria-hidden="true" className="size-4" />
        {t("back")}
      </Link>
      <PageHeader title={t("title")} description={t("intro")} />
      <BoardStorePicker
        className="mb-4 max-w-sm"
        stores={stores.data}
        value={store?.id ?? ""}
        onChange={(id) => router.replace(`${pathname}?store=${id}`, { scroll: false })}
      />
      {settings.isError && !settings.data ? (
        <LoadErrorAlert title={t("loadError")} retryLabel={t("retry")} error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data || !store ? (
        <Skeleton className="min-h-80" />
      ) : (
        <div className="grid gap-5 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          {/* Keyed by store: switching shops starts from that shop's saved values. */}
          <SettingsForm key={store.id} storeId={store.id} initial={settings.data.settings} />
          <ClosuresForm storeId={store.id} closures={settings.data.closures} />
        </div>
      )}
    </>
  );
}
