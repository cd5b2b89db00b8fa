// Prometheus scrape endpoint of this web process (C9). Not routed publicly: nginx and the Ingress
// keep /api/metrics inside the cluster.
import { metrics } from "~/server/metrics";

export const dynamic = "force-dynamic";
export async function GET() {
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType } });
}
