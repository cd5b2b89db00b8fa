// Messages outside the app (X1): the customer's email settings — the language and the kinds
// turned off (receipts cannot be). Only the caller's own.
import { emailPreferencesOf, rememberMessageLocale, setEmailPreferences } from "@bloom/app";
import { emailPreferencesSchema, messageLocaleSchema } from "@bloom/domain";
import { customerProcedure, orThrow, router } from "../trpc";

export const notificationRouter = router({
  emailPreferences: customerProcedure.query(({ ctx }) => emailPreferencesOf(ctx.db, ctx.user.id)),
  setEmailPreferences: customerProcedure.input(emailPreferencesSchema.extend(messageLocaleSchema.shape)).mutation(async ({ ctx, input }) => {
    orThrow(await rememberMessageLocale(ctx.db, ctx.user.id, input.locale));
    return orThrow(
      await setEmailPreferences(ctx.db, ctx.user.id, {
        optedOut: input.optedOut,
      }),
    ).preferences;
  }),
});
