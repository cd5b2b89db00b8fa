-- Read scale (issue 7, measured by `npm run bench -- --scale` over 1,000,000 orders).
-- The board lists the newest store orders of an owner's shops: walk created_at backwards instead
-- of sorting every order those shops ever had.
CREATE INDEX "store_orders_created_at_idx" ON "store_orders"("created_at");

-- The board's unread count reaches the unread rows (read_at IS NULL) directly.
CREATE INDEX "store_notifications_store_id_read_at_idx" ON "store_notifications"("store_id", "read_at");

-- A rider's own deliveries, newest first per status, without sorting their whole history.
DROP INDEX "delivery_deliveries_rider_id_status_idx";
CREATE INDEX "delivery_deliveries_rider_id_status_updated_at_idx" ON "delivery_deliveries"("rider_id", "status", "updated_at");
