// Reads the shape our tRPC error formatter gives (server/trpc.ts) into codes; the words come
// from the messages (lib/error-message), never from the server's English text.
import type { DomainErrorCode } from "@bloom/domain";
import { TRPCClientError } from "@trpc/client";

export type ClientError = {
  domainCode: DomainErrorCode | null;
  retryAfterSec: number | null;
  httpStatus: number | null;
  /** Fields the server's input validation refused (zod), by top-level name. */
  fieldErrors: Record<string, string[] | undefined> | null;
  /** True when the server answered with a refusal: we know nothing was done. */
  answered: boolean;
};

type ErrorData = {
  domainCode?: DomainErrorCode | null;
  retryAfterSec?: number | null;
  httpStatus?: number;
  fieldErrors?: Record<string, string[] | undefined> | null;
};

const UNANSWERED: ClientError = { domainCode: null, retryAfterSec: null, httpStatus: null, fieldErrors: null, answered: false };

export function readError(error: unknown): ClientError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? null) as ErrorData | null;
    // No tRPC shape: the request never got an answer (offline, proxy error, aborted).
    if (!data) return UNANSWERED;
    const httpStatus = data.httpStatus ?? null;
    return {
      domainCode: data.domainCode ?? null,
      retryAfterSec: data.retryAfterSec ?? null,
      httpStatus,
      fieldErrors: data.fieldErrors ?? null,
      // A refusal or a 4xx is a definite "no"; a 5xx without a code leaves the outcome unknown.
      answered: data.domainCode != null || (httpStatus !== null && httpStatus < 500),
    };
  }
  return UNANSWERED;
}

export function isNotFound(error: unknown): boolean {
  const e = readError(error);
  return e.httpStatus === 404 || e.httpStatus === 400 || e.domainCode === "NOT_FOUND";
}
