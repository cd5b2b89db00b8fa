// The rider's screens: riders only. The check runs on the server before anything renders; the
// delivery router checks the role again for every call (C5).
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "~/server/auth";
import { WithTRPC } from "~/trpc/with-trpc";

export default async function RiderLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (session?.user.role !== "RIDER") redirect(`/signin?callbackUrl=${encodeURIComponent("/deliveries")}`);
  return <WithTRPC>{children}</WithTRPC>;
}
