-- A delivery recalled by the customer's cancellation (the rider had already picked it up) is
-- confirmed back at the shop by the rider, and the store hears of it (policy "store-pickup").
ALTER TABLE "delivery_deliveries" ADD COLUMN "returned_at" TIMESTAMP(3);
ALTER TABLE "store_orders" ADD COLUMN "returned_at" TIMESTAMP(3);
