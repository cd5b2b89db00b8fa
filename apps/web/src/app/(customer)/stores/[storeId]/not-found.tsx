// A shop that does not exist (or a malformed id): said so, with the way back, and HTTP 404.
import { getTranslations } from "next-intl/server";
import { PageNotFound } from "~/components/ui/empty-state";

export default async function ShopNotFound() {
  const t = await getTranslations("menu");
  return <PageNotFound title={t("notFound")} backHref="/stores" backLabel={t("allShops")} />;
}
