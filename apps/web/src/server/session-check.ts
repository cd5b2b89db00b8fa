// Sessions end when the account says so (S2): a session token carries the session version it was
// issued under, and next-auth's jwt callback (run by getServerSession and /api/auth/session on every
// signed-in request) holds it against the account's current version and role. Sign-out moves the
// version on, and so do a password or role change (packages/app identity), ending every older
// session on every device and every web process at its next request.
import { currentSession, endSessionsOf } from "@bloom/app";
import type { Role } from "@bloom/domain";
import type { NextAuthOptions, Session } from "next-auth";
import { services } from "./services";

/** Thrown by the jwt callback: next-auth then answers "signed out" and clears the cookie. */
class SessionEnded extends Error {
  override name = "SessionEnded";
}

/** A session next-auth decoded but the database could not check (PostgreSQL unreachable). */
export class SessionUnchecked extends Error {
  override name = "SessionUnchecked";
}

// Marks a token whose check failed for this request only: JSON (the cookie) leaves symbol keys
// out, so the mark never outlives the request.
const UNCHECKED = Symbol("session unchecked");
type Marked = { [UNCHECKED]?: true };

export const sessionCallbacks: NonNullable<NextAuthOptions["callbacks"]> = {
  async jwt({ token, user }) {
    if (user) {
      // Signing in: verifyCredentials has just read the account, version included.
      const u = user as unknown as { id: string; role: Role; sessionVersion: number };
      token.uid = u.id;
      token.role = u.role;
      token.sessionVersion = u.sessionVersion;
      return token;
    }
    if (!token.uid) throw new SessionEnded("session token without a user");
    let current;
    try {
      current = await currentSession(services().db, token.uid);
    } catch (err) {
      // A database outage must not sign everyone out (the session route would clear the cookie):
      // this request fails instead (see getSession), and the next one checks again.
      services().log.warn({ err: String(err) }, "session could not be checked");
      return Object.assign(token, { [UNCHECKED]: true } satisfies Marked);
    }
    // Tokens from before session versions carry none: they were issued under the column's default, 0.
    if (!current || current.version !== (token.sessionVersion ?? 0) || current.role !== token.role) {
      throw new SessionEnded("the account's sessions were ended (sign-out, password or role change)");
    }
    return token;
  },
  session({ session, token }) {
    session.user = { id: token.uid, role: token.role, email: token.email ?? "", name: token.name ?? "" };
    if ((token as Marked)[UNCHECKED]) (session as Session & { unchecked?: true }).unchecked = true;
    return session;
  },
};

export const sessionEvents: NonNullable<NextAuthOptions["events"]> = {
  // next-auth has verified the CSRF token and decoded the session by now; a token already ended
  // changes nothing (see endSessionsOf).
  async signOut({ token }) {
    if (token?.uid) await endSessionsOf(services().db, token.uid, token.sessionVersion ?? 0);
  },
};

/**
 * next-auth's errors as our structured log lines. An ended session is routine, and a cookie that
 * does not decode is the client's doing (a forged or cut token): neither is our error.
 */
export const authLogger: NonNullable<NextAuthOptions["logger"]> = {
  error(code, metadata) {
    const err = metadata instanceof Error ? metadata : (metadata as { error?: unknown }).error;
    const message = err instanceof Error ? err.message : String(err ?? JSON.stringify(metadata));
    if (err instanceof SessionEnded) services().log.info({ code, reason: message }, "session ended");
    else if (code === "JWT_SESSION_ERROR") services().log.warn({ code, reason: message }, "session token refused");
    else services().log.error({ code, err: message }, `next-auth: ${code}`);
  },
};

/** The session as getServerSession answers it, or a throw when it could not be checked. */
export function checked(session: Session | null): Session | null {
  if (session && (session as Session & { unchecked?: true }).unchecked) throw new SessionUnchecked("the session could not be checked; try again");
  return session;
}
