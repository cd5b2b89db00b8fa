import { getTranslations } from "next-intl/server";
import { PageNotFound } from "~/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <PageNotFound title={t("title")} backHref="/stores" backLabel={t("browse")}>
      <p>{t("body")}</p>
    </PageNotFound>
  );
}
