"use client";
// The browser's tRPC client (TanStack Query integration). One QueryClient per browser tab.
// Subscriptions go over server-sent events; everything else is batched HTTP.
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, loggerLink, splitLink } from "@trpc/client";
import { createTRPCContext, useSubscription } from "@trpc/tanstack-react-query";
import { useRef, useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "~/server/routers/_app";
import { TRPC_MAX_BATCH_SIZE } from "./limits";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (count, err) => count < 2 && !(err as { data?: { httpStatus?: number } }).data?.httpStatus,
      },
    },
  });
}

/** tRPC routers whose answers do not change with an order's events. */
const NOT_ORDER_STATE = new Set(["catalog", "schedule", "account"]);
/** A tRPC query key is [[router, procedure], { input, type }]. */
export function followsOrders(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return !(Array.isArray(path) && typeof path[0] === "string" && NOT_ORDER_STATE.has(path[0]));
}

/**
 * B1: while signed in, listens to this user's live changes and refetches what is on screen.
 * On every (re)connect it refetches too, so a dropped connection catches up.
 */
function LiveUpdates({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSubscription(
    trpc.live.changes.subscriptionOptions(undefined, {
      enabled: signedIn,
      onData: () => {
        // Coalesce bursts (one order's events arrive together) into one refetch.
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          // Refetches the order-related queries on screen and marks the rest of them stale. The
          // catalog, the delivery schedule and the account do not follow an order's events, so a
          // live change does not refetch a shop's whole menu (P1).
          void queryClient.invalidateQueries({ predicate: (q) => followsOrders(q.queryKey) });
        }, 100);
      },
    }),
  );
  return null;
}

export function TRPCReactProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        // A browser module: Next writes NODE_ENV into the bundle at build time (no env module here).
        // eslint-disable-next-line no-restricted-properties
        loggerLink({ enabled: (op) => process.env.NODE_ENV === "development" && op.direction === "down" && op.result instanceof Error }),
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          // Same-origin JSON, in batches no larger than the server takes (S3).
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: TRPC_MAX_BATCH_SIZE }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <LiveUpdates signedIn={signedIn} />
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

/**
 * Screens are refreshed by pushed live changes (B1); this slow refetch only backs them up, e.g.
 * behind a proxy that buffers server-sent events.
 */
export const LIVE_FALLBACK_MS = 30_000;
