-- Read scale, second pass (issue 7, `npm run bench -- --scale` over 1,000,000 orders).
-- (No semicolons in these comments: the migration script is split into statements on them.)
-- The board reads each (store, status) lane on its own: open orders newest first from
-- (store_id, status, created_at), finished ones still inside the two-week window from
-- (store_id, status, updated_at). The created_at-only index served the old board query only.
DROP INDEX "store_orders_created_at_idx";
CREATE INDEX "store_orders_store_id_status_updated_at_idx" ON "store_orders"("store_id", "status", "updated_at");

-- The rider's open requests come in (delivery_date, created_at) order: read them off the index
-- instead of sorting every open request.
DROP INDEX "delivery_deliveries_status_created_at_idx";
CREATE INDEX "delivery_deliveries_status_delivery_date_created_at_idx" ON "delivery_deliveries"("status", "delivery_date", "created_at");

-- MyPage orders by (placed_at DESC, order_id DESC): with order_id in the index no sort step is
-- needed, on the first page or after a cursor.
DROP INDEX "mypage_orders_customer_id_placed_at_idx";
CREATE INDEX "mypage_orders_customer_id_placed_at_order_id_idx" ON "mypage_orders"("customer_id", "placed_at" DESC, "order_id" DESC);
