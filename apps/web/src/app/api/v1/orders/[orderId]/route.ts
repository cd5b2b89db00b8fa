// GET /api/v1/orders/{orderId} — an order the client placed (public API).
import { getOrderRoute } from "~/server/rest/orders";

export const dynamic = "force-dynamic";
export const GET = getOrderRoute;
