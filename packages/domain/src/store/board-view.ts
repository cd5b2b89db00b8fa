// W3: how the store board is cut for a busy day — its lanes, the day and slot filter, the order
// of cards within a lane, and the paging of Done. The one source of these rules: the board's SQL
// (packages/app/src/store/board.ts) and the web board both follow what is written here.
import { z } from "zod";
import { isCalendarDate } from "../ordering/delivery-date";
import { TIME_SLOTS } from "../ordering/checkout";
export * from "./board-lanes";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a day")
  .refine(isCalendarDate, "This date does not exist");

/** Where Done continues: the last card's latest change and id (newest first, ties by id). */
export const boardCursorSchema = z.object({ updatedAt: z.iso.datetime(), id: z.uuid() });
export type BoardCursor = z.infer<typeof boardCursorSchema>;

/**
 * What the owner asks the board for. No `day`: every day. `day` = today also holds the open work
 * of earlier days (an overdue order must not vanish from "today"). With a `cursor`: the next page
 * of Done only.
 */
export const boardQuerySchema = z.object({
  storeId: z.uuid().optional(),
  day: day.optional(),
  slot: z.enum(TIME_SLOTS).optional(),
  cursor: boardCursorSchema.nullish(),
});
export type BoardQuery = z.infer<typeof boardQuerySchema>;
