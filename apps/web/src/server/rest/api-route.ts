// Every /api/v1 route handler is built here: authenticate (and check the scope), rate-limit per
// client where asked, run the handler, and turn any failure into the JSON error shape — an
// unexpected one is logged with the request id and answered 500 without details.
import type { ApiScope } from "@bloom/domain";
import { hit, type Limit } from "../rate-limit";
import { services } from "../services";
import { authenticate, type ApiCaller } from "./access";
import { ApiError, internalError } from "./errors";

export type ApiRequest<P> = { req: Request; params: P; caller: ApiCaller; log: ReturnType<typeof services>["log"] };

export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  opts: { scope: ApiScope | null; limit?: Limit },
  handler: (r: ApiRequest<P>) => Promise<Response>,
) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    const requestId = req.headers.get("x-request-id") ?? globalThis.crypto.randomUUID();
    let log = services().log.child({ requestId, api: `${req.method} ${new URL(req.url).pathname}` });
    try {
      const caller = await authenticate(req, opts.scope);
      log = log.child({ clientId: caller.clientId });
      if (opts.limit) await enforce(opts.limit, caller.clientId);
      return await handler({ req, params: await ctx.params, caller, log });
    } catch (e) {
      if (e instanceof ApiError) return e.toResponse();
      log.error({ err: String(e) }, "public API request failed");
      return internalError().toResponse();
    }
  };
}

/** Counts a call against the client's limit; over it, 429 with Retry-After. */
export async function enforce(limit: Limit, key: string): Promise<void> {
  const r = await hit(limit, key);
  if (r.limited) {
    throw new ApiError(429, "RATE_LIMITED", "Too many requests — slow down and retry after the time given", { "Retry-After": String(r.retryAfterSec) });
  }
}

/** A JSON answer that no cache keeps (orders are personal and change). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

/** The request's JSON body (an empty body reads as {}), or a 400. */
export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (text.length > 64_000) throw new ApiError(400, "VALIDATION", "The request body is too large");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "VALIDATION", "The request body must be JSON");
  }
}
