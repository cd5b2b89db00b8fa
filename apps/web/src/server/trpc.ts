// tRPC setup: the context carries the session; procedure builders enforce the role (C5); domain
// refusal codes map to tRPC errors in one place.
import type { DomainErrorCode, Refusal, Role } from "@bloom/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { getSession } from "./auth";
import { services } from "./services";

export async function createContext() {
  const session = await getSession();
  return { session, ...services() };
}
export type Context = Awaited<ReturnType<typeof createContext>>;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
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
export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
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
