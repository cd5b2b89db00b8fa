"use client";
// The checkout's delivery price (D1), asked of the server as the customer types the address: the
// same zones and the same rule as placeOrder, so the line shown is the fee charged.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useFormat } from "~/lib/format";
import { useDebouncedValue } from "~/lib/use-debounced-value";
import { useTRPC } from "~/trpc/react";

export type DeliveryQuoteState = {
  /** The fee for this address, or null while no address has been priced. */
  feeWon: number | null;
  /** Why this address cannot be delivered to, in the customer's words; shown by the address field. */
  refusal: string | null;
  pending: boolean;
};

const MIN_ADDRESS = 2;

export function useDeliveryQuote(storeId: string, address: string, subtotalWon: number): DeliveryQuoteState {
  const t = useTranslations("checkout.deliveryZone");
  const f = useFormat();
  const trpc = useTRPC();
  const typed = useDebouncedValue(address.trim(), 300);
  const enabled = typed.length >= MIN_ADDRESS;
  const quote = useQuery({
    ...trpc.catalog.deliveryQuote.queryOptions({ storeId, address: typed.slice(0, 200), subtotalWon }),
    enabled,
    placeholderData: keepPreviousData,
  });
  if (!enabled || !quote.data) return { feeWon: null, refusal: null, pending: enabled && quote.isFetching };
  const q = quote.data;
  if (q.ok) return { feeWon: q.feeWon, refusal: null, pending: quote.isFetching };
  const refusal =
    q.code === "BELOW_MINIMUM_ORDER" && q.minimumOrderWon !== undefined
      ? t("belowMinimum", { minimum: f.won(q.minimumOrderWon), missing: f.won(Math.max(0, q.minimumOrderWon - subtotalWon)) })
      : q.code === "OUTSIDE_DELIVERY_ZONE"
        ? t("outside")
        : t("unavailable");
  return { feeWon: null, refusal, pending: quote.isFetching };
}
