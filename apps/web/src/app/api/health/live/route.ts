// Liveness: the process answers. No dependencies checked (a DB outage must not restart us).
export const dynamic = "force-dynamic";
export function GET() {
  return Response.json({ status: "ok" });
}
