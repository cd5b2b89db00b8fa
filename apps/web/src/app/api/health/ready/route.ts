// Readiness = can take orders (C6, E5): PostgreSQL reachable, the payment breaker not open, not
// shutting down. Redis down answers 200 with `degraded: ["redis"]` in the body (see server/health).
import { checkReadiness } from "~/server/health";

export const dynamic = "force-dynamic";
export async function GET() {
  const r = await checkReadiness();
  return Response.json(r, { status: r.ready ? 200 : 503 });
}
