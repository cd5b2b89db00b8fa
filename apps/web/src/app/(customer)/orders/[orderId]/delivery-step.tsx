"use client";
// Where the bouquet is between "arranged" and "delivered" (D3): a rider assigned and on the way to
// the shop, the rider at the shop, then on the road. The order's own status stays "arranged" until
// the pickup, so these steps come from MyPage's read model (N4).
import { useQuery } from "@tanstack/react-query";
import { Bike } from "lucide-react";
import { useTranslations } from "next-intl";
import { riderLineKey } from "~/components/mypage-order-row";
import { DeliveryStatusBadge } from "~/components/ui/status-badge";
import { useTRPC } from "~/trpc/react";

const POLL_MS = 3000;

export function OrderDeliveryStep({ orderId, poll }: { orderId: string; poll: boolean }) {
  const t = useTranslations("mypage.row");
  const trpc = useTRPC();
  const step = useQuery(trpc.mypage.deliveryStep.queryOptions({ orderId }, { refetchInterval: poll ? POLL_MS : false }));
  const s = step.data;
  const line = s ? riderLineKey(s.deliveryStatus) : null;
  if (!s?.riderName || !line) return null;
  return (
    <p data-testid="order-delivery-step" className="mt-4 mb-0 flex flex-wrap items-center gap-2 rounded-xl bg-surface-2 px-3 py-2 text-sm">
      <Bike aria-hidden="true" className="size-4 shrink-0 text-brand-600" />
      <span className="font-semibold">{t("delivery")}:</span>
      <DeliveryStatusBadge status={s.deliveryStatus} size="sm" />
      <span>{t(line, { name: s.riderName })}</span>
    </p>
  );
}
