// The Order aggregate's life: placed → accepted → decorated → delivering → delivered, or
// rejected / cancelled. The ordering context follows the other contexts' events.
import { refuse, type Result } from "../shared/errors";
import type { EventType } from "../events/catalog";

export const ORDER_STATUSES = [
  "PLACED",
  "ACCEPTED",
  "DECORATED",
  "DELIVERING",
  "DELIVERED",
  "REJECTED",
  "CANCELLED",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Not finished yet: MyPage's "active" filter. The rest (delivered, rejected, cancelled) is final. */
export const ACTIVE_STATUSES: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "DECORATED", "DELIVERING"];
/** F11, D3: the statuses a customer may cancel from: until the rider picks the bouquet up. */
export const CANCELLABLE_STATUSES: readonly OrderStatus[] = ["PLACED", "ACCEPTED", "DECORATED"];

/**
 * Which status each event moves an order to, and from which statuses it may. A rider's claim and
 * arrival at the shop are not here: the bouquet is still at the shop, so the order stays
 * DECORATED and cancellable until the pickup, DeliveryStarted (D3).
 */
const FOLLOWS: Partial<Record<EventType, { to: OrderStatus; from: OrderStatus[] }>> = {
  StoreOrderAccepted: { to: "ACCEPTED", from: ["PLACED"] },
  DecorationCompleted: { to: "DECORATED", from: ["PLACED", "ACCEPTED"] },
  StoreOrderRejected: { to: "REJECTED", from: ["PLACED", "ACCEPTED"] },
  DeliveryStarted: { to: "DELIVERING", from: ["PLACED", "ACCEPTED", "DECORATED"] },
  DeliveryCompleted: { to: "DELIVERED", from: ["PLACED", "ACCEPTED", "DECORATED", "DELIVERING"] },
  DeliveryLeftWithNeighbour: { to: "DELIVERED", from: ["PLACED", "ACCEPTED", "DECORATED", "DELIVERING"] },
  // D4: a new slot after a failed attempt: the bouquet is at the shop again, so the customer may
  // cancel until the next pickup. The shop's refund ends the order.
  DeliveryRescheduled: { to: "DECORATED", from: ["DELIVERING"] },
  // The shop's refund ends the order wherever it is (MyPage's fold always read it so).
  DeliveryAbandoned: { to: "CANCELLED", from: ["PLACED", "ACCEPTED", "DECORATED", "DELIVERING"] },
};

/**
 * The order's next status after another context's event, or null when the event does not
 * move it (already there or beyond, cancelled, or not an event the order follows).
 */
export function followEvent(current: OrderStatus, type: EventType): OrderStatus | null {
  const rule = FOLLOWS[type];
  if (!rule || !rule.from.includes(current)) return null;
  return rule.to;
}

/**
 * The order's status machine, for every event that moves it: its own OrderCancelled, and the other
 * contexts' events (followEvent). Null when the event does not move it. OrderCancelled is only ever
 * committed while the order row was cancellable, so it also wins over a pickup that another
 * process stamped a moment earlier (MyPage folds events by time).
 */
export function orderStatusAfter(current: OrderStatus, type: EventType): OrderStatus | null {
  if (type === "OrderCancelled") return ACTIVE_STATUSES.includes(current) ? "CANCELLED" : null;
  return followEvent(current, type);
}

/** F11, D3: a customer can cancel until the bouquet is picked up. Cancelling twice is harmless. */
export function decideCancel(current: OrderStatus): Result<{ alreadyCancelled: boolean }> {
  if (current === "CANCELLED") return { ok: true, alreadyCancelled: true };
  if (CANCELLABLE_STATUSES.includes(current)) return { ok: true, alreadyCancelled: false };
  if (current === "DELIVERING" || current === "DELIVERED") {
    return refuse("CANNOT_CANCEL", "The rider has already picked up the bouquet, so this order can no longer be cancelled");
  }
  if (current === "REJECTED") {
    return refuse("CANNOT_CANCEL", "The store rejected this order; its payment is refunded");
  }
  return refuse("CANNOT_CANCEL", "This order can no longer be cancelled");
}
