// MyPage is the signed-in customer's own: checked on the server before anything renders; the
// mypage router scopes every read to the caller again (C5).
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getSession } from "~/server/auth";
import { WithTRPC } from "~/trpc/with-trpc";

export default async function MyPageLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (session?.user.role !== "CUSTOMER") redirect(`/signin?callbackUrl=${encodeURIComponent("/mypage")}`);
  return <WithTRPC>{children}</WithTRPC>;
}
