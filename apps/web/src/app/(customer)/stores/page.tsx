// The public store list (F1), rendered on the server (P1): the search and the area come from the
// address (?q=…&area=…), so a search can be shared, works before the page's JavaScript has loaded
// (a plain GET form), and the page ships no data-fetching runtime. The search box and the area
// chips are a small client island that updates the address as the customer types.
import { listAreas, listStores } from "@bloom/app";
import { storeSearchSchema } from "@bloom/domain";
import { SearchX } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { services } from "~/server/services";
import { StoreCard } from "./store-card";
import { StoreSearch } from "./store-search";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stores");
  return { title: t("title") };
}

type Params = Record<string, string | string[] | undefined>;
/** An empty field is no filter; a repeated one (?q=a&q=b) is refused by the schema, like any bad input. */
const field = (v: string | string[] | undefined) => (typeof v === "string" ? v.trim() || undefined : v);

export default async function StoresPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const parsed = storeSearchSchema.safeParse({ q: field(params.q), area: field(params.area) });
  // Bad input changes nothing: the search is set aside, said so, and every shop is listed.
  const search = parsed.success ? parsed.data : {};
  const db = services().db;
  const [t, areas, stores] = await Promise.all([getTranslations("stores"), listAreas(db), listStores(db, search)]);
  const filtered = Boolean(search.q || search.area);

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <StoreSearch areas={areas} q={search.q ?? ""} area={search.area ?? ""} status={filtered ? t("found", { count: stores.length }) : t("count", { count: stores.length })}>
        {!parsed.success && <Alert tone="warning" title={t("invalidSearch")} className="mb-4" />}
        {stores.length === 0 ? (
          <EmptyState
            icon={<SearchX />}
            title={t("noMatch")}
            action={
              filtered ? (
                <Button variant="secondary" asChild>
                  <Link href="/stores">{t("clear")}</Link>
                </Button>
              ) : undefined
            }
          >
            <p>{t("noMatchHint")}</p>
          </EmptyState>
        ) : (
          <ul className="m-0 grid list-none gap-4 p-0 sm:grid-cols-2 lg:grid-cols-3">
            {stores.map((s) => (
              <li key={s.id} className="grid">
                <StoreCard store={s} />
              </li>
            ))}
          </ul>
        )}
      </StoreSearch>
    </>
  );
}
