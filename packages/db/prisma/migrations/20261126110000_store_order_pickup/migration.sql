-- The store hears that its arranged bouquet was picked up and delivered (policy "store-pickup"),
-- so the board moves those orders out of "Ready for pickup".
ALTER TABLE "store_orders" ADD COLUMN "delivered_at" TIMESTAMP(3),
ADD COLUMN "picked_up_at" TIMESTAMP(3),
ADD COLUMN "rider_name" TEXT;
