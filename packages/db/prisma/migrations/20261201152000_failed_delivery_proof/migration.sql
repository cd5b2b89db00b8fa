-- D4: a failed attempt (ATTEMPTED while the rider brings the bouquet back, RETURNED once it is at
-- the shop), rescheduled on the same row back to OPEN with its attempt counter, or refunded.
-- D5: proof at the door (a photo's storage key, a note) and a per-shop "photo required" setting.
ALTER TYPE "DeliveryStatus" ADD VALUE 'ATTEMPTED' BEFORE 'COMPLETED';
ALTER TYPE "DeliveryStatus" ADD VALUE 'RETURNED' BEFORE 'COMPLETED';

ALTER TABLE "delivery_deliveries" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "attempted_at" TIMESTAMP(3),
ADD COLUMN "attempt_reason" TEXT,
ADD COLUMN "attempt_note" TEXT,
ADD COLUMN "back_at_shop_at" TIMESTAMP(3),
ADD COLUMN "left_with" TEXT,
ADD COLUMN "proof_photo_key" TEXT,
ADD COLUMN "proof_note" TEXT,
ADD COLUMN "redelivery_fee_won" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "require_photo" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "store_orders" ADD COLUMN "attempted_at" TIMESTAMP(3),
ADD COLUMN "attempt_reason" TEXT,
ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "back_at_shop_at" TIMESTAMP(3),
ADD COLUMN "left_with" TEXT;

ALTER TABLE "store_stores" ADD COLUMN "require_delivery_photo" BOOLEAN NOT NULL DEFAULT false;

-- The redelivery fee is recorded on the order (not charged through the processor yet).
ALTER TABLE "ordering_orders" ADD COLUMN "redelivery_fee_won" INTEGER NOT NULL DEFAULT 0;
