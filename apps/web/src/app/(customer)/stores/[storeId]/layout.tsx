// A shop's page: its menu and delivery hours are read through tRPC.
// P1: the tRPC provider for these screens only (the root layout has none).
import type { ReactNode } from "react";
import { WithTRPC } from "~/trpc/with-trpc";

export default function Layout({ children }: { children: ReactNode }) {
  return <WithTRPC>{children}</WithTRPC>;
}
