// Live updates (B1) over server-sent events: each signed-in user receives only the changes that
// concern them (their orders, their stores, a rider's own deliveries and the open market), and
// no more of each than the screen needs (S6).
import { on } from "node:events";
import { storeIdsOf } from "@bloom/app";
import { liveMessageFor, type LiveChange } from "@bloom/domain";
import { liveChanges } from "../live";
import { authedProcedure, router } from "../trpc";

export const liveRouter = router({
  changes: authedProcedure.subscription(async function* ({ ctx, signal }) {
    const viewer = {
      role: ctx.user.role,
      id: ctx.user.id,
      storeIds: ctx.user.role === "OWNER" || ctx.user.role === "ADMIN" ? await storeIdsOf(ctx.db, ctx.user) : [],
    };
    // The first message tells the client it is (re)connected, so it refetches what it missed.
    yield { kind: "connected" as const };
    for await (const [change] of on(liveChanges(), "change", { signal })) {
      const message = liveMessageFor(change as LiveChange, viewer);
      if (message) yield message;
    }
  }),
});
