// Catalog (F1): shops and their bouquets, public.
import { deliveryQuote, deliveryQuoteSchema, getBouquet, getStoreMenu, listAreas, listStores } from "@bloom/app";
import { storeSearchSchema } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";

export const catalogRouter = router({
  stores: publicProcedure
    .input(storeSearchSchema.optional())
    .query(({ ctx, input }) => listStores(ctx.db, input ?? {})),
  areas: publicProcedure.query(({ ctx }) => listAreas(ctx.db)),
  store: publicProcedure.input(z.object({ storeId: z.uuid() })).query(async ({ ctx, input }) => {
    const store = await getStoreMenu(ctx.db, input.storeId);
    if (!store) throw new TRPCError({ code: "NOT_FOUND", message: "This store does not exist" });
    return store;
  }),
  bouquet: publicProcedure.input(z.object({ bouquetId: z.uuid() })).query(async ({ ctx, input }) => {
    const b = await getBouquet(ctx.db, input.bouquetId);
    if (!b) throw new TRPCError({ code: "NOT_FOUND", message: "This bouquet is not available" });
    return b;
  }),
  // D1: the checkout's delivery price as the customer types the address; a refusal is an answer, not an error.
  deliveryQuote: publicProcedure.input(deliveryQuoteSchema).query(({ ctx, input }) => deliveryQuote(ctx.db, input)),
});
