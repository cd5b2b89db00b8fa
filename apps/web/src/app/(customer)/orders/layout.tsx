// My orders and an order's page: read through tRPC and followed live.
// P1: the tRPC provider for these screens only (the root layout has none).
import type { ReactNode } from "react";
import { WithTRPC } from "~/trpc/with-trpc";

export default function Layout({ children }: { children: ReactNode }) {
  return <WithTRPC>{children}</WithTRPC>;
}
