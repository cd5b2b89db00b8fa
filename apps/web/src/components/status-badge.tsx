// An order's status as a coloured badge with the customer's words for it.
import type { OrderStatus } from "@bloom/domain";
import type { HTMLAttributes } from "react";
import { ORDER_STATUS_LABEL } from "~/lib/order-status";

export function StatusBadge({ status, className, ...rest }: { status: OrderStatus } & HTMLAttributes<HTMLSpanElement>) {
  return (
    <span className={["badge", `badge--${status.toLowerCase()}`, className].filter(Boolean).join(" ")} data-status={status} {...rest}>
      {ORDER_STATUS_LABEL[status]}
    </span>
  );
}
