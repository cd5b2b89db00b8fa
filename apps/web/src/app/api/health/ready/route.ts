// Readiness: PostgreSQL and Redis reachable, and not shutting down (C6).
import { checkReadiness } from "~/server/health";

export const dynamic = "force-dynamic";
export async function GET() {
  const r = await checkReadiness();
  return Response.json(r, { status: r.ready ? 200 : 503 });
}
