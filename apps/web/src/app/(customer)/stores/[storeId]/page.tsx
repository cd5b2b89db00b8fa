// A shop's page (F1), its first view rendered on the server (P1): the shop, its delivery hours and
// its menu come with the HTML, so nothing shifts when they arrive and the page needs no data
// client. Adding to the cart stays in the browser (the cart lives in this device's storage); the
// server prices and checks every line again when the order is placed.
import { deliverySlots, getStoreMenu } from "@bloom/app";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { services } from "~/server/services";
import { StoreMenu } from "./store-menu";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("menu");
  return { title: t("pageTitle") };
}

export default async function StorePage({ params }: { params: Promise<{ storeId: string }> }) {
  const { storeId } = await params;
  if (!z.uuid().safeParse(storeId).success) notFound();
  const db = services().db;
  const [store, slots] = await Promise.all([getStoreMenu(db, storeId), deliverySlots(db, storeId, { days: 1 })]);
  if (!store || !slots) notFound();
  const { weeklyHours, closures, leadTimeMinutes, slotCutoffMinutes } = slots;
  return <StoreMenu store={store} hours={{ weeklyHours, closures, leadTimeMinutes, slotCutoffMinutes }} />;
}
