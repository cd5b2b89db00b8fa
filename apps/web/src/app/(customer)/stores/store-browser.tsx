"use client";
// The public store list (F1): a search box and area chips, then the shops as picture cards.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Search, SearchX } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { Loading, Skeleton } from "~/components/ui/skeleton";
import { cn } from "~/lib/cn";
import { useErrorMessage } from "~/lib/error-message";
import { useAreaName } from "~/lib/localized";
import { useDebouncedValue } from "~/lib/use-debounced-value";
import { useTRPC } from "~/trpc/react";
import { StoreCard } from "./store-card";

export function StoreBrowser() {
  const t = useTranslations("stores");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const areaOf = useAreaName();
  const [q, setQ] = useState("");
  const [area, setArea] = useState("");
  const query = useDebouncedValue(q.trim(), 250);

  const filtered = Boolean(query || area);
  const areas = useQuery(trpc.catalog.areas.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const stores = useQuery({
    ...trpc.catalog.stores.queryOptions({ q: query || undefined, area: area || undefined }),
    placeholderData: keepPreviousData,
  });

  const chip = (value: string, label: string) => (
    <button
      key={value || "all"}
      type="button"
      aria-pressed={area === value}
      onClick={() => setArea(value)}
      className={cn(
        "min-h-10 shrink-0 rounded-full border px-4 text-sm font-semibold transition-colors",
        area === value ? "border-brand-600 bg-brand-600 text-white" : "border-line-strong bg-surface text-ink hover:bg-surface-2",
      )}
    >
      {label}
    </button>
  );

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />

      <form role="search" aria-label={t("searchLabel")} className="mb-5 grid gap-3" onSubmit={(e) => e.preventDefault()}>
        <div className="grid gap-1.5">
          <Label htmlFor="store-search" className="sr-only">
            {t("searchLabel")}
          </Label>
          <div className="relative">
            <Search aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-muted" />
            <Input
              id="store-search"
              type="search"
              placeholder={t("searchPlaceholder")}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              autoComplete="off"
              maxLength={60}
              className="min-h-12 rounded-full pl-11"
            />
          </div>
        </div>
        <div role="group" aria-label={t("areaFilter")} className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
          {chip("", t("allAreas"))}
          {areas.data?.map((a) => chip(a, areaOf(a)))}
        </div>
      </form>

      {stores.isError && !stores.data ? (
        <Alert
          title={t("loadError")}
          action={
            <Button variant="secondary" size="sm" onClick={() => void stores.refetch()}>
              {t("retry")}
            </Button>
          }
        >
          <p>{errorMessage(stores.error)}</p>
        </Alert>
      ) : !stores.data ? (
        <Loading label={t("loading")} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-72" />
          ))}
        </Loading>
      ) : (
        <>
          <p className="mb-3 text-sm font-semibold text-muted" role="status" aria-live="polite">
            {stores.isFetching && stores.isPlaceholderData ? t("searching") : filtered ? t("found", { count: stores.data.length }) : t("count", { count: stores.data.length })}
          </p>
          {stores.data.length === 0 ? (
            <EmptyState
              icon={<SearchX />}
              title={t("noMatch")}
              action={
                filtered ? (
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setQ("");
                      setArea("");
                    }}
                  >
                    {t("clear")}
                  </Button>
                ) : undefined
              }
            >
              <p>{t("noMatchHint")}</p>
            </EmptyState>
          ) : (
            <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
              {stores.data.map((s) => (
                <li key={s.id} className="grid">
                  <StoreCard store={s} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
