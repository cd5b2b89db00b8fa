-- Issue 19 (X1, X5): the notification context's own tables. Messages planned by a channel's
-- policy (one row per idempotency key) and sent by the worker's dispatcher; the customer's
-- language and opted-out kinds. No other context's table changes (C1).
CREATE TABLE "notify_messages" (
    "id" UUID NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "order_id" UUID,
    "event_id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "notify_messages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notify_messages_channel_check" CHECK ("channel" IN ('email', 'sms', 'push')),
    CONSTRAINT "notify_messages_status_check" CHECK ("status" IN ('pending', 'sent', 'dead', 'skipped')),
    CONSTRAINT "notify_messages_locale_check" CHECK ("locale" IN ('ko', 'en'))
);

CREATE UNIQUE INDEX "notify_messages_idempotency_key_key" ON "notify_messages"("idempotency_key");
CREATE INDEX "notify_messages_status_next_attempt_at_idx" ON "notify_messages"("status", "next_attempt_at");
CREATE INDEX "notify_messages_order_id_idx" ON "notify_messages"("order_id");

CREATE TABLE "notify_preferences" (
    "customer_id" UUID NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'ko',
    "opted_out" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notify_preferences_pkey" PRIMARY KEY ("customer_id"),
    CONSTRAINT "notify_preferences_locale_check" CHECK ("locale" IN ('ko', 'en'))
);
