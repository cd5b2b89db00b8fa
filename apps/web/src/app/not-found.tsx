import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <EmptyState
      headingLevel={1}
      title={t("title")}
      action={
        <Button asChild>
          <Link href="/stores">{t("browse")}</Link>
        </Button>
      }
    >
      <p>{t("body")}</p>
    </EmptyState>
  );
}
