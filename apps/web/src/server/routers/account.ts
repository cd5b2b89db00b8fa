// Accounts (C5): customers sign up here; sign-in itself is next-auth's credentials endpoint.
import { signUpCustomer } from "@bloom/app";
import { signUpSchema } from "@bloom/domain";
import { authedProcedure, orThrow, publicProcedure, router } from "../trpc";

export const accountRouter = router({
  signUp: publicProcedure
    .input(signUpSchema)
    .mutation(async ({ ctx, input }) => orThrow(await signUpCustomer(ctx.db, input)).user),
  me: authedProcedure.query(({ ctx }) => ctx.user),
  /** A no-op authenticated call: the framework's ceiling in the benchmark. */
  ping: authedProcedure.query(() => ({ pong: true })),
});
