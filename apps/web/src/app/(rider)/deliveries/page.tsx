import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RiderScreen } from "./rider-screen";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rider");
  return { title: t("title") };
}

export default function DeliveriesPage() {
  return <RiderScreen />;
}
