// POST /api/v1/orders — place and pay an order (public API).
import { placeOrderRoute } from "~/server/rest/orders";

export const POST = placeOrderRoute;
