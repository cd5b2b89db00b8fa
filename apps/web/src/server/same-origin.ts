// S3: whether a mutation comes from a page of this site — shared by the tRPC endpoint and the
// route handlers that take a form (the rider's delivery photo, D5).
import { env } from "~/env";

const siteOrigin = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null;

/**
 * Whether a mutation comes from a page of this site: its Origin (or, without one, its Referer) is
 * the configured site URL or the host the request was sent to. Browsers send Origin on every
 * cross-origin POST, forms included, and an Origin of "null" (sandboxed frames, opaque redirects)
 * is refused. With neither header the caller is not a browser page (scripts, tests) and cannot carry
 * a victim's cookie; Sec-Fetch-Site, when a browser sends it, still has to say same-origin.
 */
export function fromThisSite(req: Request): boolean {
  const source = req.headers.get("origin") ?? req.headers.get("referer");
  if (source === null) {
    const fetchSite = req.headers.get("sec-fetch-site");
    return fetchSite === null || fetchSite === "same-origin" || fetchSite === "none";
  }
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return false;
  }
  return url.origin === siteOrigin || url.host === req.headers.get("host");
}

