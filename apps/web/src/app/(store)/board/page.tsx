import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Skeleton } from "~/components/ui/skeleton";
import { OrderBoard } from "./order-board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("board");
  return { title: t("title") };
}

export default function BoardPage() {
  return (
    // The board reads ?store= from the URL; the boundary keeps the shell prerenderable.
    <Suspense fallback={<Skeleton className="min-h-96" />}>
      <OrderBoard />
    </Suspense>
  );
}
