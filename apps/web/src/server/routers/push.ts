// Web push devices (X3): the board's and the rider screen's "Ring this device" saves this browser's
// subscription, and removes it when turned off. Owners and riders only (the use case refuses others).
import { removePushSubscription, savePushSubscription } from "@bloom/app";
import { pushSubscriptionSchema, pushUnsubscribeSchema } from "@bloom/domain";
import { env } from "~/env";
import { authedProcedure, orThrow, router } from "../trpc";

// X3: only the push services' hosts (PUSH_SERVICE_HOSTS), refused before anything is stored.
const saveInput = pushSubscriptionSchema({ allowLoopbackHttp: env.PUSH_ALLOW_LOOPBACK_HTTP === "1", hosts: env.PUSH_SERVICE_HOSTS });

export const pushRouter = router({
  /** The VAPID public key browsers subscribe with, or null when push is not configured here. */
  config: authedProcedure.query(() => ({ publicKey: env.VAPID_PUBLIC_KEY ?? null })),
  save: authedProcedure.input(saveInput).mutation(async ({ ctx, input }) => {
    const r = orThrow(await savePushSubscription(ctx.db, ctx.user, input));
    return { audience: r.audience };
  }),
  remove: authedProcedure.input(pushUnsubscribeSchema).mutation(({ ctx, input }) => removePushSubscription(ctx.db, ctx.user.id, input.endpoint)),
});
