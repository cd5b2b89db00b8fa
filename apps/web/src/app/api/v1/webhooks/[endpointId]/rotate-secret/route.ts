// POST /api/v1/webhooks/{endpointId}/rotate-secret — a new signing secret (public API, X4).
import { rotateSecretRoute } from "~/server/rest/webhooks";

export const dynamic = "force-dynamic";
export const POST = rotateSecretRoute;
