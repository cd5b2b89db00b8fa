// next-auth (v4): email + password against identity_users, JWT sessions carrying the role.
import { verifyCredentials } from "@bloom/app";
import { signInSchema, type Role } from "@bloom/domain";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "~/env";
import { services } from "./services";
import { sessionCodec } from "./session-codec";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
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
      async authorize(credentials) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        return verifyCredentials(services().db, parsed.data.email, parsed.data.password);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role };
        token.uid = u.id;
        token.role = u.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user = { id: token.uid, role: token.role, email: token.email ?? "", name: token.name ?? "" };
      return session;
    },
  },
};

export const getSession = () => getServerSession(authOptions);
