// arriveAtShop (D3): the rider who claimed a delivery says they are at the shop, so the florist
// knows whom to hand the bouquet to. Optional: a pickup may follow the claim directly. Decided by
// the delivery aggregate (decideDelivery); picked up or cancelled meanwhile, it says which.
import type { Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { runDeliveryCommand } from "./delivery-command";
import { loadDelivery } from "./delivery.repo";
import type { Rider } from "./rider";

export async function arriveAtShop(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  const r = await runDeliveryCommand(
    ctx,
    () => loadDelivery(ctx.db, { id: deliveryId }),
    { kind: "arriveAtShop" },
    { role: "RIDER", id: rider.id },
  );
  if (!r.ok) return r;
  if (r.changed) ctx.log.info({ orderId: r.state.orderId, deliveryId, riderId: rider.id }, "rider at the shop");
  return { ok: true };
}
