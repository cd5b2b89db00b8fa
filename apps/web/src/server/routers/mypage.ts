// MyPage (F14, N4): read only from the mypage_orders read model.
import { answerArrangement, arrangementForSender, deliveryStepFor, doorProofFor, myPageFor } from "@bloom/app";
import { arrangementAnswerSchema } from "@bloom/domain";
import { z } from "zod";
import { customerProcedure, orThrow, router } from "../trpc";

export const mypageRouter = router({
  orders: customerProcedure
    .input(
      z
        .object({
          filter: z.enum(["all", "active", "past"]).default("all"),
          cursor: z.uuid().optional(),
          limit: z.number().int().min(1).max(50).default(10),
        })
        .optional(),
    )
    .query(async ({ ctx, input }) =>
      orThrow(await myPageFor(ctx.db, ctx.user.id, { filter: input?.filter ?? "all", cursor: input?.cursor, limit: input?.limit ?? 10 })).page,
    ),
  /** One order's delivery step (rider assigned, at the shop, …) for its order page (D3). */
  deliveryStep: customerProcedure
    .input(z.object({ orderId: z.uuid("Unknown order") }))
    .query(({ ctx, input }) => deliveryStepFor(ctx.db, ctx.user.id, input.orderId)),
  /** D5: the proof at the door, for the order page: never the storage key, only that a photo exists. */
  doorProof: customerProcedure.input(z.object({ orderId: z.uuid("Unknown order") })).query(async ({ ctx, input }) => {
    const p = await doorProofFor(ctx.db, ctx.user, input.orderId);
    return p && { hasPhoto: p.photoKey !== null, note: p.note, leftWith: p.leftWith, deliveredAt: p.deliveredAt };
  }),
  /** W1: the photo of the arranged bouquet to answer (null: none yet). The photo: GET /api/orders/[id]/arrangement-photo. */
  arrangement: customerProcedure
    .input(z.object({ orderId: z.uuid("Unknown order") }))
    .query(({ ctx, input }) => arrangementForSender(ctx.db, ctx.user.id, input.orderId)),
  answerArrangement: customerProcedure
    .input(z.object({ orderId: z.uuid("Unknown order"), answer: arrangementAnswerSchema }))
    .mutation(async ({ ctx, input }) => orThrow(await answerArrangement(ctx, ctx.user, input.orderId, input.answer))),
});
