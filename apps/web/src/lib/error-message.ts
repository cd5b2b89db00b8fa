"use client";
// Server refusals in the viewer's language: every domain code (error.data.domainCode) and the
// transport failures without one map to a message under `errors.*`.
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from "@bloom/domain";
import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { readError, type ClientError } from "./trpc-error";

const isClientError = (e: unknown): e is ClientError => typeof e === "object" && e !== null && "answered" in e && "httpStatus" in e;
const isDomainCode = (c: unknown): c is DomainErrorCode => (DOMAIN_ERROR_CODES as readonly unknown[]).includes(c);

export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors");
  return useCallback(
    (error: unknown) => {
      const e = isClientError(error) ? error : readError(error);
      if (e.domainCode && isDomainCode(e.domainCode)) return t(`domain.${e.domainCode}`);
      switch (e.httpStatus) {
        case null:
          return t("offline");
        case 400:
          return t("invalid");
        case 401:
          return t("signedOut");
        case 403:
          return t("forbidden");
        case 404:
          return t("notFound");
        case 409:
          return t("conflict");
        case 429:
          return e.retryAfterSec ? t("tooManyRetry", { seconds: e.retryAfterSec }) : t("tooMany");
        default:
          return t("server");
      }
    },
    [t],
  );
}
