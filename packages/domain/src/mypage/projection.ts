// MyPage's read model (N4, F14, B2). The view is a pure fold over the order's events sorted by
// time, so duplicates and out-of-order delivery give the same result as the live order.
import type { DomainEvent, EventType } from "../events/catalog";
import { orderStatusAfter, type OrderStatus } from "../ordering/order";

/** ASSIGNED: a rider claimed it; AT_SHOP: the rider is at the shop. Both before the pickup (D3). */
/** ATTEMPTED (D4): nobody took it; the bouquet is going back to, or is at, the shop until a new slot or a refund. */
export type MyPageDeliveryStatus = "NONE" | "REQUESTED" | "ASSIGNED" | "AT_SHOP" | "DELIVERING" | "ATTEMPTED" | "DELIVERED" | "CANCELLED";
export type MyPagePaymentStatus = "PAID" | "REFUNDED";

/**
 * `detail` (D4): who took the bouquet, why an attempt failed, the new slot and fee. `proof` (D5):
 * whether a photo was taken at the door (served only to those concerned) and the rider's note.
 */
export type TimelineEntry = {
  eventId: string;
  type: EventType;
  at: string;
  label: string;
  detail?: string;
  proof?: { photo: boolean; note: string | null };
};

export type MyPageView = {
  orderId: string;
  customerId: string | null;
  storeName: string;
  itemsSummary: string;
  totalWon: number;
  /** D1: the delivery fee inside totalWon. */
  deliveryFeeWon: number;
  orderStatus: OrderStatus;
  deliveryStatus: MyPageDeliveryStatus;
  paymentStatus: MyPagePaymentStatus;
  riderName: string | null;
  deliveryDate: string;
  timeSlot: string;
  placedAt: string | null;
  updatedAt: string;
  timeline: TimelineEntry[];
  /** W5: the Korean shop name and items; "" when OrderPlaced predates them (show the English). */
  storeNameKo: string;
  itemsSummaryKo: string;
};

const LABEL: Record<EventType, string> = {
  OrderPlaced: "Order placed and paid",
  OrderCancelled: "Order cancelled",
  StoreOrderAccepted: "Store accepted the order",
  DecorationCompleted: "Bouquet arranged",
  StoreOrderRejected: "Store rejected the order",
  PaymentRefunded: "Payment refunded",
  DeliveryRequested: "Waiting for a rider",
  DeliveryClaimed: "Rider assigned",
  RiderArrivedAtShop: "Rider at the shop",
  DeliveryStarted: "Picked up — out for delivery",
  DeliveryCompleted: "Delivered",
  DeliveryCancelled: "Delivery cancelled",
  DeliveryReturned: "Bouquet returned to the shop",
  DeliveryLeftWithNeighbour: "Delivered — left with a neighbour",
  DeliveryAttempted: "Delivery attempted — nobody took it",
  DeliveryBackAtShop: "Bouquet back at the shop",
  DeliveryRescheduled: "Redelivery booked",
  DeliveryAbandoned: "Not delivered — the shop refunds the order",
  ArrangementPhotoSubmitted: "Photo of the bouquet to approve",
  ArrangementChangeRequested: "Change asked for",
  ArrangementApproved: "Bouquet approved",
};

// Ties in time (same millisecond) fall back to the flow's natural order.
const RANK: Record<EventType, number> = {
  OrderPlaced: 0,
  StoreOrderAccepted: 1,
  StoreOrderRejected: 2,
  DecorationCompleted: 3,
  DeliveryRequested: 4,
  DeliveryClaimed: 5,
  RiderArrivedAtShop: 6,
  DeliveryStarted: 7,
  DeliveryCompleted: 8,
  OrderCancelled: 9,
  DeliveryCancelled: 10,
  DeliveryReturned: 11,
  PaymentRefunded: 12,
  DeliveryLeftWithNeighbour: 8,
  DeliveryAttempted: 8,
  DeliveryBackAtShop: 8,
  DeliveryRescheduled: 8,
  DeliveryAbandoned: 9,
  // W1: between the acceptance and the dispatch (DecorationCompleted follows the approval).
  ArrangementPhotoSubmitted: 2,
  ArrangementChangeRequested: 2,
  ArrangementApproved: 2,
};

/** What a timeline entry adds to its label (D4, D5). */
function extrasOf(e: DomainEvent): Pick<TimelineEntry, "detail" | "proof"> {
  switch (e.type) {
    case "DeliveryCompleted":
      return e.payload.proof ? { proof: e.payload.proof } : {};
    case "DeliveryLeftWithNeighbour":
      return { detail: e.payload.name, proof: e.payload.proof };
    case "DeliveryAttempted":
      return { detail: e.payload.note ? `${e.payload.reason}: ${e.payload.note}` : e.payload.reason };
    case "DeliveryRescheduled":
      return { detail: `${e.payload.deliveryDate} ${e.payload.timeSlot}` };
    case "DeliveryAbandoned":
      return e.payload.reason ? { detail: e.payload.reason } : {};
    // W1: the substitutions shown to the sender, the sender's note, and who approved.
    case "ArrangementPhotoSubmitted":
      return e.payload.substitutions ? { detail: e.payload.substitutions } : {};
    case "ArrangementChangeRequested":
      return { detail: e.payload.note };
    case "ArrangementApproved":
      return { detail: e.payload.by };
    default:
      return {};
  }
}

