import NextAuth from "next-auth";
import { authOptions } from "~/server/auth";
import { runSignIn } from "~/server/sign-in-throttle";

const handler = NextAuth(authOptions);
type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * A sign-in refused for too many attempts answers 429 with Retry-After. Nothing is parsed or
 * counted here: `authorize` counts what it verifies (sign-in-throttle.ts), on whatever path and
 * body next-auth accepted; this only turns its refusal into the HTTP answer.
 */
async function POST(req: Request, ctx: RouteContext) {
  const { response, retryAfterSec } = await runSignIn(() => handler(req, ctx) as Promise<Response>);
  if (retryAfterSec === undefined) return response;
  // next-auth's client reads `url` and its `error` parameter from a JSON answer; the page, the status.
  const url = new URL("/signin?error=TooManyAttempts", req.url).toString();
  return Response.json(
    { url, error: "TOO_MANY_REQUESTS", message: "Too many sign-in attempts. Please wait a minute and try again.", retryAfterSec },
    { status: 429, headers: { "Retry-After": String(retryAfterSec) } },
  );
}

export { handler as GET, POST };
