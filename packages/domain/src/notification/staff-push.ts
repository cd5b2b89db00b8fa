// Who a staff push rings and what it says (X3): a new order and a cancellation ring the shop's
// owner; a cancellation also rings the rider holding the delivery; a request opening (or opening
// again after a new slot) rings the riders who see the open market. Short texts in Korean and
// English — a lock screen shows two lines — and the page a tap opens.
import { formatWon } from "../shared/money";
import type { PushAudience, PushLocale } from "./push-subscription";

export const STAFF_PUSH_KINDS = ["staff.order-placed", "staff.order-cancelled", "staff.delivery-cancelled", "staff.request-opened"] as const;
export type StaffPushKind = (typeof STAFF_PUSH_KINDS)[number];

/** What the device shows: the service worker's Notification (title, body), the page a tap opens, and a tag that replaces an earlier one. */
export type PushPayload = {
  title: string;
  body: string;
  url: string;
  tag: string;
};

/** Whom to ring: some users' devices of one audience, or every device of the audience. */
export type PushTarget = { audience: PushAudience; userIds: string[] } | { audience: PushAudience; everyone: true };

export type StaffPush = {
  kind: StaffPushKind;
  to: PushTarget;
  /** How long the push service keeps it for a device that is offline; a stale alert is worse than none. */
  ttlSec: number;
  payload: (locale: PushLocale) => PushPayload;
};

/** A shop as a notice names it. */
export type ShopFacts = { name: string; nameKo: string; ownerIds: string[] };
/** An open request as a rider's notice describes it (D6 facts). */
export type RequestFacts = {
  deliveryId: string;
  storeId: string;
  riderFeeWon: number;
  distanceKm: number | null;
  deliveryDate: string;
  timeSlot: string;
};

const shopName = (s: ShopFacts, l: PushLocale) => (l === "ko" && s.nameKo ? s.nameKo : s.name);
const shortId = (orderId: string) => orderId.slice(0, 8);

/** "12월 3일 12–15시" / "Dec 3, 12–15h": the slot as the board and the rider's card show it. */
export function slotText(deliveryDate: string, timeSlot: string, l: PushLocale): string {
  const [, m, d] = deliveryDate.split("-").map(Number);
  const [from, to] = timeSlot.split("-");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  if (!m || !d || !from || !to) return `${deliveryDate} ${timeSlot}`;
  return l === "ko" ? `${m}월 ${d}일 ${Number(from)}–${Number(to)}시` : `${months[m - 1]} ${d}, ${from}:00–${to}:00`;
}

const HOUR = 3600;

/** OrderPlaced → the shop's owners: it needs accepting. */
export function newOrderPush(
  order: {
    orderId: string;
    storeId: string;
    itemCount: number;
    totalWon: number;
    deliveryDate: string;
    timeSlot: string;
  },
  shop: ShopFacts,
): StaffPush {
  return {
    kind: "staff.order-placed",
    to: { audience: "OWNER", userIds: shop.ownerIds },
    ttlSec: 6 * HOUR,
    payload: (l) => ({
      title: l === "ko" ? `새 주문 · ${shopName(shop, l)}` : `New order · ${shopName(shop, l)}`,
      body:
        l === "ko"
          ? `꽃다발 ${order.itemCount}개 · ${formatWon(order.totalWon, l)} · ${slotText(order.deliveryDate, order.timeSlot, l)} 배송`
          : `${order.itemCount} ${order.itemCount === 1 ? "bouquet" : "bouquets"} · ${formatWon(order.totalWon, l)} · delivery ${slotText(order.deliveryDate, order.timeSlot, l)}`,
      url: `/board?store=${order.storeId}`,
      // The same tag as the new order's: the cancellation replaces it on the lock screen.
      tag: `order-${order.orderId}`,
    }),
  };
}

/** OrderCancelled → the shop's owners: stop working on it. */
export function orderCancelledPush(order: { orderId: string; storeId: string }, shop: ShopFacts): StaffPush {
  return {
    kind: "staff.order-cancelled",
    to: { audience: "OWNER", userIds: shop.ownerIds },
    ttlSec: 6 * HOUR,
    payload: (l) => ({
      title: l === "ko" ? `주문 취소 · ${shopName(shop, l)}` : `Order cancelled · ${shopName(shop, l)}`,
      body:
        l === "ko"
          ? `주문 ${shortId(order.orderId)}을(를) 고객이 취소했어요. 만들지 않아도 돼요.`
          : `The customer cancelled order ${shortId(order.orderId)}. No need to make it.`,
      url: `/board?store=${order.storeId}`,
      tag: `order-${order.orderId}`,
    }),
  };
}

/**
 * DeliveryCancelled → the rider holding it. A recall (the rider had picked it up) means bringing the
 * bouquet back; a claim withdrawn before the pickup means not going. An open request has no rider:
 * it just leaves the market, which the screen shows.
 */
export function deliveryCancelledPush(d: { deliveryId: string; riderId: string; recall: boolean }, shop: ShopFacts): StaffPush {
  return {
    kind: "staff.delivery-cancelled",
    to: { audience: "RIDER", userIds: [d.riderId] },
    ttlSec: 2 * HOUR,
    payload: (l) => ({
      title: l === "ko" ? `배송 취소 · ${shopName(shop, l)}` : `Delivery cancelled · ${shopName(shop, l)}`,
      body: d.recall
        ? l === "ko"
          ? "고객이 주문을 취소했어요. 꽃다발을 가게로 다시 가져다주세요."
          : "The customer cancelled. Please bring the bouquet back to the shop."
        : l === "ko"
          ? "고객이 주문을 취소했어요. 가게에 가지 않아도 돼요."
          : "The customer cancelled. No need to go to the shop.",
      url: "/deliveries",
      tag: `delivery-${d.deliveryId}`,
    }),
  };
}

/**
 * DeliveryRequested / DeliveryRescheduled → the riders who see it. The open market is one list
 * that every rider sees (riderScreen: every OPEN request, no area filter), so every rider's device
 * rings; a rider area, when riders get one, narrows `to` here and nowhere else.
 */
export function requestOpenedPush(r: RequestFacts, shop: ShopFacts): StaffPush {
  return {
    kind: "staff.request-opened",
    to: ridersWhoSee(r),
    // Someone else claims an open request within minutes: a phone that was off for longer need not ring.
    ttlSec: 15 * 60,
    payload: (l) => {
      const km = r.distanceKm === null ? null : l === "ko" ? `${r.distanceKm}km` : `${r.distanceKm} km`;
      const parts = [formatWon(r.riderFeeWon, l), km, slotText(r.deliveryDate, r.timeSlot, l)].filter(Boolean);
      return {
        title: l === "ko" ? `새 배송 요청 · ${shopName(shop, l)}` : `New delivery request · ${shopName(shop, l)}`,
        body: parts.join(" · "),
        url: "/deliveries",
        tag: `request-${r.deliveryId}`,
      };
    },
  };
}

/** Who sees an open request in the market (today: every rider; see requestOpenedPush). */
export function ridersWhoSee(_request: RequestFacts): PushTarget {
  return { audience: "RIDER", everyone: true };
}
