// Cancelling an order (F11): the request schema shared by the tRPC router and the REST adapter.
import { z } from "zod";
import { textField } from "../shared/text";

export const CANCEL_REASON_MAX = 200;

export const cancelOrderSchema = z.object({
  reason: textField({ max: CANCEL_REASON_MAX, multiline: true, messages: { tooLong: `Reason is limited to ${CANCEL_REASON_MAX} characters` } }).optional(),
});

