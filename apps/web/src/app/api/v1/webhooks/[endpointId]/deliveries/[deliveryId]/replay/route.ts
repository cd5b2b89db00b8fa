// POST /api/v1/webhooks/{endpointId}/deliveries/{deliveryId}/replay — send a delivery again (public API, X4).
import { replayDeliveryRoute } from "~/server/rest/webhooks";

export const dynamic = "force-dynamic";
export const POST = replayDeliveryRoute;
