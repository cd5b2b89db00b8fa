// tRPC setup: the context carries the session; procedure builders enforce the role (C5); domain
// refusal codes map to tRPC errors in one place.
import type { DomainErrorCode, Refusal, Role } from "@bloom/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { headers } from "next/headers";
import type { Session } from "next-auth";
import { getSession } from "./auth";
import { trpcTransformer } from "./fast-superjson";
import { observeProcedure } from "./metrics";
import { clientIp, hit, LIMITS, type Limit } from "./rate-limit";
import { services } from "./services";
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from "~/i18n/config";

export type Context = ReturnType<typeof services> & { session: Session | null; requestId?: string; clientIp?: string; locale?: Locale };

/** Per request: the session, and a logger whose every line carries the request id (C9). */
export async function createContext(opts?: { req: Request }): Promise<Context> {
  const session = await getSession();
  // Server components call without a request: their headers come from Next's request scope.
  const h = opts?.req.headers ?? (await headers());
  const requestId = h.get("x-request-id") ?? globalThis.crypto.randomUUID();
  const svc = services();
  return { ...svc, session, requestId, clientIp: clientIp(h), locale: uiLocale(h), log: svc.log.child({ requestId }) };
}

/** The UI's language of this request, as next-intl picks it (cookie, then Accept-Language): X1's emails follow it. */
function uiLocale(h: Headers): Locale | undefined {
  const cookie = h
    .get("cookie")
    ?.split(";")
    .map((c) => c.trim().split("="))
    .find(([k]) => k === LOCALE_COOKIE)?.[1];
  return isLocale(cookie) ? cookie : (localeFromAcceptLanguage(h.get("accept-language")) ?? undefined);
}

const t = initTRPC.context<Context>().create({
  // superjson's wire format; answers are written by a plain walk (see fast-superjson.ts).
  transformer: trpcTransformer,
  // SSE keep-alive: proxies keep the stream open, and a silent stream is noticed and reopened.
  sse: { ping: { enabled: true, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 30_000 } },
  errorFormatter({ shape, error }) {
    const cause = error.cause as (Error & { domainCode?: DomainErrorCode; retryAfterSec?: number }) | undefined;
    return {
      ...shape,
      message: error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong on our side. Please try again." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        domainCode: cause?.domainCode ?? null,
        retryAfterSec: cause?.retryAfterSec ?? null,
        fieldErrors: error.cause instanceof ZodError ? error.cause.flatten().fieldErrors : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every call is counted and timed by procedure (C9). */
const observed = t.middleware(async ({ path, type, next }) => {
  const t0 = performance.now();
  const result = await next();
  observeProcedure(path, type, (performance.now() - t0) / 1000, result.ok ? { ok: true } : { ok: false, code: result.error.code });
  return result;
});

/** Refuses with TOO_MANY_REQUESTS (HTTP 429; the route adds Retry-After from retryAfterSec). */
export function tooManyRequests(retryAfterSec: number): TRPCError {
  const message = "Too many requests — please wait a moment and try again";
  return new TRPCError({ code: "TOO_MANY_REQUESTS", message, cause: Object.assign(new Error(message), { retryAfterSec }) });
}

// A public mutation (today account.signUp, a password hash each) has no session to count on, so
// every one spends the caller's address budget (S1), one call at a time, batched or not. Counted
// before the input is parsed: a refused body costs the server work too. An in-process caller
// (tests, scripts) has no address and no network to be limited on.
const publicMutationLimit = t.middleware(async ({ ctx, type, next }) => {
  if (type !== "mutation" || ctx.clientIp === undefined) return next();
  const r = await hit(LIMITS.publicMutation, ctx.clientIp);
  if (r.limited) throw tooManyRequests(r.retryAfterSec);
  return next();
});

const observedProcedure = t.procedure.use(observed);

export const publicProcedure = observedProcedure.use(publicMutationLimit);

export const authedProcedure = observedProcedure.use(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
  return next({ ctx: { ...ctx, user: ctx.session.user } });
});

const withRole = (...roles: Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Your account cannot do this" });
    }
    return next();
  });

export const customerProcedure = withRole("CUSTOMER");

/** Refuses with TOO_MANY_REQUESTS (HTTP 429 + Retry-After) past `limit` calls a minute per user. */
export const rateLimitedPerUser = (limit: Limit) =>
  t.middleware(async ({ ctx, next }) => {
    const r = await hit(limit, ctx.session?.user?.id ?? `ip:${ctx.clientIp ?? "unknown"}`);
    if (r.limited) throw tooManyRequests(r.retryAfterSec);
    return next();
  });
export const ownerProcedure = withRole("OWNER", "ADMIN");
export const riderProcedure = withRole("RIDER");
export const adminProcedure = withRole("ADMIN");

const TRPC_CODE: Record<DomainErrorCode, TRPCError["code"]> = {
  VALIDATION: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  STORE_CLOSED: "CONFLICT",
  BOUQUET_UNAVAILABLE: "CONFLICT",
  OUT_OF_STOCK: "CONFLICT",
  MIXED_STORES: "BAD_REQUEST",
  PAYMENT_DECLINED: "PAYMENT_REQUIRED",
  INSUFFICIENT_FUNDS: "PAYMENT_REQUIRED",
  PAYMENT_FAILED: "BAD_GATEWAY",
  PAYMENT_BUSY: "SERVICE_UNAVAILABLE",
  INVALID_TRANSITION: "CONFLICT",
  CANNOT_CANCEL: "CONFLICT",
  ALREADY_TAKEN: "CONFLICT",
  EMAIL_TAKEN: "CONFLICT",
  IDEMPOTENCY_KEY_REUSED: "UNPROCESSABLE_CONTENT",
  PAYMENT_IN_PROGRESS: "CONFLICT",
  ORDER_CANCELLED: "CONFLICT",
  OUTSIDE_DELIVERY_ZONE: "UNPROCESSABLE_CONTENT",
  BELOW_MINIMUM_ORDER: "UNPROCESSABLE_CONTENT",
  SLOT_CLOSED: "CONFLICT",
  SLOT_TOO_SOON: "CONFLICT",
  SLOT_FULL: "CONFLICT",
  PHOTO_REQUIRED: "BAD_REQUEST",
  // W1: photo approval. Not the sender: as an order that does not exist (S6).
  ARRANGEMENT_PHOTO_REQUIRED: "BAD_REQUEST",
  NOT_THE_SENDER: "NOT_FOUND",
  APPROVAL_WINDOW_CLOSED: "CONFLICT",
  CHANGE_ALREADY_REQUESTED: "CONFLICT",
  NO_ARRANGEMENT_PHOTO: "CONFLICT",
  ADDON_UNAVAILABLE: "CONFLICT",
};

/** Turns a domain refusal into the tRPC error the client sees (code + words + domain code). */
export function refusalError(r: Refusal & { retryAfterSec?: number }): TRPCError {
  const cause = Object.assign(new Error(r.message), { domainCode: r.code, retryAfterSec: r.retryAfterSec });
  return new TRPCError({ code: TRPC_CODE[r.code], message: r.message, cause });
}

/** Unwraps a use-case result or throws its refusal. */
export function orThrow<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw refusalError(r as unknown as Refusal);
  return r as Extract<T, { ok: true }>;
}
