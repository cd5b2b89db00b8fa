// Server-side gate for the customer's own pages: visitors go to sign in and come back; staff
// accounts are told the page is for customers. Returns null when the viewer may continue.
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { getSession } from "~/server/auth";

export async function customerGate(callbackUrl: string): Promise<ReactNode | null> {
  const session = await getSession();
  if (!session?.user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (session.user.role === "CUSTOMER") return null;
  const t = await getTranslations("customerGate");
  return (
    <EmptyState
      headingLevel={1}
      title={t("title")}
      action={
        <Button asChild>
          <Link href="/">{t("home")}</Link>
        </Button>
      }
    >
      <p>{t("body", { name: session.user.name })}</p>
    </EmptyState>
  );
}
