// A plain tRPC client for a one-off call from a component that may sit outside the provider (the
// header's sign-out, on every page). Loaded on demand, so pages without the provider do not ship
// the tRPC client and superjson up front (P1).
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "~/server/routers/_app";

export function vanillaTrpcClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] });
}
