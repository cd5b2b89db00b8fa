// Live updates (B1): what the worker announces after a policy changed something, and who may see
// it. The web tier forwards each announcement only to the screens it concerns.
import { z } from "zod";
import { EVENT_TYPES } from "./catalog";

export const LIVE_CHANNEL = "bloom:live";

export const liveChangeSchema = z.object({
  orderId: z.string(),
  type: z.enum(EVENT_TYPES as [string, ...string[]]),
  policy: z.string(),
  customerId: z.string().nullable().optional(),
  storeId: z.string().nullable().optional(),
  at: z.string(),
});
export type LiveChange = z.infer<typeof liveChangeSchema>;

const RIDER_POLICIES = new Set(["delivery-request", "delivery-cancellation"]);
const RIDER_EVENTS = new Set(["DeliveryRequested", "DeliveryStarted", "DeliveryCompleted", "DeliveryCancelled", "DeliveryReturned"]);

/** A customer hears their own orders; an owner their stores'; riders the open-delivery market. */
export function liveChangeVisibleTo(
  change: LiveChange,
  viewer: { role: string; id: string; storeIds?: readonly string[] },
): boolean {
  switch (viewer.role) {
    case "CUSTOMER":
      return change.customerId === viewer.id;
    case "OWNER":
    case "ADMIN":
      return !!change.storeId && (viewer.storeIds ?? []).includes(change.storeId);
    case "RIDER":
      return RIDER_POLICIES.has(change.policy) || RIDER_EVENTS.has(change.type);
    default:
      return false;
  }
}
