import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "~/server/routers/_app";
import { createContext } from "~/server/trpc";

const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ req }),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") ctx?.log.error({ path, err: String(error.cause ?? error) }, "procedure failed");
    },
    // A refusal that knows when to come back (rate limit, payment busy) says so the HTTP way too.
    responseMeta({ errors }) {
      const retry = errors.map((e) => (e.cause as { retryAfterSec?: number } | undefined)?.retryAfterSec).find((s) => s);
      return retry ? { headers: new Headers({ "Retry-After": String(retry) }) } : {};
    },
  });

export { handler as GET, handler as POST };
