// Policy "staff-push" (X3): plans one web push per device of the owners and riders an event
// concerns, in the device's language, inside the policy's inbox transaction — plain SQL on its
// connection, as it hears every order — with enqueueMessages; the worker's message dispatcher sends
// them (web-push-provider.ts). Whom and what: domain notification/staff-push.ts. The shop's owner
// and the delivery's rider come from the store and delivery contexts' read ports, never from their
// tables (C1).
import type { SqlClient } from "@bloom/db";
import { deliveryCancelledPush, newOrderPush, orderCancelledPush, requestOpenedPush, type DomainEvent, type StaffPush } from "@bloom/domain";
import { deliveryForNotice } from "../../delivery/delivery-for-notice";
import { shopForNotice } from "../../store/shop-for-notice";
import { enqueueMessages, type PlannedMessage } from "../messages";
import { devicesFor } from "./subscriptions";

/** What a planned push carries: the notification as the device shows it, and how long it may wait. */
export type PushMessagePayload = {
  title: string;
  body: string;
  url: string;
  tag: string;
  ttlSec: number;
  /** The event's time + the TTL: a push planned late (a redrive, a backlog) never rings for old news. */
  expiresAt: string;
};

/** The staff push an event calls for, or null (nobody to ring, or a request no longer open). */
export async function staffPushFor(tx: SqlClient, e: DomainEvent): Promise<StaffPush | null> {
  switch (e.type) {
    case "OrderPlaced": {
      const shop = await shopForNotice(tx, e.payload.storeId);
      if (!shop) return null;
      const itemCount = e.payload.lines.reduce((n, l) => n + l.quantity, 0);
      return newOrderPush(
        {
          orderId: e.orderId,
          storeId: e.payload.storeId,
          itemCount,
          totalWon: e.payload.totalWon,
          deliveryDate: e.payload.deliveryDate,
          timeSlot: e.payload.timeSlot,
        },
        shop,
      );
    }
    case "OrderCancelled": {
      const shop = await shopForNotice(tx, e.payload.storeId);
      return shop ? orderCancelledPush({ orderId: e.orderId, storeId: e.payload.storeId }, shop) : null;
    }
    case "DeliveryCancelled": {
      // The event names the rider only for a recall; a claim withdrawn before the pickup keeps its
      // rider on the delivery row. An open request withdrawn has nobody holding it.
      const d = await deliveryForNotice(tx, e.payload.deliveryId);
      const riderId = e.payload.riderId ?? d?.riderId ?? null;
      if (!d || !riderId) return null;
      const shop = await shopForNotice(tx, d.storeId);
      return shop
        ? deliveryCancelledPush(
            {
              deliveryId: d.deliveryId,
              riderId,
              recall: Boolean(e.payload.riderId),
            },
            shop,
          )
        : null;
    }
    case "DeliveryRequested":
    case "DeliveryRescheduled": {
      const d = await deliveryForNotice(tx, e.payload.deliveryId);
      // Claimed (or cancelled) before we got here: ringing for it would send riders after nothing.
      if (!d?.open) return null;
      const shop = await shopForNotice(tx, d.storeId);
      return shop ? requestOpenedPush(d, shop) : null;
    }
    default:
      return null;
  }
}

/** Plans the pushes (one per device; recipient = the device's subscription id). True when any was new. */
export async function planStaffPush(tx: SqlClient, e: DomainEvent): Promise<{ messagesPlanned: boolean }> {
  const push = await staffPushFor(tx, e);
  if (!push) return { messagesPlanned: false };
  const devices = await devicesFor(tx, push.to);
  const expiresAt = new Date(new Date(e.occurredAt).getTime() + push.ttlSec * 1000).toISOString();
  const msgs: PlannedMessage[] = devices.map((d) => {
    const payload: PushMessagePayload = {
      ...push.payload(d.locale),
      ttlSec: push.ttlSec,
      expiresAt,
    };
    return {
      channel: "push",
      kind: push.kind,
      recipient: d.id,
      orderId: e.orderId,
      eventId: e.eventId,
      locale: d.locale,
      payload,
    };
  });
  return { messagesPlanned: (await enqueueMessages(tx, msgs)) > 0 };
}
