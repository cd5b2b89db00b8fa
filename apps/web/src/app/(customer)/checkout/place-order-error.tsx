"use client";
// Why an order was not placed, in the customer's words, with the next step for each reason.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "~/components/ui/alert";
import { useErrorMessage } from "~/lib/error-message";
import type { ClientError } from "~/lib/trpc-error";

export function PlaceOrderError({ error, storeId }: { error: ClientError; storeId: string }) {
  const t = useTranslations("checkout.error");
  const message = useErrorMessage();
  switch (error.domainCode) {
    case "PAYMENT_IN_PROGRESS":
      return (
        <Alert title={t("busyTitle")}>
          <p>{message(error)}</p>
        </Alert>
      );
    case "PAYMENT_BUSY":
      return (
        <Alert title={t("busyTitle")}>
          <p>{error.retryAfterSec ? t("busyRetry", { seconds: error.retryAfterSec }) : t("busyBody")}</p>
        </Alert>
      );
    case "PAYMENT_DECLINED":
    case "INSUFFICIENT_FUNDS":
      return (
        <Alert title={t("notChargedTitle")}>
          <p>
            {message(error)} {t("tryAnotherCard")}
          </p>
        </Alert>
      );
    case "PAYMENT_FAILED":
      return (
        <Alert title={t("failedTitle")}>
          <p>{message(error)}</p>
        </Alert>
      );
    case "OUT_OF_STOCK":
    case "BOUQUET_UNAVAILABLE":
    case "ADDON_UNAVAILABLE":
    case "MIXED_STORES":
    case "STORE_CLOSED":
      return (
        <Alert title={t("cartTitle")}>
          <p>
            {message(error)} {t("notCharged")} <Link href={`/stores/${storeId}`}>{t("editCart")}</Link>
          </p>
        </Alert>
      );
    default:
      if (error.httpStatus === 401) {
        return (
          <Alert title={t("signInTitle")}>
            <p>{t.rich("signInBody", { link: (chunks) => <Link href="/signin?callbackUrl=/checkout">{chunks}</Link> })}</p>
          </Alert>
        );
      }
      return (
        <Alert title={t("genericTitle")}>
          <p>{message(error)}</p>
        </Alert>
      );
  }
}
