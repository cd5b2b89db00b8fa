-- W7: the owner's sales read a shop's orders by the time they were placed; without this index a
-- shop's 30 days were a scan of every shop's orders.
CREATE INDEX "ordering_orders_store_id_created_at_idx" ON "ordering_orders"("store_id", "created_at");
