// Public API — orders (F1, F2, F11, F13): the same use cases as the tRPC router, for the client's
// own account. The Idempotency-Key header is the checkout's idempotency key: a retried POST
// places one order and takes one payment.
import { arrangementWithStepsForSender, cancelOrder, getOrderForCustomer, placeOrder } from "@bloom/app";
import { cancelOrderSchema } from "@bloom/domain";
import { z } from "zod";
import { countOrderCommand } from "../metrics";
import { LIMITS } from "../rate-limit";
import { services } from "../services";
import { apiRoute, json, readJson } from "./api-route";
import { ApiError, refusalError, validationError } from "./errors";
import { toOrder } from "./resources";
import { IDEMPOTENCY_KEY, placeOrderBodySchema } from "./schemas";

const orderIdOf = (id: string) => {
  if (!z.uuid().safeParse(id).success) throw new ApiError(404, "NOT_FOUND", "Order not found");
  return id;
};

export const placeOrderRoute = apiRoute({ scope: "orders:write", limit: LIMITS.apiOrders }, async ({ req, caller, log }) => {
  const key = req.headers.get(IDEMPOTENCY_KEY);
  if (!key) throw new ApiError(400, "VALIDATION", "The Idempotency-Key header is required (a UUID chosen once per order)", {}, IDEMPOTENCY_KEY);
  if (!z.uuid().safeParse(key).success) throw new ApiError(400, "VALIDATION", "The Idempotency-Key header must be a UUID", {}, IDEMPOTENCY_KEY);
  const body = placeOrderBodySchema.safeParse(await readJson(req));
  if (!body.success) throw validationError(body.error);

  const r = await placeOrder({ ...services(), log }, caller.userId, { ...body.data, idempotencyKey: key });
  countOrderCommand("place", r);
  if (!r.ok) throw refusalError(r);
  if (r.replayed) return json(toOrder(r.order), 200, { "Idempotent-Replayed": "true" });
  return json(toOrder(r.order), 201, { Location: `/api/v1/orders/${r.order.id}` });
});

export const getOrderRoute = apiRoute<{ orderId: string }>({ scope: "orders:read", limit: LIMITS.apiOrders }, async ({ params, caller }) => {
  const order = await getOrderForCustomer(services().db, caller.userId, orderIdOf(params.orderId));
  if (!order) throw new ApiError(404, "NOT_FOUND", "Order not found");
  return json(toOrder(order, await arrangementWithStepsForSender(services().db, caller.userId, order.id)));
});

export const cancelOrderRoute = apiRoute<{ orderId: string }>(
  { scope: "orders:write", limit: LIMITS.apiOrders },
  async ({ req, params, caller, log }) => {
    const orderId = orderIdOf(params.orderId);
    const body = cancelOrderSchema.safeParse(await readJson(req));
    if (!body.success) throw validationError(body.error);
    const r = await cancelOrder({ ...services(), log }, caller.userId, orderId, body.data.reason ?? null);
    countOrderCommand("cancel", r);
    if (!r.ok) throw refusalError(r);
    return json(toOrder(r.order));
  },
);
