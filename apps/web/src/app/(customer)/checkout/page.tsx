import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getSession } from "~/server/auth";
import { Checkout } from "./checkout";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("checkout");
  return { title: t("title") };
}

export default async function CheckoutPage() {
  const session = await getSession();
  const viewer = session?.user ? { name: session.user.name, role: session.user.role } : null;
  return <Checkout viewer={viewer} />;
}
