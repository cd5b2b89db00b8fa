import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { prefetch } from "../../server-data";
import { StoreMenu } from "./store-menu";

export const metadata: Metadata = { title: "Shop menu" };

export default async function StorePage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  if (!z.uuid().safeParse(storeId).success) notFound();
  const store = await prefetch((c) => c.catalog.store({ storeId }));
  if (!store) notFound();
  return <StoreMenu storeId={storeId} initialStore={store} />;
}
