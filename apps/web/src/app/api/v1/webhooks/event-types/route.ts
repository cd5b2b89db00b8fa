// GET /api/v1/webhooks/event-types — the published webhook event types (public API, X4).
import { listEventTypesRoute } from "~/server/rest/webhooks";

export const dynamic = "force-dynamic";
export const GET = listEventTypesRoute;
