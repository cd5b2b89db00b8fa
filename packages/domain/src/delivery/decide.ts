// The delivery aggregate's decider (F9, D3; the pattern for every aggregate): from the
// delivery as it is, a command and who gives it, the next state and the events that say what
// happened, or a refusal. Nothing is read or written here: the use case loads the delivery,
// calls decideDelivery, then saves the new state (conditional on the state it read) and appends
// the events in one transaction. A command that changes nothing (a double tap, a second
// confirmation) is allowed with no events, so the use case writes nothing.
import { createEvent, type Actor, type DomainEvent } from "../events/catalog";
import { refuse, type Refusal } from "../shared/errors";
import { decideArrive, decideClaim, decidePickup, type DeliveryStatus, type PickupConfirmer } from "./delivery";

/** What the delivery's rules need of the row, and what these commands change. */
export type DeliveryState = {
  id: string;
  orderId: string;
  status: DeliveryStatus;
  riderId: string | null;
  riderName: string | null;
  claimedAt: Date | null;
  arrivedAt: Date | null;
  startedAt: Date | null;
  pickedUpBy: PickupConfirmer | null;
};

export type DeliveryCommand =
  /** F9: a rider takes an open request (the rider's name goes on the event and the row). */
  | { kind: "claim"; riderName: string }
  /** D3: the rider who claimed it is at the shop (optional). */
  | { kind: "arriveAtShop" }
  /** D3: the handover at the shop, confirmed by the rider who claimed it or by the shop's florist. */
  | { kind: "confirmPickup" };

/** Who gives the command: a rider, or the shop's owner (or an admin) on the board. */
export type DeliveryActor = { role: "RIDER"; id: string } | { role: "OWNER" | "ADMIN"; id: string };

export type DeliveryDecision = { ok: true; state: DeliveryState; events: DomainEvent[] } | Refusal;

const unchanged = (state: DeliveryState): DeliveryDecision => ({ ok: true, state, events: [] });

export function decideDelivery(state: DeliveryState, command: DeliveryCommand, actor: DeliveryActor, at: Date): DeliveryDecision {
  const eventActor: Actor = { role: actor.role, id: actor.id };
  switch (command.kind) {
    case "claim": {
      if (actor.role !== "RIDER") return refuse("FORBIDDEN", "Only a rider can take a delivery");
      const d = decideClaim(state, actor.id);
      if (!d.ok) return d;
      if (d.alreadyMine) return unchanged(state);
      return {
        ok: true,
        state: { ...state, status: "CLAIMED", riderId: actor.id, riderName: command.riderName, claimedAt: at },
        events: [
          createEvent(
            "DeliveryClaimed",
            state.orderId,
            { deliveryId: state.id, riderId: actor.id, riderName: command.riderName },
            eventActor,
            at,
          ),
        ],
      };
    }
    case "arriveAtShop": {
      if (actor.role !== "RIDER") return refuse("FORBIDDEN", "Only the rider who took the delivery says they are at the shop");
      const d = decideArrive(state, actor.id);
      if (!d.ok) return d;
      if (d.alreadyThere) return unchanged(state);
      return {
        ok: true,
        state: { ...state, status: "AT_SHOP", arrivedAt: at },
        events: [createEvent("RiderArrivedAtShop", state.orderId, { deliveryId: state.id, riderId: actor.id }, eventActor, at)],
      };
    }
    case "confirmPickup": {
      const by = actor.role === "RIDER" ? { role: "RIDER" as const, riderId: actor.id } : { role: "OWNER" as const };
      const d = decidePickup(state, by);
      if (!d.ok) return d;
      if (d.alreadyPickedUp) return unchanged(state);
      const { riderId, riderName } = state;
      if (!riderId || !riderName) return refuse("INVALID_TRANSITION", "No rider has claimed this delivery yet");
      const confirmedBy: PickupConfirmer = actor.role === "RIDER" ? "RIDER" : "OWNER";
      return {
        ok: true,
        state: { ...state, status: "STARTED", startedAt: at, pickedUpBy: confirmedBy },
        events: [createEvent("DeliveryStarted", state.orderId, { deliveryId: state.id, riderId, riderName, confirmedBy }, eventActor, at)],
      };
    }
  }
}
