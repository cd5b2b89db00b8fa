import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import { MenuEditor } from "./menu-editor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("menuEditor");
  return { title: t("title") };
}

export default function MenuPage() {
  return (
    <Suspense fallback={<Skeleton className="min-h-80" />}>
      <MenuEditor />
    </Suspense>
  );
}
