// One use-case shape for the delivery aggregate's commands: load → decide → save the
// new state and append its events in one transaction. The save is conditional on the state read,
// so of two riders racing for one request exactly one wins; the loser decides again on the row as
// it is now, which says why (ALREADY_TAKEN, or success for a double tap).
import { decideDelivery, refuse, type DeliveryActor, type DeliveryCommand, type DeliveryState, type Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { appendEvents } from "../shared/outbox";
import { saveDelivery, type StoredDelivery } from "./delivery.repo";

/** A lost race is decided again; after this many the caller is asked to try again. */
const ATTEMPTS = 3;

export async function runDeliveryCommand(
  ctx: AppContext,
  load: () => Promise<StoredDelivery | null>,
  command: DeliveryCommand,
  actor: DeliveryActor,
  notFound = "Delivery not found",
): Promise<Result<{ state: DeliveryState; changed: boolean }>> {
  for (let attempt = 1; ; attempt++) {
    const before = await load();
    if (!before) return refuse("NOT_FOUND", notFound);
    const decision = decideDelivery(before, command, actor, new Date());
    if (!decision.ok) return decision;
    if (decision.events.length === 0) return { ok: true, state: decision.state, changed: false };
    const saved = await ctx.db.$transaction(async (tx) => {
      if (!(await saveDelivery(tx, before, decision.state))) return false;
      await appendEvents(tx, decision.events);
      return true;
    });
    if (saved) return { ok: true, state: decision.state, changed: true };
    if (attempt >= ATTEMPTS) return refuse("INVALID_TRANSITION", "This delivery changed meanwhile; please try again");
  }
}
