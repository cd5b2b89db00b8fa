-- W1: photo approval before dispatch. The shop's settings, and one row per order for its photo
-- and the sender's answer.
ALTER TABLE "store_stores" ADD COLUMN "require_arrangement_photo" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "store_stores" ADD COLUMN "approval_window_seconds" INTEGER NOT NULL DEFAULT 1800;

CREATE TABLE "store_arrangements" (
    "order_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "photo_key" TEXT NOT NULL,
    "substitutions" TEXT,
    "change_note" TEXT,
    "due_at" TIMESTAMPTZ(3),
    "submitted_by" UUID NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL,
    "change_requested_at" TIMESTAMPTZ(3),
    "approved_by" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "store_arrangements_pkey" PRIMARY KEY ("order_id"),
    CONSTRAINT "store_arrangements_status_check" CHECK ("status" IN ('AWAITING', 'CHANGE_REQUESTED', 'APPROVED', 'WITHDRAWN')),
    CONSTRAINT "store_arrangements_approved_by_check" CHECK ("approved_by" IS NULL OR "approved_by" IN ('sender', 'timeout'))
);

CREATE INDEX "store_arrangements_store_id_idx" ON "store_arrangements"("store_id");
-- The sweeper's read: the photos waiting past their window, oldest first. Only AWAITING rows are in it.
CREATE INDEX "store_arrangements_due_idx" ON "store_arrangements"("due_at") WHERE "status" = 'AWAITING';
