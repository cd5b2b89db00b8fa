// Reads the shape our tRPC error formatter gives (server/trpc.ts) into plain words and codes.
import type { DomainErrorCode } from "@bloom/domain";
import { TRPCClientError } from "@trpc/client";

export type ClientError = {
  message: string;
  domainCode: DomainErrorCode | null;
  retryAfterSec: number | null;
  httpStatus: number | null;
  /** True when the server answered with a refusal: we know nothing was done. */
  answered: boolean;
};

type ErrorData = {
  domainCode?: DomainErrorCode | null;
  retryAfterSec?: number | null;
  httpStatus?: number;
};

const OFFLINE = "We could not reach Bloom. Check your connection and try again.";

export function readError(error: unknown): ClientError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? null) as ErrorData | null;
    if (!data) {
      // No tRPC shape: the request never got an answer (offline, proxy error, aborted).
      return { message: OFFLINE, domainCode: null, retryAfterSec: null, httpStatus: null, answered: false };
    }
    const httpStatus = data.httpStatus ?? null;
    return {
      message: error.message,
      domainCode: data.domainCode ?? null,
      retryAfterSec: data.retryAfterSec ?? null,
      httpStatus,
      // A refusal or a 4xx is a definite "no"; a 5xx without a code leaves the outcome unknown.
      answered: data.domainCode != null || (httpStatus !== null && httpStatus < 500),
    };
  }
  return { message: OFFLINE, domainCode: null, retryAfterSec: null, httpStatus: null, answered: false };
}

export function isNotFound(error: unknown): boolean {
  const e = readError(error);
  return e.httpStatus === 404 || e.httpStatus === 400 || e.domainCode === "NOT_FOUND";
}
