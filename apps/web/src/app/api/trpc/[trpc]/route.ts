// The tRPC endpoint. Transport limits come first (S3), before the session is read or any procedure
// runs: at most TRPC_MAX_BATCH_SIZE procedures a request, and a mutation (tRPC takes them only as
// POST) must come from this site, as JSON, within TRPC_MAX_BODY_BYTES. Queries and subscriptions
// (GET, SSE) change nothing, so they are not held to the origin rule.
import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { readBodyWithin } from "~/server/body-limit";
import { fromThisSite } from "~/server/same-origin";
import { appRouter } from "~/server/routers/_app";
import { createContext } from "~/server/trpc";
import { TRPC_MAX_BATCH_SIZE, TRPC_MAX_BODY_BYTES } from "~/trpc/limits";

const isJson = (req: Request) => req.headers.get("content-type")?.split(";", 1)[0]!.trim().toLowerCase() === "application/json";

/** The mutation's refusal, or its request with the body read within the limit. */
async function admitMutation(req: Request): Promise<TRPCError | Request> {
  if (!fromThisSite(req)) return new TRPCError({ code: "FORBIDDEN", message: "Cross-site requests are not accepted" });
  // A cross-site form can post urlencoded, multipart or text/plain without asking; only JSON
  // needs a CORS preflight, which this site never grants.
  if (!isJson(req)) return new TRPCError({ code: "UNSUPPORTED_MEDIA_TYPE", message: "Send the request as application/json" });
  const body = await readBodyWithin(req, TRPC_MAX_BODY_BYTES);
  if (body === null) return new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: `The request is larger than ${TRPC_MAX_BODY_BYTES / 1024} KB` });
  return new Request(req.url, { method: req.method, headers: req.headers, body, signal: req.signal });
}

async function handler(original: Request) {
  const admitted = original.method === "POST" ? await admitMutation(original) : original;
  // A refusal is thrown from createContext: tRPC then answers every call of the request with it,
  // in its own error shape and HTTP status, and never reads the body or runs a procedure.
  const refusal = admitted instanceof TRPCError ? admitted : null;
  const req = refusal ? new Request(original.url, { method: original.method, headers: original.headers, signal: original.signal }) : (admitted as Request);
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    maxBatchSize: TRPC_MAX_BATCH_SIZE,
    createContext: () => {
      if (refusal) throw refusal;
      return createContext({ req });
    },
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") ctx?.log.error({ path, err: String(error.cause ?? error) }, "procedure failed");
    },
    // A refusal that knows when to come back (rate limit, payment busy) says so the HTTP way too.
    responseMeta({ errors }) {
      const retry = errors.map((e) => (e.cause as { retryAfterSec?: number } | undefined)?.retryAfterSec).find((s) => s);
      return retry ? { headers: new Headers({ "Retry-After": String(retry) }) } : {};
    },
  });
}

export { handler as GET, handler as POST };
