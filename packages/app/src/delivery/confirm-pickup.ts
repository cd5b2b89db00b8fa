// confirmPickup (D3): the handover at the shop, confirmed by the rider who claimed the delivery or
// by the shop's owner on the board. From here the bouquet is on its way: the order can no longer
// be cancelled (DeliveryStarted moves it to DELIVERING) and the board moves the card to Done.
// Rider and owner confirm alike through the delivery aggregate (decideDelivery), saved on
// condition of the state read: two confirmations at once make one pickup.
import type { DeliveryActor, Result } from "@bloom/domain";
import type { AppContext } from "../shared/context";
import { storeIdsOf, type Owner } from "../store/board";
import { runDeliveryCommand } from "./delivery-command";
import { loadDelivery, type StoredDelivery } from "./delivery.repo";
import type { Rider } from "./rider";

async function pickUp(
  ctx: AppContext,
  load: () => Promise<StoredDelivery | null>,
  actor: DeliveryActor,
  notFound?: string,
): Promise<Result<object>> {
  const r = await runDeliveryCommand(ctx, load, { kind: "confirmPickup" }, actor, notFound);
  if (!r.ok) return r;
  if (r.changed)
    ctx.log.info(
      { orderId: r.state.orderId, deliveryId: r.state.id, riderId: r.state.riderId, confirmedBy: r.state.pickedUpBy },
      "delivery picked up",
    );
  return { ok: true };
}

/** The rider who claimed the delivery confirms they have the bouquet. */
export async function confirmPickupByRider(ctx: AppContext, rider: Rider, deliveryId: string): Promise<Result<object>> {
  return pickUp(ctx, () => loadDelivery(ctx.db, { id: deliveryId }), { role: "RIDER", id: rider.id });
}

/**
 * The florist hands the bouquet over and confirms it on the board (by the order, as the board
 * knows it). Only for a delivery of the owner's own shop: any other reads as not found.
 */
export async function confirmPickupByOwner(ctx: AppContext, owner: Owner, orderId: string): Promise<Result<object>> {
  const ids = await storeIdsOf(ctx.db, owner);
  const load = async () => {
    const d = await loadDelivery(ctx.db, { orderId });
    return d && ids.includes(d.storeId) ? d : null;
  };
  return pickUp(ctx, load, { role: owner.role === "ADMIN" ? "ADMIN" : "OWNER", id: owner.id }, "Delivery not found for your shop");
}
