// One handler per policy (queue). The worker calls runPolicy for each job; every handler runs
// inside handleOnce, so redelivery is harmless (C4).
import type { Db, Tx } from "@bloom/db";
import { parseEvent, type DomainEvent, type PaymentGateway, type Policy } from "@bloom/domain";
import { cancelStoreOrderFor } from "./store/on-order-cancelled";
import { putOrderOnBoard } from "./store/on-order-placed";
import { openDeliveryRequest } from "./delivery/on-decoration-completed";
import { withdrawDelivery } from "./delivery/on-order-cancelled";
import { refundPayment } from "./payment/refund";
import { followOrderStatus } from "./ordering/follow-status";
import { projectEvent } from "./mypage/project";
import { handleOnce } from "./shared/inbox";

type Handler = (tx: Tx, e: DomainEvent) => Promise<void>;

export function policyHandlers(gateway: PaymentGateway): Record<Policy, Handler> {
  return {
    "store-notification": (tx, e) => (e.type === "OrderPlaced" ? putOrderOnBoard(tx, e) : skip()),
    "delivery-request": (tx, e) => (e.type === "DecorationCompleted" ? openDeliveryRequest(tx, e) : skip()),
    refund: (tx, e) =>
      e.type === "StoreOrderRejected" || e.type === "OrderCancelled" ? refundPayment(tx, gateway, e) : skip(),
    "store-order-cancellation": (tx, e) => (e.type === "OrderCancelled" ? cancelStoreOrderFor(tx, e) : skip()),
    "delivery-cancellation": (tx, e) => (e.type === "OrderCancelled" ? withdrawDelivery(tx, e) : skip()),
    "order-status": (tx, e) => followOrderStatus(tx, e),
    "mypage-projection": async (tx, e) => {
      await projectEvent(tx, e);
    },
  };
}

const skip = async () => {};

export async function runPolicy(
  db: Db,
  handlers: Record<Policy, Handler>,
  policy: Policy,
  raw: unknown,
): Promise<{ event: DomainEvent; outcome: "done" | "duplicate" }> {
  const event = parseEvent(raw);
  const outcome = await handleOnce(db, policy, event.eventId, (tx) => handlers[policy](tx, event));
  return { event, outcome };
}
