// claimDelivery (F9, D3): a rider takes an open request. The bouquet is still at the shop, so the
// order stays cancellable; the pickup is its own step (confirm-pickup.ts). Decided by the delivery
// aggregate (decideDelivery) and saved on condition: of riders racing for one request exactly one wins.
import type { Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { runDeliveryCommand } from "./delivery-command";
import { loadDelivery } from "./delivery.repo";
import type { Rider } from "./rider";

export async function claimDelivery(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const r = await runDeliveryCommand(
    ctx,
    () => loadDelivery(ctx.db, { id: deliveryId }),
    { kind: "claim", riderName: rider.name },
    { role: "RIDER", id: rider.id },
  );
  if (!r.ok) return r;
  if (r.changed) ctx.log.info({ orderId: r.state.orderId, deliveryId, riderId: rider.id }, "delivery claimed");
  return { ok: true };
}
