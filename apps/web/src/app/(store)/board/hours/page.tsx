import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import { HoursEditor } from "./hours-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("schedule.owner");
  return { title: t("title") };
}

export default function HoursPage() {
  return (
    <Suspense fallback={<Skeleton className="min-h-80" />}>
      <HoursEditor />
    </Suspense>
  );
}
