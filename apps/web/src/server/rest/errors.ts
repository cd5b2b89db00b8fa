// The REST adapter's errors: domain refusal codes map to HTTP statuses here and only here. Every
// error answers { error: { code, message, field? } } — words for people, never a stack trace.
import { DOMAIN_ERROR_CODES, type DomainErrorCode, type Refusal } from "@bloom/domain";
import { z, type ZodError } from "zod";

export const HTTP_STATUS: Record<DomainErrorCode, number> = {
  VALIDATION: 400,
  MIXED_STORES: 400,
  PAYMENT_DECLINED: 402,
  INSUFFICIENT_FUNDS: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  STORE_CLOSED: 409,
  BOUQUET_UNAVAILABLE: 409,
  OUT_OF_STOCK: 409,
  INVALID_TRANSITION: 409,
  CANNOT_CANCEL: 409,
  ALREADY_TAKEN: 409,
  EMAIL_TAKEN: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  PAYMENT_IN_PROGRESS: 409,
  ORDER_CANCELLED: 409,
  OUTSIDE_DELIVERY_ZONE: 422,
  BELOW_MINIMUM_ORDER: 422,
  SLOT_CLOSED: 409,
  SLOT_TOO_SOON: 409,
  SLOT_FULL: 409,
  PHOTO_REQUIRED: 400,
  // W1: photo approval. Not the sender: as an order that does not exist (S6).
  ARRANGEMENT_PHOTO_REQUIRED: 400,
  NOT_THE_SENDER: 404,
  APPROVAL_WINDOW_CLOSED: 409,
  CHANGE_ALREADY_REQUESTED: 409,
  NO_ARRANGEMENT_PHOTO: 409,
  ADDON_UNAVAILABLE: 409,
  PAYMENT_FAILED: 502,
  PAYMENT_BUSY: 503,
};

/** Codes of the API itself, beside the domain's: authentication, scope, rate limit, our fault. */
export const API_ERROR_CODES = [...DOMAIN_ERROR_CODES, "UNAUTHORIZED", "INSUFFICIENT_SCOPE", "RATE_LIMITED", "INTERNAL"] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    /** The request field at fault (dotted path, or a header name), for VALIDATION. */
    field: z.string().optional(),
  }),
});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toResponse(): Response {
    const body: z.infer<typeof apiErrorSchema> = { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
    return Response.json(body, { status: this.status, headers: { "Cache-Control": "no-store", ...this.headers } });
  }
}

/** A use case's refusal as an HTTP error (PAYMENT_BUSY carries Retry-After). */
export function refusalError(r: Refusal & { retryAfterSec?: number }): ApiError {
  const headers: Record<string, string> = r.code === "PAYMENT_BUSY" || r.code === "PAYMENT_IN_PROGRESS" ? { "Retry-After": String(Math.max(1, Math.ceil(r.retryAfterSec ?? 5))) } : {};
  // Use cases word validation refusals as "path: message".
  const m = r.code === "VALIDATION" ? /^([\w.]+): (.+)$/.exec(r.message) : null;
  return m ? new ApiError(400, r.code, m[2]!, headers, m[1]) : new ApiError(HTTP_STATUS[r.code], r.code, r.message, headers);
}

export function validationError(e: ZodError, prefix?: string): ApiError {
  const issue = e.issues[0];
  const path = issue?.path.map(String).join(".") ?? "";
  const field = [prefix, path].filter(Boolean).join(".") || undefined;
  return new ApiError(400, "VALIDATION", issue?.message ?? "Invalid request", {}, field);
}

export const internalError = () => new ApiError(500, "INTERNAL", "Something went wrong on our side. Please try again.");
