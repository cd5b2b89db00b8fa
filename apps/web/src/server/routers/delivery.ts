// The rider's delivery screen (F8–F10, D3): claim a request, say they are at the shop, confirm the
// pickup, deliver — and bring back a recalled bouquet (F12).
import { arriveAtShop, claimDelivery, completeDelivery, confirmBackAtShop, confirmPickupByRider, confirmReturn, recordAttempt, riderScreen, riderToday } from "@bloom/app";
import { attemptSchema } from "@bloom/domain";
import { z } from "zod";
import { orThrow, riderProcedure, router } from "../trpc";

const deliveryId = z.object({ deliveryId: z.uuid("Unknown delivery") });

export const deliveryRouter = router({
  screen: riderProcedure.query(({ ctx }) => riderScreen(ctx.db, ctx.user)),
  // D6: deliveries completed today (Asia/Seoul) and what they earned.
  today: riderProcedure.query(({ ctx }) => riderToday(ctx.db, ctx.user.id)),
  claim: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await claimDelivery(ctx, ctx.user, input.deliveryId))),
  arrived: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await arriveAtShop(ctx, ctx.user, input.deliveryId))),
  pickedUp: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await confirmPickupByRider(ctx, ctx.user, input.deliveryId))),
  complete: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await completeDelivery(ctx, ctx.user, input.deliveryId))),
  returned: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await confirmReturn(ctx, ctx.user, input.deliveryId))),
  // D4: nobody took the bouquet (delivering with proof is a route handler: it takes a photo).
  attempt: riderProcedure
    .input(deliveryId.extend(attemptSchema.shape))
    .mutation(async ({ ctx, input }) => orThrow(await recordAttempt(ctx, ctx.user, input.deliveryId, input.reason, input.note || null))),
  backAtShop: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await confirmBackAtShop(ctx, ctx.user, input.deliveryId))),
});
