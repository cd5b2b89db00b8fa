// Every /api/v1 route handler is built here: authenticate (and check the scope), rate-limit per
// client where asked, run the handler, and turn any failure into the JSON error shape — an
// unexpected one is logged with the request id and answered 500 without details.
import type { ApiScope } from "@bloom/domain";
import { declaresMoreThan, readBodyWithin } from "../body-limit";
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
    // No Origin check here, unlike tRPC (S3): the API takes only a bearer token that the caller
    // puts in the Authorization header itself; a browser never adds it to a cross-site request
    // the way it adds a cookie, so another site cannot act with a partner's rights.
    try {
      // An announced oversized body is refused before the token is even checked; readJson counts the rest.
      if ((req.method === "POST" || req.method === "PUT") && declaresMoreThan(req, API_MAX_BODY_BYTES)) throw bodyTooLarge();
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

/** Bytes of a POST or PUT body (S3); an order with its gift card text is a few KB. */
export const API_MAX_BODY_BYTES = 64 * 1024;

const bodyTooLarge = () => new ApiError(413, "VALIDATION", `The request body is larger than ${API_MAX_BODY_BYTES / 1024} KB`);

/** The request's JSON body (an empty body reads as {}), a 413 past API_MAX_BODY_BYTES (read no further), or a 400. */
export async function readJson(req: Request): Promise<unknown> {
  const bytes = await readBodyWithin(req, API_MAX_BODY_BYTES);
  if (bytes === null) throw bodyTooLarge();
  const text = new TextDecoder().decode(bytes);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "VALIDATION", "The request body must be JSON");
  }
}
