import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StoreBrowser } from "./store-browser";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("stores");
  return { title: t("title") };
}

export default function StoresPage() {
  return <StoreBrowser />;
}
