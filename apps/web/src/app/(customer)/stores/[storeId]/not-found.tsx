// A shop that does not exist (or a malformed id): said so, with the way back, and HTTP 404.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";

export default async function ShopNotFound() {
  const t = await getTranslations("menu");
  return (
    <EmptyState
      headingLevel={1}
      title={t("notFound")}
      action={
        <Button asChild>
          <Link href="/stores">{t("allShops")}</Link>
        </Button>
      }
    />
  );
}
