"use client";
// The browser's tRPC client (TanStack Query integration). One QueryClient per browser tab.
// Subscriptions go over server-sent events; everything else is batched HTTP.
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, loggerLink, splitLink } from "@trpc/client";
import { createTRPCContext, useSubscription } from "@trpc/tanstack-react-query";
import { useCallback, useRef, useState, type ReactNode } from "react";
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

/** The board's queries: a change of one of their cards patches that card (live-patch.ts). */
export function patchedByCard(queryKey: readonly unknown[]): boolean {
  const path = queryKey[0];
  return Array.isArray(path) && path[0] === "store" && (path[1] === "board" || path[1] === "boardDone");
}
/** More changed orders than this in one burst: read everything again rather than card by card. */
const PATCH_MAX = 5;

type Client = ReturnType<typeof useTRPCClient>;
type DonePages = { pages?: { orders: { orderId: string }[] }[] };
type Trpc = ReturnType<typeof useTRPC>;

/**
 * P1: one order changed. The board shown (store.board, active) gets that one card, read with
 * store.boardOrder; a board that cannot be patched (a new or unknown card, a cancellation, a
 * failed attempt) is read again whole, and boards not on screen are only marked stale.
 */
async function patchBoards(queryClient: QueryClient, trpc: Trpc, client: Client, orderId: string) {
  const boardKey = trpc.store.board.queryKey();
  const cached = queryClient.getQueryCache().findAll({ queryKey: boardKey });
  const active = cached.filter((q) => q.isActive());
  void queryClient.invalidateQueries({ queryKey: boardKey, predicate: (q) => !q.isActive(), refetchType: "none" });
  // Done beyond its first page: read again only a page that holds this card.
  void queryClient.invalidateQueries({
    queryKey: trpc.store.boardDone.queryKey(),
    predicate: (q) => !!(q.state.data as DonePages | undefined)?.pages?.some((p) => p.orders.some((o) => o.orderId === orderId)),
  });
  if (active.length === 0) return;
  // The patch's rules load with the first board that needs them, not on every page (P1).
  const { patchBoard } = await import("./live-patch");
  let card: Awaited<ReturnType<Client["store"]["boardOrder"]["query"]>>;
  try {
    card = await client.store.boardOrder.query({ orderId });
  } catch {
    card = null; // could not read the card: read the board
  }
  for (const q of active) {
    type Board = Awaited<ReturnType<Client["store"]["board"]["query"]>>;
    const board = q.state.data as Board | undefined;
    const filter = (q.queryKey[1] as { input?: { day?: string; slot?: string } } | undefined)?.input;
    // A read of the whole board already under way began before this change and would overwrite
    // the patch with what it saw: read it again instead (invalidating cancels the stale read).
    const next = board && q.state.fetchStatus !== "fetching" ? patchBoard(board, card, filter) : null;
    if (next) queryClient.setQueryData(q.queryKey, next);
    else void queryClient.invalidateQueries({ queryKey: q.queryKey, exact: true });
  }
}

/**
 * P1: after the owner's own step on a card (accept, arranged, handed over, rejected), the board
 * reads that one card again rather than the whole board.
 */
export function useBoardCardPatch(): (orderId: string) => Promise<void> {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  return useCallback((orderId: string) => patchBoards(queryClient, trpc, client, orderId), [queryClient, trpc, client]);
}

/**
 * B1: while signed in, listens to this user's live changes and refetches what is on screen; the
 * board patches the one card that changed (P1). On every (re)connect it refetches everything, so
 * a dropped connection catches up.
 */
function LiveUpdates({ signedIn }: { signedIn: boolean }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const changed = useRef(new Set<string>());
  const everything = useRef(false);
  useSubscription(
    trpc.live.changes.subscriptionOptions(undefined, {
      enabled: signedIn,
      onData: (message) => {
        if (message.kind === "change") changed.current.add(message.orderId);
        else everything.current = true; // (re)connected, or the riders' open requests changed
        // Coalesce bursts (one order's events arrive together) into one refetch.
        if (pending.current) return;
        pending.current = setTimeout(() => {
          pending.current = null;
          const ids = [...changed.current];
          const all = everything.current || ids.length > PATCH_MAX;
          changed.current.clear();
          everything.current = false;
          // Refetches the order-related queries on screen and marks the rest of them stale. The
          // catalog, the delivery schedule and the account do not follow an order's events, so a
          // live change does not refetch a shop's whole menu (P1); nor the whole board for one card.
          void queryClient.invalidateQueries({ predicate: (q) => followsOrders(q.queryKey) && (all || !patchedByCard(q.queryKey)) });
          if (!all) for (const id of ids) void patchBoards(queryClient, trpc, client, id);
        }, 100);
      },
    }),
  );
  return null;
}

function makeTrpcClient() {
  return createTRPCClient<AppRouter>({
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
  });
}

// P1: the provider sits in the layouts of the screens that read or write through tRPC, not in the
// root layout, so pages without it (sign-in, the shop list) do not load TanStack Query, tRPC and
// superjson. In the browser the clients are one per tab, whichever layout mounts the provider, so
// the cache survives moving between them; on the server, one per request.
let browserClients: { queryClient: QueryClient; trpcClient: ReturnType<typeof makeTrpcClient> } | undefined;
function clients() {
  if (typeof window === "undefined") return { queryClient: makeQueryClient(), trpcClient: makeTrpcClient() };
  return (browserClients ??= { queryClient: makeQueryClient(), trpcClient: makeTrpcClient() });
}

export function TRPCReactProvider({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const [{ queryClient, trpcClient }] = useState(clients);
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
