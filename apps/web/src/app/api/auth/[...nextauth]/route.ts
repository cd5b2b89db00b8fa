import NextAuth from "next-auth";
import { authOptions } from "~/server/auth";
import { clientIp, hit, LIMITS } from "~/server/rate-limit";

const handler = NextAuth(authOptions);
type RouteContext = { params: Promise<{ nextauth: string[] }> };

/** Credential sign-in is rate limited per client IP + email: 429 with Retry-After past the limit. */
async function POST(req: Request, ctx: RouteContext) {
  if (new URL(req.url).pathname.endsWith("/callback/credentials")) {
    const form = await req.clone().formData().catch(() => null);
    const email = String(form?.get("email") ?? "").trim().toLowerCase();
    const r = await hit(LIMITS.signIn, `${clientIp(req.headers)}:${email}`);
    if (r.limited) {
      // next-auth's client reads `url` and its `error` parameter from a JSON answer.
      const url = new URL("/signin?error=TooManyAttempts", req.url).toString();
      return Response.json(
        { url, error: "TOO_MANY_REQUESTS", message: "Too many sign-in attempts. Please wait a minute and try again.", retryAfterSec: r.retryAfterSec },
        { status: 429, headers: { "Retry-After": String(r.retryAfterSec) } },
      );
    }
  }
  return handler(req, ctx);
}

export { handler as GET, POST };
