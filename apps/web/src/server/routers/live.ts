// Live updates (B1) over server-sent events: each signed-in user receives only the changes that
// concern them (their orders, their stores, the riders' open market).
import { on } from "node:events";
import { storeIdsOf } from "@bloom/app";
import { liveChangeVisibleTo, type LiveChange } from "@bloom/domain";
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
      const c = change as LiveChange;
      if (liveChangeVisibleTo(c, viewer)) yield { kind: "change" as const, orderId: c.orderId, type: c.type };
    }
  }),
});
