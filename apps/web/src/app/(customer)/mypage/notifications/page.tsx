import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSettings } from "./email-settings";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("messageSettings");
  return { title: t("title") };
}

export default function EmailSettingsPage() {
  return <EmailSettings />;
}
