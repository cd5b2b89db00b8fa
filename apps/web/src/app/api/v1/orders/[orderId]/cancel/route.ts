// POST /api/v1/orders/{orderId}/cancel — cancel an order until its delivery starts (public API).
import { cancelOrderRoute } from "~/server/rest/orders";

export const POST = cancelOrderRoute;
