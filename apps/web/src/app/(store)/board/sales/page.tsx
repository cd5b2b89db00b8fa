// The owner's sales at a glance (W7): a server-rendered page with no client JavaScript of its own.
// The shop and the period are a plain GET form (?store=&from=&to=); another owner's shop is a 404.
import { myStores, salesFor } from "@bloom/app";
import { localizedName, SALES_MAX_DAYS, salesPeriodProblem } from "@bloom/domain";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/card";
import { EmptyState } from "~/components/ui/empty-state";
import { getSession } from "~/server/auth";
import { services } from "~/server/services";
import { PeriodForm } from "./period-form";
import { SalesView } from "./sales-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sales");
  return { title: t("title") };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function SalesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [session, params, t, locale] = await Promise.all([getSession(), searchParams, getTranslations("sales"), getLocale()]);
  if (!session) notFound(); // the (store) layout has sent visitors to sign in already
  const { db } = services();
  const stores = await myStores(db, session.user);
  if (stores.length === 0) {
    return (
      <EmptyState headingLevel={1} title={t("noStores")}>
        <p>{t("noStoresBody")}</p>
      </EmptyState>
    );
  }
  const storeId = one(params.store) ?? stores[0]!.id;
  const query = { storeId, from: one(params.from), to: one(params.to) };
  const result = await salesFor(db, session.user, query);
  if (!result.ok && result.code === "NOT_FOUND") notFound();
  if (!result.ok && result.message.startsWith("storeId:")) notFound();
  const nameOf = (s: { name: string; nameKo: string | null }) => localizedName(locale, s);

  return (
    <>
      <PageHeader title={t("title")} description={t("lead")} />
      <PeriodForm
        stores={stores.map((s) => ({ id: s.id, name: nameOf(s) }))}
        storeId={storeId}
        from={result.ok ? result.report.period.from : (query.from ?? "")}
        to={result.ok ? result.report.period.to : (query.to ?? "")}
      />
      {result.ok ? (
        <SalesView report={result.report} storeName={nameOf(result.report.store)} />
      ) : (
        <Alert title={t("errors.title")} className="mt-4">
          <p className="m-0">
            {(() => {
              const problem = salesPeriodProblem(result.message);
              return problem === "tooLong" ? t("errors.tooLong", { max: SALES_MAX_DAYS }) : problem ? t(`errors.${problem}`) : t("errors.other");
            })()}
          </p>
        </Alert>
      )}
    </>
  );
}
