// What the recipient's tracking page shows (X2), decided from the order and its delivery: the
// shop, the recipient's first name, the slot and where the bouquet is. Never a price, and the
// sender's name only when the sender did not choose to send anonymously — the view has no field
// for a price at all, so no page or JSON built from it can leak one.
import { z } from "zod";
import type { DeliveryStatus } from "../delivery/delivery";
import { canReschedule, rescheduleSchema } from "../delivery/outcome";
import type { OrderStatus } from "../ordering/order";
import { addDays } from "../ordering/delivery-date";

/**
 * Development and tests only, written once here for the env modules of web and worker (which sign
 * and verify tracking links): both refuse to start in production without TRACKING_LINK_SECRET.
 */
export const DEV_TRACKING_LINK_SECRET = "bloom-development-tracking-link-secret-not-for-production";

/** The link stops answering this many days after the (last) delivery date: a gift's link is not forever. */
export const TRACKING_LINK_DAYS = 30;

export type TrackingPhase = "PREPARING" | "ON_ITS_WAY" | "DELIVERED" | "ATTEMPTED" | "CANCELLED";

export type TrackedOrder = {
  status: OrderStatus;
  storeName: string;
  recipientName: string;
  deliveryDate: string;
  timeSlot: string;
  sendAnonymously: boolean;
  /** The sender's display name as their account has it; ignored when they chose anonymous. */
  senderName: string | null;
  /** W5: the shop's Korean name as ordered; "" or absent before W5. */
  storeNameKo?: string;
};

export type TrackedDelivery = {
  status: DeliveryStatus;
  storeId: string;
  deliveryDate: string;
  timeSlot: string;
  completedAt: Date | null;
  attemptedAt: Date | null;
  attempts: number;
};

export type TrackingView = {
  shopName: string;
  /** For the slot picker (the shop's public schedule), nothing more. */
  storeId: string;
  recipientFirstName: string;
  /** null when the sender chose to send anonymously. */
  senderName: string | null;
  deliveryDate: string;
  timeSlot: string;
  phase: TrackingPhase;
  deliveredAt: string | null;
  attemptedAt: string | null;
  /** ATTEMPTED: the bouquet is back at the shop, so a new slot can be chosen (the shop's own rule). */
  canChooseSlot: boolean;
  /** A new slot was booked after a failed attempt. */
  rescheduled: boolean;
  /** W5: the shop's Korean name ("" when unknown: show shopName). */
  shopNameKo: string;
};

const HANGUL = /^[\uAC00-\uD7A3]+$/;

/**
 * The name a message greets the recipient by: the first word of a Western name ("Jane Doe" →
 * "Jane"); a Korean name written without a space is surname + given name, and the given name is
 * what one says (김민지 → 민지); two syllables (a one-syllable given name) stay whole.
 */
export function firstNameOf(fullName: string): string {
  const name = fullName.trim().replace(/\s+/g, " ");
  if (!name) return "";
  if (HANGUL.test(name)) return name.length >= 3 ? name.slice(1) : name;
  return name.split(" ")[0]!;
}

export function trackingPhaseOf(orderStatus: OrderStatus, delivery: Pick<TrackedDelivery, "status"> | null): TrackingPhase {
  if (orderStatus === "CANCELLED" || orderStatus === "REJECTED") return "CANCELLED";
  if (orderStatus === "DELIVERED" || delivery?.status === "COMPLETED") return "DELIVERED";
  switch (delivery?.status) {
    case "STARTED":
      return "ON_ITS_WAY";
    case "ATTEMPTED":
    case "RETURNED":
      return "ATTEMPTED";
    case "CANCELLED":
      return "CANCELLED";
    default:
      return "PREPARING";
  }
}

export function trackingViewOf(order: TrackedOrder, delivery: TrackedDelivery | null, storeId: string): TrackingView {
  const phase = trackingPhaseOf(order.status, delivery);
  // A reschedule moves the delivery's slot; the delivery knows it first.
  const slotFrom = delivery && delivery.deliveryDate ? delivery : order;
  return {
    shopName: order.storeName,
    storeId,
    recipientFirstName: firstNameOf(order.recipientName),
    senderName: order.sendAnonymously ? null : order.senderName,
    deliveryDate: slotFrom.deliveryDate,
    timeSlot: slotFrom.timeSlot,
    phase,
    deliveredAt: phase === "DELIVERED" ? (delivery?.completedAt?.toISOString() ?? null) : null,
    attemptedAt: phase === "ATTEMPTED" ? (delivery?.attemptedAt?.toISOString() ?? null) : null,
    canChooseSlot: phase === "ATTEMPTED" && !!delivery && canReschedule(delivery.status),
    rescheduled: !!delivery && delivery.attempts > 0 && phase !== "ATTEMPTED",
    shopNameKo: order.storeNameKo ?? "",
  };
}

/** True once the link has outlived its order (TRACKING_LINK_DAYS after the last delivery date). */
export function trackingLinkExpired(deliveryDate: string, today: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deliveryDate)) return false;
  return addDays(deliveryDate, TRACKING_LINK_DAYS) < today;
}

/** The recipient's choice of a new slot: the shop's reschedule form without the fee (never theirs to set). */
export const recipientSlotSchema = rescheduleSchema.pick({ deliveryDate: true, timeSlot: true });
export type RecipientSlotInput = z.infer<typeof recipientSlotSchema>;
