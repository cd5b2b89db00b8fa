// The checkout: the cart's prices, the delivery slots and zones, and placing the order go through tRPC.
// P1: the tRPC provider for these screens only (the root layout has none).
import type { ReactNode } from "react";
import { WithTRPC } from "~/trpc/with-trpc";

export default function Layout({ children }: { children: ReactNode }) {
  return <WithTRPC>{children}</WithTRPC>;
}
