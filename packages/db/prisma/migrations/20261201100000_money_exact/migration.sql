-- Money is exact under races and crashes (issue 13, M1–M5).

-- M3/M4: the refund state machine on the payment. APPROVED → REFUND_PENDING → REFUNDED.
ALTER TYPE "PaymentStatus" ADD VALUE IF NOT EXISTS 'REFUND_PENDING' AFTER 'APPROVED';
ALTER TABLE "payment_payments"
  ADD COLUMN "refund_cause" TEXT,
  ADD COLUMN "refund_requested_at" TIMESTAMPTZ(3),
  ADD COLUMN "refund_attempts" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "refund_next_at" TIMESTAMPTZ(3),
  ADD COLUMN "refund_last_error" TEXT;
CREATE INDEX "payment_payments_status_refund_next_at_idx" ON "payment_payments"("status", "refund_next_at");

-- M1/M2: charge attempts, recorded before the processor is called.
CREATE TABLE "payment_attempts" (
  "id" UUID NOT NULL,
  "customer_id" UUID NOT NULL,
  "idempotency_key" TEXT NOT NULL,
  "fingerprint" TEXT NOT NULL,
  "charge_key" TEXT NOT NULL,
  "order_id" UUID NOT NULL,
  "amount_won" INTEGER NOT NULL,
  "status" TEXT NOT NULL,
  "provider_ref" TEXT,
  "note" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "reconcile_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "checked_at" TIMESTAMPTZ(3),
  CONSTRAINT "payment_attempts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "payment_attempts_charge_key_key" ON "payment_attempts"("charge_key");
CREATE INDEX "payment_attempts_customer_id_idempotency_key_idx" ON "payment_attempts"("customer_id", "idempotency_key");
CREATE INDEX "payment_attempts_status_reconcile_at_idx" ON "payment_attempts"("status", "reconcile_at");
-- One live attempt per key: a second request with the key while the first is charging (or after it
-- placed its order) finds this row instead of charging again.
CREATE UNIQUE INDEX "payment_attempts_live_key" ON "payment_attempts"("customer_id", "idempotency_key")
  WHERE "status" IN ('PENDING', 'ORDERED');
-- Orders the reconciler has not yet checked against the processor's ledger.
CREATE INDEX "payment_attempts_unchecked" ON "payment_attempts"("created_at") WHERE "status" = 'ORDERED' AND "checked_at" IS NULL;

-- M5: stock reserved at placement, given back exactly as taken.
CREATE TABLE "store_stock_reservations" (
  "order_id" UUID NOT NULL,
  "bouquet_id" UUID NOT NULL,
  "quantity" INTEGER NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "released_at" TIMESTAMPTZ(3),
  CONSTRAINT "store_stock_reservations_pkey" PRIMARY KEY ("order_id", "bouquet_id"),
  CONSTRAINT "store_stock_reservations_quantity_check" CHECK ("quantity" > 0)
);
CREATE INDEX "store_stock_reservations_bouquet_id_idx" ON "store_stock_reservations"("bouquet_id");

-- Stock as it stood counted as the baseline; stock can never go negative.
ALTER TABLE "store_bouquets" ADD COLUMN "stock_baseline" INTEGER NOT NULL DEFAULT 0;
UPDATE "store_bouquets" SET "stock" = GREATEST("stock", 0);
UPDATE "store_bouquets" SET "stock_baseline" = "stock";
ALTER TABLE "store_bouquets" ADD CONSTRAINT "store_bouquets_stock_check" CHECK ("stock" >= 0);

-- Reserves every line of an order or none (one statement, rows locked in id order so two orders
-- never deadlock). Raises 'P0001' "sold out" with the bouquet id as DETAIL. Idempotent per order.
CREATE FUNCTION store_reserve_stock(p_order UUID, p_lines JSONB) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  l RECORD;
  n INTEGER;
  total INTEGER := 0;
BEGIN
  FOR l IN SELECT x.bouquet_id, sum(x.quantity)::int AS quantity
           FROM jsonb_to_recordset(p_lines) AS x(bouquet_id UUID, quantity INTEGER)
           GROUP BY x.bouquet_id ORDER BY x.bouquet_id LOOP
    INSERT INTO store_stock_reservations (order_id, bouquet_id, quantity) VALUES (p_order, l.bouquet_id, l.quantity)
      ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    CONTINUE WHEN n = 0; -- reserved already by this order
    UPDATE store_bouquets SET stock = stock - l.quantity, updated_at = now()
      WHERE id = l.bouquet_id AND active AND stock >= l.quantity;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
      RAISE EXCEPTION 'sold out' USING ERRCODE = 'P0001', DETAIL = l.bouquet_id::text, HINT = 'bloom:sold-out';
    END IF;
    total := total + l.quantity;
  END LOOP;
  RETURN total;
END $$;

-- Gives back what the order reserved and has not given back yet: exactly once, whoever calls.
CREATE FUNCTION store_release_stock(p_order UUID) RETURNS INTEGER LANGUAGE sql AS $$
  WITH r AS (
    UPDATE store_stock_reservations SET released_at = now()
    WHERE order_id = p_order AND released_at IS NULL
    RETURNING bouquet_id, quantity),
  b AS (
    UPDATE store_bouquets s SET stock = s.stock + r.quantity, updated_at = now()
    FROM r WHERE s.id = r.bouquet_id RETURNING r.quantity)
  SELECT COALESCE(sum(quantity), 0)::int FROM b
$$;
