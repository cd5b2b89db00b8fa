// GET, PATCH, DELETE /api/v1/webhooks/{endpointId} — one of the client's webhook endpoints (public API, X4).
import { deleteEndpointRoute, getEndpointRoute, updateEndpointRoute } from "~/server/rest/webhooks";

export const dynamic = "force-dynamic";
export const GET = getEndpointRoute;
export const PATCH = updateEndpointRoute;
export const DELETE = deleteEndpointRoute;
