// The rider's delivery screen (F8–F10), and bringing back a recalled bouquet (F12).
import { completeDelivery, confirmReturn, riderScreen, startDelivery } from "@bloom/app";
import { z } from "zod";
import { orThrow, riderProcedure, router } from "../trpc";

const deliveryId = z.object({ deliveryId: z.uuid("Unknown delivery") });

export const deliveryRouter = router({
  screen: riderProcedure.query(({ ctx }) => riderScreen(ctx.db, ctx.user)),
  start: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await startDelivery(ctx, ctx.user, input.deliveryId))),
  complete: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await completeDelivery(ctx, ctx.user, input.deliveryId))),
  returned: riderProcedure
    .input(deliveryId)
    .mutation(async ({ ctx, input }) => orThrow(await confirmReturn(ctx, ctx.user, input.deliveryId))),
});
