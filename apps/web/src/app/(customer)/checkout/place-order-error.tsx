// Why an order was not placed, in the customer's words, with the next step for each reason.
import Link from "next/link";
import { Alert } from "~/components/alert";
import type { ClientError } from "~/lib/trpc-error";

/** Server messages may or may not end with a full stop; ours follow them with another sentence. */
const sentence = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

export function PlaceOrderError({ error, storeId }: { error: ClientError; storeId: string }) {
  switch (error.domainCode) {
    case "PAYMENT_BUSY":
      return (
        <Alert title="Payment is busy — please try again in a moment">
          <p>
            {error.retryAfterSec ? `Please try again in about ${error.retryAfterSec} ${error.retryAfterSec === 1 ? "second" : "seconds"}. ` : ""}
            You were not charged.
          </p>
        </Alert>
      );
    case "PAYMENT_DECLINED":
    case "INSUFFICIENT_FUNDS":
      return (
        <Alert title="Your card was not charged">
          <p>{sentence(error.message)} Please try another card.</p>
        </Alert>
      );
    case "PAYMENT_FAILED":
      return (
        <Alert title="Payment failed">
          <p>{error.message}</p>
        </Alert>
      );
    case "OUT_OF_STOCK":
    case "BOUQUET_UNAVAILABLE":
    case "MIXED_STORES":
    case "STORE_CLOSED":
      return (
        <Alert title="Your cart needs a change">
          <p>
            {sentence(error.message)} You were not charged. <Link href={`/stores/${storeId}`}>Edit your cart</Link>
          </p>
        </Alert>
      );
    default:
      if (error.httpStatus === 401) {
        return (
          <Alert title="Please sign in again">
            <p>
              Your session has ended. <Link href="/signin?callbackUrl=/checkout">Sign in</Link> and try again — your cart is kept.
            </p>
          </Alert>
        );
      }
      return (
        <Alert title="We could not place your order">
          <p>{error.message}</p>
        </Alert>
      );
  }
}
