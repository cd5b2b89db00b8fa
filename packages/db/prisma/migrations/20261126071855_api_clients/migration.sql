-- CreateTable
CREATE TABLE "identity_api_clients" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "identity_api_clients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identity_signing_keys" (
    "kid" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_jwk" JSONB NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMP(3),

    CONSTRAINT "identity_signing_keys_pkey" PRIMARY KEY ("kid")
);

-- CreateIndex
CREATE UNIQUE INDEX "identity_api_clients_user_id_key" ON "identity_api_clients"("user_id");

-- CreateIndex
CREATE INDEX "identity_signing_keys_active_created_at_idx" ON "identity_signing_keys"("active", "created_at");

-- AddForeignKey
ALTER TABLE "identity_api_clients" ADD CONSTRAINT "identity_api_clients_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "identity_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
