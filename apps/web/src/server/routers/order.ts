// Ordering (F1, F2, F11, F13): the customer's own orders only.
import { cancelOrder, getOrderForCustomer, listOrdersForCustomer, placeOrder, rememberMessageLocale } from "@bloom/app";
import { cancelOrderSchema, placeOrderSchema } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { countOrderCommand } from "../metrics";
import { LIMITS } from "../rate-limit";
import { customerProcedure, orThrow, rateLimitedPerUser, router } from "../trpc";

const orderId = z.object({ orderId: z.uuid("Unknown order") });

export const orderRouter = router({
  place: customerProcedure
    .use(rateLimitedPerUser(LIMITS.order))
    .input(placeOrderSchema)
    .mutation(async ({ ctx, input }) => {
      // X1: the sender's emails are written in the language of the UI they ordered in (committed
      // before the order, so its receipt already uses it).
      if (ctx.locale) await rememberMessageLocale(ctx.db, ctx.user.id, ctx.locale);
      const r = await placeOrder(ctx, ctx.user.id, input);
      countOrderCommand("place", r);
      return orThrow(r).order;
    }),
  get: customerProcedure.input(orderId).query(async ({ ctx, input }) => {
    const order = await getOrderForCustomer(ctx.db, ctx.user.id, input.orderId);
    if (!order) throw new TRPCError({ code: "NOT_FOUND", message: "Order not found" });
    return order;
  }),
  list: customerProcedure
    .input(z.object({ cursor: z.uuid().optional(), limit: z.number().int().min(1).max(50).default(20) }).optional())
    .query(async ({ ctx, input }) => orThrow(await listOrdersForCustomer(ctx.db, ctx.user.id, { limit: input?.limit ?? 20, cursor: input?.cursor })).page),
  cancel: customerProcedure
    .input(orderId.extend(cancelOrderSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const r = await cancelOrder(ctx, ctx.user.id, input.orderId, input.reason ?? null);
      countOrderCommand("cancel", r);
      return orThrow(r).order;
    }),
});
