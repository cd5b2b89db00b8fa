// Server-side gate for the customer's own pages: visitors go to sign in and come back; staff
// accounts are told the page is for customers. Returns null when the viewer may continue.
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { buttonClass } from "~/components/button";
import { EmptyState } from "~/components/empty-state";
import { getSession } from "~/server/auth";

export async function customerGate(callbackUrl: string): Promise<ReactNode | null> {
  const session = await getSession();
  if (!session?.user) redirect(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  if (session.user.role === "CUSTOMER") return null;
  return (
    <EmptyState
      headingLevel={1}
      title="This page is for customers"
      action={
        <Link href="/" className={buttonClass("primary")}>
          Go to your home page
        </Link>
      }
    >
      <p>You are signed in as {session.user.name}, who does not place orders.</p>
    </EmptyState>
  );
}
