-- X2: a checkout option: the sender is not named to the recipient (tracking page, SMS).
ALTER TABLE "ordering_orders" ADD COLUMN "send_anonymously" BOOLEAN NOT NULL DEFAULT false;
