// P1: the tRPC + TanStack Query provider for a layout whose screens use it (see TRPCReactProvider).
// A server component: it reads whether the viewer is signed in (live updates run only then).
import type { ReactNode } from "react";
import { getSession } from "~/server/auth";
import { TRPCReactProvider } from "./react";

export async function WithTRPC({ children }: { children: ReactNode }) {
  const session = await getSession();
  return <TRPCReactProvider signedIn={session !== null}>{children}</TRPCReactProvider>;
}
