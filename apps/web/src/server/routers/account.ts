// Accounts (C5): customers sign up here; sign-in itself is next-auth's credentials endpoint.
import { isPasswordRefusal, signUpCustomer, type PasswordRefusal } from "@bloom/app";
import { signUpSchema } from "@bloom/domain";
import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import { authedProcedure, orThrow, publicProcedure, router } from "../trpc";

/**
 * The password policy runs on the server only (its dictionaries stay out of the browser), yet its
 * refusal reaches the client like the shared schema's own: 400 with `fieldErrors.password`.
 */
function passwordRefusalError(r: PasswordRefusal): TRPCError {
  // ZodRealError, the one zod's own parse throws: zod 4's plain ZodError is no Error, and tRPC
  // would wrap it out of the formatter's sight.
  const cause = Object.assign(new ZodRealError([{ code: "custom", path: [r.field], message: r.message, input: undefined }]), { domainCode: r.code });
  return new TRPCError({ code: "BAD_REQUEST", message: r.message, cause });
}

export const accountRouter = router({
  /** `{ ok: true }` whether the email was new or already had an account (S5): the answer tells nobody which. */
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    const r = await signUpCustomer(ctx, input);
    if (isPasswordRefusal(r)) throw passwordRefusalError(r);
    return orThrow(r);
  }),
  me: authedProcedure.query(({ ctx }) => ctx.user),
  /** A no-op authenticated call: the framework's ceiling in the benchmark. */
  ping: authedProcedure.query(() => ({ pong: true })),
});
