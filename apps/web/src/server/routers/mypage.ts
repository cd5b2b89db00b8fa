// MyPage (F14, N4): read only from the mypage_orders read model.
import { myPageFor } from "@bloom/app";
import { z } from "zod";
import { customerProcedure, router } from "../trpc";

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
    .query(({ ctx, input }) =>
      myPageFor(ctx.db, ctx.user.id, { filter: input?.filter ?? "all", cursor: input?.cursor, limit: input?.limit ?? 10 }),
    ),
});
