import { describe, expect, it } from "vitest";
import { decideDelivery, type DeliveryActor, type DeliveryCommand, type DeliveryState } from "./decide";
import { DELIVERY_STATUSES, type DeliveryStatus } from "./delivery";

const AT = new Date("2026-12-02T03:00:00.000Z");
const EARLIER = new Date("2026-12-02T02:00:00.000Z");
const MINE: DeliveryActor = { role: "RIDER", id: "rider-1" };
const OTHER: DeliveryActor = { role: "RIDER", id: "rider-2" };
const OWNER: DeliveryActor = { role: "OWNER", id: "owner-1" };
const ADMIN: DeliveryActor = { role: "ADMIN", id: "admin-1" };

/** A delivery in `status`; claimed by rider-1 unless OPEN; picked up when `pickedUp`. */
function delivery(
  status: DeliveryStatus,
  { pickedUp = ["STARTED", "ATTEMPTED", "RETURNED", "COMPLETED"].includes(status) } = {},
): DeliveryState {
  const claimed = status !== "OPEN";
  return {
    id: "delivery-1",
    orderId: "00000000-0000-4000-8000-000000000016",
    status,
    riderId: claimed ? "rider-1" : null,
    riderName: claimed ? "Minji" : null,
    claimedAt: claimed ? EARLIER : null,
    arrivedAt: null,
    startedAt: pickedUp ? EARLIER : null,
    pickedUpBy: pickedUp ? "RIDER" : null,
  };
}

type Expected = { events: string[]; status?: DeliveryStatus } | { refused: string };
const ok = (events: string[], status?: DeliveryStatus): Expected => ({ events, status });
const no = (refused: string): Expected => ({ refused });
const NONE = ok([]);

/**
 * Every (state, command, actor): the allowed ones with their events and next status, the refused
 * ones with their codes. CANCELLED+ is a delivery recalled after its pickup (startedAt set).
 */
const TABLE: Record<string, Record<string, Expected>> = {
  claim: {
    "OPEN mine": ok(["DeliveryClaimed"], "CLAIMED"),
    "OPEN other": ok(["DeliveryClaimed"], "CLAIMED"),
    "OPEN owner": no("FORBIDDEN"),
    "CLAIMED mine": NONE,
    "CLAIMED other": no("ALREADY_TAKEN"),
    "CLAIMED owner": no("FORBIDDEN"),
    "AT_SHOP mine": NONE,
    "AT_SHOP other": no("ALREADY_TAKEN"),
    "AT_SHOP owner": no("FORBIDDEN"),
    "STARTED mine": NONE,
    "STARTED other": no("ALREADY_TAKEN"),
    "STARTED owner": no("FORBIDDEN"),
    "ATTEMPTED mine": NONE,
    "ATTEMPTED other": no("ALREADY_TAKEN"),
    "ATTEMPTED owner": no("FORBIDDEN"),
    "RETURNED mine": NONE,
    "RETURNED other": no("ALREADY_TAKEN"),
    "RETURNED owner": no("FORBIDDEN"),
    "COMPLETED mine": no("ALREADY_TAKEN"),
    "COMPLETED other": no("ALREADY_TAKEN"),
    "COMPLETED owner": no("FORBIDDEN"),
    "CANCELLED mine": no("INVALID_TRANSITION"),
    "CANCELLED other": no("INVALID_TRANSITION"),
    "CANCELLED owner": no("FORBIDDEN"),
    "CANCELLED+ mine": no("INVALID_TRANSITION"),
    "CANCELLED+ other": no("INVALID_TRANSITION"),
    "CANCELLED+ owner": no("FORBIDDEN"),
  },
  arriveAtShop: {
    "OPEN mine": no("NOT_FOUND"),
    "OPEN other": no("NOT_FOUND"),
    "OPEN owner": no("FORBIDDEN"),
    "CLAIMED mine": ok(["RiderArrivedAtShop"], "AT_SHOP"),
    "CLAIMED other": no("NOT_FOUND"),
    "CLAIMED owner": no("FORBIDDEN"),
    "AT_SHOP mine": NONE,
    "AT_SHOP other": no("NOT_FOUND"),
    "AT_SHOP owner": no("FORBIDDEN"),
    "STARTED mine": no("INVALID_TRANSITION"),
    "STARTED other": no("NOT_FOUND"),
    "STARTED owner": no("FORBIDDEN"),
    "ATTEMPTED mine": no("INVALID_TRANSITION"),
    "ATTEMPTED other": no("NOT_FOUND"),
    "ATTEMPTED owner": no("FORBIDDEN"),
    "RETURNED mine": no("INVALID_TRANSITION"),
    "RETURNED other": no("NOT_FOUND"),
    "RETURNED owner": no("FORBIDDEN"),
    "COMPLETED mine": no("INVALID_TRANSITION"),
    "COMPLETED other": no("NOT_FOUND"),
    "COMPLETED owner": no("FORBIDDEN"),
    "CANCELLED mine": no("ORDER_CANCELLED"),
    "CANCELLED other": no("NOT_FOUND"),
    "CANCELLED owner": no("FORBIDDEN"),
    "CANCELLED+ mine": no("ORDER_CANCELLED"),
    "CANCELLED+ other": no("NOT_FOUND"),
    "CANCELLED+ owner": no("FORBIDDEN"),
  },
  confirmPickup: {
    "OPEN mine": no("NOT_FOUND"),
    "OPEN other": no("NOT_FOUND"),
    "OPEN owner": no("INVALID_TRANSITION"),
    "CLAIMED mine": ok(["DeliveryStarted"], "STARTED"),
    "CLAIMED other": no("NOT_FOUND"),
    "CLAIMED owner": ok(["DeliveryStarted"], "STARTED"),
    "AT_SHOP mine": ok(["DeliveryStarted"], "STARTED"),
    "AT_SHOP other": no("NOT_FOUND"),
    "AT_SHOP owner": ok(["DeliveryStarted"], "STARTED"),
    "STARTED mine": NONE,
    "STARTED other": no("NOT_FOUND"),
    "STARTED owner": NONE,
    "ATTEMPTED mine": no("INVALID_TRANSITION"),
    "ATTEMPTED other": no("NOT_FOUND"),
    "ATTEMPTED owner": no("INVALID_TRANSITION"),
    "RETURNED mine": no("INVALID_TRANSITION"),
    "RETURNED other": no("NOT_FOUND"),
    "RETURNED owner": no("INVALID_TRANSITION"),
    "COMPLETED mine": NONE,
    "COMPLETED other": no("NOT_FOUND"),
    "COMPLETED owner": NONE,
    "CANCELLED mine": no("ORDER_CANCELLED"),
    "CANCELLED other": no("NOT_FOUND"),
    "CANCELLED owner": no("ORDER_CANCELLED"),
    "CANCELLED+ mine": NONE,
    "CANCELLED+ other": no("NOT_FOUND"),
    "CANCELLED+ owner": NONE,
  },
};

