"use client";
// The last-resort boundary for a page that crashed while rendering: no stack trace, a way back.
import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations("errorPage");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <EmptyState
      headingLevel={1}
      icon={<TriangleAlert />}
      title={t("title")}
      action={
        <>
          <Button onClick={() => retry()}>{t("retry")}</Button>
          <Button variant="secondary" asChild>
            <Link href="/stores">{t("browse")}</Link>
          </Button>
        </>
      }
    >
      <p>{t("body")}</p>
    </EmptyState>
  );
}
