-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CUSTOMER', 'OWNER', 'RIDER', 'ADMIN');

-- CreateEnum
CREATE TYPE "StoreOrderStatus" AS ENUM ('NEW', 'ACCEPTED', 'DECORATED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PLACED', 'ACCEPTED', 'DECORATED', 'DELIVERING', 'DELIVERED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('APPROVED', 'REFUNDED', 'VOIDED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('OPEN', 'STARTED', 'COMPLETED', 'CANCELLED');

-- CreateTable
CREATE TABLE "identity_users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_stores" (
    "id" UUID NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "image_url" TEXT NOT NULL,
    "opens_at" INTEGER NOT NULL DEFAULT 9,
    "closes_at" INTEGER NOT NULL DEFAULT 21,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_stores_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_bouquets" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "price_won" INTEGER NOT NULL,
    "stock" INTEGER NOT NULL,
    "image_url" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "store_bouquets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_orders" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "status" "StoreOrderStatus" NOT NULL DEFAULT 'NEW',
    "lines" JSONB NOT NULL DEFAULT '[]',
    "total_won" INTEGER NOT NULL DEFAULT 0,
    "recipient_name" TEXT NOT NULL DEFAULT '',
    "recipient_phone" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "delivery_date" TEXT NOT NULL DEFAULT '',
    "time_slot" TEXT NOT NULL DEFAULT '',
    "gift_message" TEXT,
    "note" TEXT,
    "over_stock" BOOLEAN NOT NULL DEFAULT false,
    "reject_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "store_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_notifications" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "message" TEXT NOT NULL,
    "read_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ordering_orders" (
    "id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "store_name" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'PLACED',
    "total_won" INTEGER NOT NULL,
    "recipient_name" TEXT NOT NULL,
    "recipient_phone" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "delivery_date" TEXT NOT NULL,
    "time_slot" TEXT NOT NULL,
    "gift_message" TEXT,
    "note" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "payment_id" UUID NOT NULL,
    "card_brand" TEXT NOT NULL,
    "card_last4" TEXT NOT NULL,
    "refunded" BOOLEAN NOT NULL DEFAULT false,
    "status_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ordering_orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ordering_order_lines" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "bouquet_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "unit_price_won" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ordering_order_lines_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ordering_order_history" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ordering_order_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_payments" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "customer_id" UUID NOT NULL,
    "amount_won" INTEGER NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "provider_ref" TEXT NOT NULL,
    "card_brand" TEXT NOT NULL,
    "card_last4" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refunded_at" TIMESTAMP(3),

    CONSTRAINT "payment_payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_sandbox_charges" (
    "id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "amount_won" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "card_brand" TEXT NOT NULL,
    "card_last4" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payment_sandbox_charges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_deliveries" (
    "id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "store_name" TEXT NOT NULL DEFAULT '',
    "pickup_address" TEXT NOT NULL DEFAULT '',
    "dropoff_address" TEXT NOT NULL DEFAULT '',
    "recipient_name" TEXT NOT NULL DEFAULT '',
    "recipient_phone" TEXT NOT NULL DEFAULT '',
    "delivery_date" TEXT NOT NULL DEFAULT '',
    "time_slot" TEXT NOT NULL DEFAULT '',
    "status" "DeliveryStatus" NOT NULL DEFAULT 'OPEN',
    "rider_id" UUID,
    "rider_name" TEXT,
    "started_at" TIMESTAMP(3),
    "completed_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "delivery_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mypage_orders" (
    "order_id" UUID NOT NULL,
    "customer_id" UUID,
    "store_name" TEXT NOT NULL,
    "items_summary" TEXT NOT NULL,
    "total_won" INTEGER NOT NULL,
    "order_status" TEXT NOT NULL,
    "delivery_status" TEXT NOT NULL,
    "payment_status" TEXT NOT NULL,
    "rider_name" TEXT,
    "delivery_date" TEXT NOT NULL,
    "time_slot" TEXT NOT NULL,
    "timeline" JSONB NOT NULL,
    "events" JSONB NOT NULL,
    "placed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "mypage_orders_pkey" PRIMARY KEY ("order_id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "order_id" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL,
    "published_at" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "seq" BIGSERIAL NOT NULL,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inbox_processed_events" (
    "consumer" TEXT NOT NULL,
    "event_id" UUID NOT NULL,
    "processed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_processed_events_pkey" PRIMARY KEY ("consumer","event_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "identity_users_email_key" ON "identity_users"("email");

-- CreateIndex
CREATE INDEX "store_stores_owner_id_idx" ON "store_stores"("owner_id");

-- CreateIndex
CREATE INDEX "store_bouquets_store_id_idx" ON "store_bouquets"("store_id");

-- CreateIndex
CREATE UNIQUE INDEX "store_orders_order_id_key" ON "store_orders"("order_id");

-- CreateIndex
CREATE INDEX "store_orders_store_id_status_created_at_idx" ON "store_orders"("store_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "store_notifications_store_id_created_at_idx" ON "store_notifications"("store_id", "created_at");

-- CreateIndex
CREATE INDEX "ordering_orders_customer_id_created_at_idx" ON "ordering_orders"("customer_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "ordering_orders_customer_id_idempotency_key_key" ON "ordering_orders"("customer_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "ordering_order_lines_order_id_idx" ON "ordering_order_lines"("order_id");

-- CreateIndex
CREATE INDEX "ordering_order_history_order_id_at_idx" ON "ordering_order_history"("order_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_payments_order_id_key" ON "payment_payments"("order_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_payments_provider_ref_key" ON "payment_payments"("provider_ref");

-- CreateIndex
CREATE UNIQUE INDEX "payment_sandbox_charges_idempotency_key_key" ON "payment_sandbox_charges"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_deliveries_order_id_key" ON "delivery_deliveries"("order_id");

-- CreateIndex
CREATE INDEX "delivery_deliveries_status_created_at_idx" ON "delivery_deliveries"("status", "created_at");

-- CreateIndex
CREATE INDEX "delivery_deliveries_rider_id_status_idx" ON "delivery_deliveries"("rider_id", "status");

-- CreateIndex
CREATE INDEX "mypage_orders_customer_id_placed_at_idx" ON "mypage_orders"("customer_id", "placed_at" DESC);

-- CreateIndex
CREATE INDEX "outbox_events_published_at_seq_idx" ON "outbox_events"("published_at", "seq");

-- CreateIndex
CREATE INDEX "outbox_events_type_seq_idx" ON "outbox_events"("type", "seq");

-- CreateIndex
CREATE INDEX "outbox_events_order_id_seq_idx" ON "outbox_events"("order_id", "seq");

-- AddForeignKey
ALTER TABLE "store_bouquets" ADD CONSTRAINT "store_bouquets_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store_stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ordering_order_lines" ADD CONSTRAINT "ordering_order_lines_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "ordering_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ordering_order_history" ADD CONSTRAINT "ordering_order_history_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "ordering_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