const COMMANDS: Record<string, DeliveryCommand> = {
  claim: { kind: "claim", riderName: "Jisu" },
  arriveAtShop: { kind: "arriveAtShop" },
  confirmPickup: { kind: "confirmPickup" },
};
const ACTORS: Record<string, DeliveryActor> = { mine: MINE, other: OTHER, owner: OWNER };
const STATES: Record<string, DeliveryState> = {
  ...Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, delivery(s)])),
  "CANCELLED+": delivery("CANCELLED", { pickedUp: true }),
};

describe("delivery decider: every (state, command, actor)", () => {
  it("[F9][D3] the table covers every status, command and actor", () => {
    for (const c of Object.keys(COMMANDS)) {
      expect(Object.keys(TABLE[c]!).sort()).toEqual(
        Object.keys(STATES)
          .flatMap((s) => Object.keys(ACTORS).map((a) => `${s} ${a}`))
          .sort(),
      );
    }
  });

  for (const [c, command] of Object.entries(COMMANDS)) {
    for (const [s, state] of Object.entries(STATES)) {
      for (const [a, actor] of Object.entries(ACTORS)) {
        const expected = TABLE[c]![`${s} ${a}`]!;
        const title =
          "refused" in expected
            ? `refused ${expected.refused}`
            : expected.events.length
              ? `→ ${expected.status}, ${expected.events.join(", ")}`
              : "allowed, nothing changes";
        it(`[F9][D3] ${c} on ${s} by ${a}: ${title}`, () => {
          const d = decideDelivery(state, command, actor, AT);
          if ("refused" in expected) {
            expect(d).toMatchObject({ ok: false, code: expected.refused });
            return;
          }
          expect(d.ok).toBe(true);
          if (!d.ok) return;
          expect(d.events.map((e) => e.type)).toEqual(expected.events);
          if (expected.events.length === 0) expect(d.state).toBe(state);
          else expect(d.state.status).toBe(expected.status);
          for (const e of d.events) {
            expect(e.orderId).toBe(state.orderId);
            expect(e.occurredAt).toBe(AT.toISOString());
            expect(e.actor).toEqual({ role: actor.role, id: actor.id });
            expect(e.payload).toMatchObject({ deliveryId: state.id });
          }
        });
      }
    }
  }
});

describe("delivery decider: what the allowed commands write", () => {
  it("[F9] a claim names the rider on the delivery and on its event", () => {
    const d = decideDelivery(delivery("OPEN"), { kind: "claim", riderName: "Jisu" }, OTHER, AT);
    expect(d).toMatchObject({ ok: true, state: { status: "CLAIMED", riderId: "rider-2", riderName: "Jisu", claimedAt: AT } });
    expect(d.ok && d.events[0]?.payload).toEqual({ deliveryId: "delivery-1", riderId: "rider-2", riderName: "Jisu" });
  });

  it("[D3] an arrival stamps the time and keeps the rider", () => {
    const d = decideDelivery(delivery("CLAIMED"), { kind: "arriveAtShop" }, MINE, AT);
    expect(d).toMatchObject({ ok: true, state: { status: "AT_SHOP", arrivedAt: AT, riderId: "rider-1" } });
    expect(d.ok && d.events[0]?.payload).toEqual({ deliveryId: "delivery-1", riderId: "rider-1" });
  });

  it("[D3] a pickup says who confirmed it: the rider, or the shop (owner or admin on the board)", () => {
    for (const [actor, confirmedBy] of [
      [MINE, "RIDER"],
      [OWNER, "OWNER"],
      [ADMIN, "OWNER"],
    ] as const) {
      const d = decideDelivery(delivery("AT_SHOP"), { kind: "confirmPickup" }, actor, AT);
      expect(d).toMatchObject({ ok: true, state: { status: "STARTED", startedAt: AT, pickedUpBy: confirmedBy } });
      expect(d.ok && d.events[0]?.payload).toEqual({ deliveryId: "delivery-1", riderId: "rider-1", riderName: "Minji", confirmedBy });
      expect(d.ok && d.events[0]?.actor).toEqual({ role: actor.role, id: actor.id });
    }
  });

  it("[D3] a claimed delivery whose rider name is missing is not picked up", () => {
    const d = decideDelivery({ ...delivery("CLAIMED"), riderName: null }, { kind: "confirmPickup" }, OWNER, AT);
    expect(d).toMatchObject({ ok: false, code: "INVALID_TRANSITION" });
  });
});
