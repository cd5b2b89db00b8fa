// GET /api/v1/webhooks/{endpointId}/deliveries — recent deliveries with their attempts (public API, X4).
import { listDeliveriesRoute } from "~/server/rest/webhooks";

export const dynamic = "force-dynamic";
export const GET = listDeliveriesRoute;