export function sortEvents<E extends { occurredAt: string; type: EventType; eventId: string }>(events: E[]): E[] {
  const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
  return unique.sort(
    (a, b) =>
      a.occurredAt.localeCompare(b.occurredAt) || RANK[a.type] - RANK[b.type] || a.eventId.localeCompare(b.eventId),
  );
}

function summarize(lines: { name: string; quantity: number; tier?: string }[], addons: { name: string; quantity: number }[] = []): string {
  // W4: a size other than standard is named with the line; add-ons follow with a "+".
  const size = (tier: string | undefined) => (tier === "DELUXE" ? " (Deluxe)" : tier === "PREMIUM" ? " (Premium)" : "");
  const items = lines.map((l) => `${l.name}${size(l.tier)}${l.quantity > 1 ? ` ×${l.quantity}` : ""}`);
  const extras = addons.map((a) => `+ ${a.name}${a.quantity > 1 ? ` ×${a.quantity}` : ""}`);
  return [...items, ...extras].join(", ");
}

/** W5: the items in Korean, or "" when the event named none in Korean (written before W5). */
function summarizeKo(lines: { name: string; quantity: number; nameKo?: string }[]): string {
  if (!lines.some((l) => l.nameKo)) return "";
  return summarize(lines.map((l) => ({ name: l.nameKo || l.name, quantity: l.quantity })));
}

/** Builds one order's MyPage view from its events (any order, duplicates allowed). */
export function projectMyPage(orderId: string, events: DomainEvent[]): MyPageView {
  const view: MyPageView = {
    orderId,
    customerId: null,
    storeName: "",
    itemsSummary: "",
    totalWon: 0,
    deliveryFeeWon: 0,
    orderStatus: "PLACED",
    deliveryStatus: "NONE",
    paymentStatus: "PAID",
    riderName: null,
    deliveryDate: "",
    timeSlot: "",
    placedAt: null,
    updatedAt: new Date(0).toISOString(),
    timeline: [],
    storeNameKo: "",
    itemsSummaryKo: "",
  };
  for (const e of sortEvents(events.filter((x) => x.orderId === orderId))) {
    view.timeline.push({ eventId: e.eventId, type: e.type, at: e.occurredAt, label: LABEL[e.type], ...extrasOf(e) });
    view.updatedAt = e.occurredAt;
    // The order's status follows the domain's one status machine (ordering/order.ts).
    view.orderStatus = orderStatusAfter(view.orderStatus, e.type) ?? view.orderStatus;
    switch (e.type) {
      case "OrderPlaced": {
        const p = e.payload;
        Object.assign(view, {
          customerId: p.customerId,
          storeName: p.storeName,
          itemsSummary: summarize(p.lines, p.addons),
          totalWon: p.totalWon,
          deliveryFeeWon: p.deliveryFeeWon ?? 0,
          deliveryDate: p.deliveryDate,
          timeSlot: p.timeSlot,
          placedAt: e.occurredAt,
          storeNameKo: p.storeNameKo ?? "",
          itemsSummaryKo: summarizeKo(p.lines),
        });
        break;
      }
      case "PaymentRefunded":
        view.paymentStatus = "REFUNDED";
        break;
      case "DeliveryRequested":
        if (view.deliveryStatus === "NONE") view.deliveryStatus = "REQUESTED";
        break;
      // A claim or an arrival never moves the view back from a later step: the events come from
      // several processes, whose clocks may disagree by a little.
      case "DeliveryClaimed":
        if (view.deliveryStatus === "NONE" || view.deliveryStatus === "REQUESTED") view.deliveryStatus = "ASSIGNED";
        view.riderName = e.payload.riderName;
        break;
      case "RiderArrivedAtShop":
        if (view.deliveryStatus === "NONE" || view.deliveryStatus === "REQUESTED" || view.deliveryStatus === "ASSIGNED") view.deliveryStatus = "AT_SHOP";
        break;
      case "DeliveryStarted":
        view.deliveryStatus = "DELIVERING";
        view.riderName = e.payload.riderName;
        break;
      case "DeliveryCompleted":
      case "DeliveryLeftWithNeighbour":
        view.deliveryStatus = "DELIVERED";
        break;
      case "DeliveryCancelled":
        if (view.deliveryStatus !== "DELIVERED") view.deliveryStatus = "CANCELLED";
        break;
      case "DeliveryAttempted":
      case "DeliveryBackAtShop":
        if (view.deliveryStatus !== "DELIVERED" && view.deliveryStatus !== "CANCELLED") view.deliveryStatus = "ATTEMPTED";
        break;
      // A new slot: the request is open to riders again, and the order is cancellable until the next pickup.
      case "DeliveryRescheduled":
        if (view.deliveryStatus === "ATTEMPTED") view.deliveryStatus = "REQUESTED";
        view.deliveryDate = e.payload.deliveryDate;
        view.timeSlot = e.payload.timeSlot;
        break;
      case "DeliveryAbandoned":
        if (view.deliveryStatus !== "DELIVERED") view.deliveryStatus = "CANCELLED";
        break;
    }
  }
  return view;
}
