-- W3: a board for a busy day.
-- The cancellation's time and the customer's reason, for the board's banner.
ALTER TABLE "store_orders" ADD COLUMN "cancelled_at" TIMESTAMP(3),
ADD COLUMN "cancel_reason" TEXT;

-- Open work (New, Accepted) is read whole for a day and slot, however old: a small index of only
-- the open rows, in the board's order, whatever the shop's history.
CREATE INDEX "store_orders_open_by_slot_idx" ON "store_orders"("store_id", "delivery_date", "time_slot")
  WHERE "status" IN ('NEW', 'ACCEPTED');

-- Arranged bouquets split into Ready (at the shop, or back after a failed attempt) and Done
-- (picked up), each read by latest change: without these the board walks every delivered order
-- of the window to find the few still waiting (or the other way round).
CREATE INDEX "store_orders_ready_idx" ON "store_orders"("store_id", "updated_at")
  WHERE "status" = 'DECORATED' AND ("picked_up_at" IS NULL OR "attempted_at" IS NOT NULL);
CREATE INDEX "store_orders_sent_idx" ON "store_orders"("store_id", "updated_at")
  WHERE "status" = 'DECORATED' AND "picked_up_at" IS NOT NULL AND "attempted_at" IS NULL;
