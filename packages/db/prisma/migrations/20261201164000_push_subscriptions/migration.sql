-- X3: web push devices of owners and riders (the notification context's own table; no foreign key
-- to identity_users, as no table links across a context). created_at/updated_at in microseconds: "a
-- user's oldest device" must be well defined for two saves in the same millisecond.
CREATE TABLE "notify_push_subscriptions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "audience" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_success_at" TIMESTAMPTZ(3),

    CONSTRAINT "notify_push_subscriptions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notify_push_subscriptions_audience_check" CHECK ("audience" IN ('OWNER', 'RIDER')),
    CONSTRAINT "notify_push_subscriptions_locale_check" CHECK ("locale" IN ('ko', 'en'))
);

CREATE UNIQUE INDEX "notify_push_subscriptions_endpoint_key" ON "notify_push_subscriptions"("endpoint");
CREATE INDEX "notify_push_subscriptions_user_id_created_at_idx" ON "notify_push_subscriptions"("user_id", "created_at");
CREATE INDEX "notify_push_subscriptions_audience_idx" ON "notify_push_subscriptions"("audience");
