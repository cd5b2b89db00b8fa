// Operators' screens: ADMIN only, checked on the server; the ops router checks again (C5).
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "~/server/auth";
import { WithTRPC } from "~/trpc/with-trpc";

export default async function OpsLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (session?.user.role !== "ADMIN") redirect(`/signin?callbackUrl=${encodeURIComponent("/ops/queues")}`);
  return <WithTRPC>{children}</WithTRPC>;
}
