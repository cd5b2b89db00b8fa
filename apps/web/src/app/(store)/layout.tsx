// The store owner's screens (board, menu): owners and operators only. The check runs on the
// server before anything renders; the routers check the role again for every call (C5).
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "~/server/auth";
import { WithTRPC } from "~/trpc/with-trpc";

export default async function StoreLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  const role = session?.user.role;
  if (role !== "OWNER" && role !== "ADMIN") redirect(`/signin?callbackUrl=${encodeURIComponent("/board")}`);
  return <WithTRPC>{children}</WithTRPC>;
}
