// GET, POST /api/v1/webhooks — the client's webhook endpoints (public API, X4).
import { createEndpointRoute, listEndpointsRoute } from "~/server/rest/webhooks";

export const dynamic = "force-dynamic";
export const GET = listEndpointsRoute;
export const POST = createEndpointRoute;
