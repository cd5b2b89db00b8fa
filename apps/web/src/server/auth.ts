// next-auth (v4): email + password against identity_users, JWT sessions carrying the role.
import { verifyCredentials } from "@bloom/app";
import { signInSchema, type Role } from "@bloom/domain";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cache } from "react";
import { env } from "~/env";
import { clientIp } from "./client-address";
import { services } from "./services";
import { authLogger, checked, sessionCallbacks, sessionEvents } from "./session-check";
import { sessionCodec } from "./session-codec";
import { throttledSignIn } from "./sign-in-throttle";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    /** The account's session version at sign-in (S2); absent in tokens issued before versions. */
    sessionVersion?: number;
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  jwt: sessionCodec,
  // Secure, __Secure-prefixed session cookies whenever the site is served over https.
  useSecureCookies: env.secureCookies,
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Throttled here, on the very values that are verified (S1): see sign-in-throttle.ts.
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials);
        const email = parsed.success ? parsed.data.email : null;
        return throttledSignIn({ ip: clientIp(req.headers ?? {}), email }, async () =>
          parsed.success ? verifyCredentials(services().db, parsed.data.email, parsed.data.password) : null,
        );
      },
    }),
  ],
  // Every signed-in request is checked against the account's session version (S2).
  callbacks: sessionCallbacks,
  events: sessionEvents,
  logger: authLogger,
};

/**
 * The signed-in session, or null. Memoised per server render (a page asks from its layout, header
 * and gate: one check, not three); a session the database could not check throws.
 */
export const getSession = cache(async () => checked(await getServerSession(authOptions)));
