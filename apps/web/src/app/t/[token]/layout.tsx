// The recipient's tracking page follows live changes through tRPC.
// P1: the tRPC provider for these screens only (the root layout has none).
import type { ReactNode } from "react";
import { WithTRPC } from "~/trpc/with-trpc";

export default function Layout({ children }: { children: ReactNode }) {
  return <WithTRPC>{children}</WithTRPC>;
}
