// First-paint data for the customer pages, read on the server through the same tRPC procedures
// (and access checks) the browser uses. The page's HTML then already holds its content; the
// client query takes it as initial data and keeps it fresh.
import { createCaller } from "~/server/routers/_app";
import { createContext } from "~/server/trpc";

type Caller = ReturnType<typeof createCaller>;

/** The procedure's answer, or undefined when it refuses: the client query then shows why. */
export async function prefetch<T>(read: (caller: Caller) => Promise<T>): Promise<T | undefined> {
  try {
    return await read(createCaller(await createContext()));
  } catch {
    return undefined;
  }
}
