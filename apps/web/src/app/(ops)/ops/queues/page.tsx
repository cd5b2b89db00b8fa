import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueueDashboard } from "./queue-dashboard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ops");
  return { title: t("title") };
}

export default function QueuesPage() {
  return <QueueDashboard />;
}
