// Live updates (B1): what the worker announces after a policy changed something, and who may see
// it. The web tier forwards each announcement only to the screens it concerns, and only as much
// of it as they need (S6).
import { z } from "zod";
import { EVENT_TYPES, type DomainEvent } from "./catalog";

export const LIVE_CHANNEL = "bloom:live";

export const liveChangeSchema = z.object({
  orderId: z.string(),
  type: z.enum(EVENT_TYPES as [string, ...string[]]),
  policy: z.string(),
  customerId: z.string().nullable().optional(),
  storeId: z.string().nullable().optional(),
  // Added beside the fields above as optional, like an event payload's new field within its
  // version: an older worker's announcement still parses, and without them it reaches no rider
  // (closed, not open) until that worker is replaced.
  /** The rider who holds the order's delivery (taken, delivered, recalled, returned). */
  riderId: z.string().nullable().optional(),
  /** The open delivery requests changed: one opened, or one left them (taken or withdrawn). */
  market: z.boolean().optional(),
  at: z.string(),
});
export type LiveChange = z.infer<typeof liveChangeSchema>;

// The events that put a request into the open market or take one out of it. Names, not the
// EventType union: the steps of a delivery grow (a claim before the pickup), and a name not (yet)
// in the catalog simply never matches.
const MARKET_EVENTS = new Set<string>(["DeliveryRequested", "DeliveryClaimed", "DeliveryStarted", "DeliveryRescheduled"]);

/**
 * Which rider an event concerns, and whether it changes the open requests every rider sees. A
 * delivery event names its rider once one holds it (claimed, at the shop, picked up, delivered,
 * recalled, returned); a cancellation that names none withdrew a request nobody held.
 */
export function riderConcernOf(e: DomainEvent): { riderId: string | null; market: boolean } {
  const named = (e.payload as { riderId?: unknown }).riderId;
  const riderId = typeof named === "string" ? named : null;
  if (e.type === "DeliveryCancelled") return { riderId, market: riderId === null };
  return { riderId, market: MARKET_EVENTS.has(e.type) };
}

/**
 * What a screen receives: a change of one of its own orders, or — for riders — only that the open
 * requests changed, with no order in it: a rider who does not hold a delivery learns nothing of
 * its order (not its id, not that it was cancelled), whichever shop it belongs to.
 */
export type LiveMessage = { kind: "change"; orderId: string; type: string } | { kind: "market" };

/** A customer hears their own orders; an owner their stores'; a rider the deliveries they hold and the open market. */
export function liveMessageFor(
  change: LiveChange,
  viewer: { role: string; id: string; storeIds?: readonly string[] },
): LiveMessage | null {
  const full: LiveMessage = { kind: "change", orderId: change.orderId, type: change.type };
  switch (viewer.role) {
    case "CUSTOMER":
      return change.customerId === viewer.id ? full : null;
    case "OWNER":
    case "ADMIN":
      return !!change.storeId && (viewer.storeIds ?? []).includes(change.storeId) ? full : null;
    case "RIDER":
      if (change.riderId === viewer.id) return full;
      return change.market ? { kind: "market" } : null;
    default:
      return null;
  }
}
