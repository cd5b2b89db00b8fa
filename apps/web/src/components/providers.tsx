"use client";
// Client-side context for every page: tRPC + TanStack Query (with live updates while signed in),
// toasts. (Languages come from <IntlProvider>, outside this, so every provider can translate.)
// Whether the viewer is signed in comes from the server's session check (the root layout), not from
// next-auth's SessionProvider: no /api/auth/session request and no next-auth client on every page (P1).
import type { ReactNode } from "react";
import { TRPCReactProvider } from "~/trpc/react";
import { ToastProvider } from "./ui/toast";

export function Providers({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  return (
    <TRPCReactProvider signedIn={signedIn}>
      <ToastProvider>{children}</ToastProvider>
    </TRPCReactProvider>
  );
}
