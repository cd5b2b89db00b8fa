-- D3: pickup is its own step. A rider claims the request (CLAIMED), may say they are at the shop
-- (AT_SHOP), and the rider or the florist confirms the handover (STARTED, as before: picked up).
-- The customer can cancel until then. The store's board shows the claim and the arrival.
ALTER TYPE "DeliveryStatus" ADD VALUE 'CLAIMED' BEFORE 'STARTED';
ALTER TYPE "DeliveryStatus" ADD VALUE 'AT_SHOP' BEFORE 'STARTED';

CREATE TYPE "PickupConfirmer" AS ENUM ('RIDER', 'OWNER');

ALTER TABLE "delivery_deliveries" ADD COLUMN "claimed_at" TIMESTAMP(3),
ADD COLUMN "arrived_at" TIMESTAMP(3),
ADD COLUMN "picked_up_by" "PickupConfirmer";

ALTER TABLE "store_orders" ADD COLUMN "claimed_at" TIMESTAMP(3),
ADD COLUMN "arrived_at" TIMESTAMP(3);

-- Before D3 the rider's "Take and start" was the claim and the pickup in one tap.
UPDATE "delivery_deliveries" SET "claimed_at" = "started_at", "picked_up_by" = 'RIDER' WHERE "started_at" IS NOT NULL;
