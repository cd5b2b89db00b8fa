// Prometheus scrape endpoint of this web process (C9). Kept inside: nginx answers 404 for it, and
// where an Ingress exposes the app, METRICS_TOKEN makes it answer only Prometheus's bearer token.
import { timingSafeEqual } from "node:crypto";
import { env } from "~/env";
import { metrics } from "~/server/metrics";

export const dynamic = "force-dynamic";

function authorized(req: Request): boolean {
  if (!env.METRICS_TOKEN) return true;
  const given = Buffer.from(req.headers.get("authorization") ?? "");
  const wanted = Buffer.from(`Bearer ${env.METRICS_TOKEN}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function GET(req: Request) {
  if (!authorized(req)) return new Response("unauthorized\n", { status: 401, headers: { "www-authenticate": "Bearer" } });
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
