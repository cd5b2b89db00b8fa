// The recipient's tracking link (X2), no account: the token is the authority for one order. A
// wrong or altered token is NOT_FOUND (404) before anything is read. The view has no price, and
// no sender when the sender chose anonymous; live changes say only that something changed.
import { on } from "node:events";
import { rescheduleForRecipient, trackOrder, verifyTrackingToken } from "@bloom/app";
import { recipientSlotSchema, type LiveChange } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { env } from "~/env";
import { liveChanges } from "../live";
import { hit, LIMITS } from "../rate-limit";
import { orThrow, publicProcedure, router, tooManyRequests } from "../trpc";

const tokenInput = z.object({ token: z.string().max(64) });

function orderIdOf(token: string): string {
  const orderId = verifyTrackingToken(token, env.TRACKING_LINK_SECRET);
  if (!orderId) throw new TRPCError({ code: "NOT_FOUND", message: "This tracking link does not exist" });
  return orderId;
}

export const trackingRouter = router({
  view: publicProcedure.input(tokenInput).query(async ({ ctx, input }) => {
    const view = await trackOrder(ctx.db, orderIdOf(input.token));
    if (!view) throw new TRPCError({ code: "NOT_FOUND", message: "This tracking link does not exist" });
    return view;
  }),
  /** Live: "changed" for this order only (the page then refetches its view); first "connected". */
  changes: publicProcedure.input(tokenInput).subscription(async function* ({ input, signal }) {
    const orderId = orderIdOf(input.token);
    yield { kind: "connected" as const };
    for await (const [change] of on(liveChanges(), "change", { signal })) {
      if ((change as LiveChange).orderId === orderId) yield { kind: "change" as const };
    }
  }),
  /** After a failed attempt, the recipient picks a new slot: the shop's reschedule rules, rate-limited per link. */
  chooseSlot: publicProcedure.input(tokenInput.extend(recipientSlotSchema.shape)).mutation(async ({ ctx, input }) => {
    const orderId = orderIdOf(input.token);
    const limited = await hit(LIMITS.trackingReschedule, orderId);
    if (limited.limited) throw tooManyRequests(limited.retryAfterSec);
    // An expired link cannot act either.
    if (!(await trackOrder(ctx.db, orderId))) throw new TRPCError({ code: "NOT_FOUND", message: "This tracking link does not exist" });
    orThrow(await rescheduleForRecipient(ctx, orderId, { deliveryDate: input.deliveryDate, timeSlot: input.timeSlot }));
    return { ok: true as const };
  }),
});
