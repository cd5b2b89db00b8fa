// When a shop delivers (D2): the bookable slots anyone may see, and the owner's edits of hours,
// closures, lead time, cutoff and capacity.
import { addClosure, deliverySettingsFor, deliverySlots, removeClosure, saveDeliverySettings } from "@bloom/app";
import { addClosureSchema, deliverySettingsSchema } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { orThrow, ownerProcedure, publicProcedure, router } from "../trpc";

const storeId = z.object({ storeId: z.uuid("Unknown store") });

export const scheduleRouter = router({
  slots: publicProcedure
    .input(storeId.extend({ from: z.iso.date().optional(), days: z.number().int().min(1).max(62).optional() }))
    .query(async ({ ctx, input }) => {
      const slots = await deliverySlots(ctx.db, input.storeId, { from: input.from, days: input.days });
      if (!slots) throw new TRPCError({ code: "NOT_FOUND", message: "This store does not exist" });
      return slots;
    }),
  settings: ownerProcedure.input(storeId).query(async ({ ctx, input }) => {
    const s = await deliverySettingsFor(ctx.db, ctx.user, input.storeId);
    if (!s) throw new TRPCError({ code: "NOT_FOUND", message: "Store not found" });
    return s;
  }),
  saveSettings: ownerProcedure
    .input(storeId.extend(deliverySettingsSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const { storeId: id, ...settings } = input;
      return orThrow(await saveDeliverySettings(ctx.db, ctx.user, id, settings));
    }),
  addClosure: ownerProcedure
    .input(z.object({ storeId: z.uuid(), closure: addClosureSchema }))
    .mutation(async ({ ctx, input }) => orThrow(await addClosure(ctx.db, ctx.user, input.storeId, input.closure))),
  removeClosure: ownerProcedure
    .input(z.object({ closureId: z.uuid() }))
    .mutation(async ({ ctx, input }) => orThrow(await removeClosure(ctx.db, ctx.user, input.closureId))),
});
