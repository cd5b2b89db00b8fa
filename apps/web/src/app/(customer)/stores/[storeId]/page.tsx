import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { StoreMenu } from "./store-menu";

export const metadata: Metadata = { title: "Shop menu" };

export default async function StorePage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  if (!z.uuid().safeParse(storeId).success) notFound();
  return <StoreMenu storeId={storeId} />;
}
