// Cancelling an order (F11): the request schema shared by the tRPC router and the REST adapter.
import { z } from "zod";

export const CANCEL_REASON_MAX = 200;

export const cancelOrderSchema = z.object({
  reason: z.string().trim().max(CANCEL_REASON_MAX, `Reason is limited to ${CANCEL_REASON_MAX} characters`).optional(),
});

