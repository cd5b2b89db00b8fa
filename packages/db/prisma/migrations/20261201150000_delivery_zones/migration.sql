-- D1: a shop's coordinates and delivery zones (districts or a radius, each with a fee and a
-- minimum order; validated by the domain's deliveryZonesSchema). No zones: delivers anywhere, ₩0.
ALTER TABLE "store_stores" ADD COLUMN "lat" DOUBLE PRECISION,
ADD COLUMN "lng" DOUBLE PRECISION,
ADD COLUMN "delivery_zones" JSONB NOT NULL DEFAULT '[]';

-- D1: the delivery fee travels with the order (total_won = lines + fee).
ALTER TABLE "ordering_orders" ADD COLUMN "delivery_fee_won" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "store_orders" ADD COLUMN "delivery_fee_won" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "mypage_orders" ADD COLUMN "delivery_fee_won" INTEGER NOT NULL DEFAULT 0;

-- D6: what a rider decides on: the fee they earn, the shop's phone, the distance, what is carried.
ALTER TABLE "delivery_deliveries" ADD COLUMN "rider_fee_won" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "store_phone" TEXT NOT NULL DEFAULT '',
ADD COLUMN "distance_km" DOUBLE PRECISION,
ADD COLUMN "items" JSONB NOT NULL DEFAULT '[]';

-- The rider's "today" summary reads their completed deliveries by completion time.
CREATE INDEX "delivery_deliveries_rider_id_completed_at_idx" ON "delivery_deliveries"("rider_id", "completed_at");
