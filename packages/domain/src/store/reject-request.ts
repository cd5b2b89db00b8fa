// Rejecting an order (F6): the request schema the owner's board and the server share.
import { z } from "zod";
import { REJECT_REASONS } from "../events/catalog";
import { textField } from "../shared/text";

export { REJECT_DETAIL_MAX } from "./reject-reasons";
import { REJECT_DETAIL_MAX } from "./reject-reasons";

export const rejectOrderSchema = z.object({
  reason: z.enum(REJECT_REASONS, "Pick a reason"),
  detail: textField({ max: REJECT_DETAIL_MAX, multiline: true, messages: { tooLong: `Detail is limited to ${REJECT_DETAIL_MAX} characters` } }).optional(),
});
export type RejectOrderInput = z.infer<typeof rejectOrderSchema>;
