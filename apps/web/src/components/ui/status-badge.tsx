"use client";
// Badges for every order, store-order, delivery and payment status, with the one vocabulary of
// `status.*` in the messages. `data-status` carries the code for tests and styling hooks.
import type { DeliveryStatus, OrderStatus, StoreOrderStatus } from "@bloom/domain";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import {
  DELIVERY_TONE,
  isMyPageDeliveryStatus,
  isOrderStatus,
  ORDER_TONE,
  PAYMENT_TONE,
  RIDER_DELIVERY_TONE,
  STORE_ORDER_TONE,
  type PaymentStatus,
} from "~/lib/status";
import { Badge } from "./badge";

type Rest = Omit<ComponentProps<typeof Badge>, "tone" | "children">;

export function OrderStatusBadge({ status, ...rest }: { status: OrderStatus | string } & Rest) {
  const t = useTranslations("status.order");
  // The read model stores plain strings; an unknown one is shown as it is rather than crashing.
  if (!isOrderStatus(status)) return <Badge tone="neutral" data-status={status} {...rest}>{status}</Badge>;
  return (
    <Badge tone={ORDER_TONE[status]} dot data-status={status} {...rest}>
      {t(status)}
    </Badge>
  );
}

export function StoreOrderStatusBadge({ status, ...rest }: { status: StoreOrderStatus } & Rest) {
  const t = useTranslations("status.storeOrder");
  return (
    <Badge tone={STORE_ORDER_TONE[status]} dot data-status={status} {...rest}>
      {t(status)}
    </Badge>
  );
}

/** MyPage's delivery status (or "NO_DELIVERY" for a stopped order: see `shownDeliveryStatus`). */
export function DeliveryStatusBadge({ status, ...rest }: { status: string } & Rest) {
  const t = useTranslations("status.delivery");
  if (status === "NO_DELIVERY") {
    return (
      <Badge tone="neutral" dot data-status={status} {...rest}>
        {t("NO_DELIVERY")}
      </Badge>
    );
  }
  if (!isMyPageDeliveryStatus(status)) return <Badge tone="neutral" data-status={status} {...rest}>{status}</Badge>;
  return (
    <Badge tone={DELIVERY_TONE[status]} dot data-status={status} {...rest}>
      {t(status)}
    </Badge>
  );
}

export function RiderDeliveryStatusBadge({ status, ...rest }: { status: DeliveryStatus } & Rest) {
  const t = useTranslations("status.riderDelivery");
  return (
    <Badge tone={RIDER_DELIVERY_TONE[status]} dot data-status={status} {...rest}>
      {t(status)}
    </Badge>
  );
}

export function PaymentStatusBadge({ status, ...rest }: { status: PaymentStatus } & Rest) {
  const t = useTranslations("status.payment");
  return (
    <Badge tone={PAYMENT_TONE[status]} dot data-status={status} {...rest}>
      {t(status)}
    </Badge>
  );
}
