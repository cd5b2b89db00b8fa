// Sign-in throttling (S1), run inside next-auth's `authorize`: it counts the credentials next-auth
// actually verifies (its own parse of the body, the normalised email), so neither a decoy field
// before the real one nor another spelling of the callback path steps around it. Two counts:
// failed attempts per account, and every attempt per client address across emails (spraying).
import { AsyncLocalStorage } from "node:async_hooks";
import { forgive, hit, LIMITS } from "./rate-limit";

type Refusal = { retryAfterSec?: number };
// On globalThis: the route and auth.ts must share one store even if bundled into separate chunks.
const g = globalThis as unknown as { __bloomSignInRefusal?: AsyncLocalStorage<Refusal> };
const refusal = (g.__bloomSignInRefusal ??= new AsyncLocalStorage<Refusal>());

/**
 * Runs `verify` unless the address or the account is over its limit. The account's attempt is
 * counted before the password is checked (so a burst of parallel guesses cannot all slip past a
 * count that lands afterwards) and given back when the password was right: only failures count.
 */
export async function throttledSignIn<U>(who: { ip: string; email: string | null }, verify: () => Promise<U | null>): Promise<U | null> {
  const perIp = await hit(LIMITS.signInPerIp, who.ip);
  if (perIp.limited) refuse(perIp.retryAfterSec);
  if (who.email === null) return verify();
  const perAccount = await hit(LIMITS.signIn, who.email);
  if (perAccount.limited) refuse(perAccount.retryAfterSec);
  const user = await verify();
  if (user) await forgive(LIMITS.signIn, who.email);
  return user;
}

/** `authorize` can only throw or return null; the wait travels to the route beside the throw. */
function refuse(retryAfterSec: number): never {
  const r = refusal.getStore();
  if (r) r.retryAfterSec = retryAfterSec;
  throw new Error("TooManyAttempts"); // next-auth answers 401 with ?error=TooManyAttempts
}

/** Runs next-auth's handler and tells whether a sign-in in it was refused, and for how long. */
export async function runSignIn(handle: () => Promise<Response>): Promise<{ response: Response; retryAfterSec?: number }> {
  const r: Refusal = {};
  const response = await refusal.run(r, handle);
  return { response, retryAfterSec: r.retryAfterSec };
}
