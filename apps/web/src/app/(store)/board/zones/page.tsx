import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import { ZonesEditor } from "./zones-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deliveryZones");
  return { title: t("title") };
}

export default function ZonesPage() {
  return (
    <Suspense fallback={<Skeleton className="min-h-80" />}>
      <ZonesEditor />
    </Suspense>
  );
}
