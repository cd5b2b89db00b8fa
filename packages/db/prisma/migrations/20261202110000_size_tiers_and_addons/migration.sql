-- W4: size tiers per bouquet and add-ons per shop.
-- Tiers share the bouquet's stock (one stock of the bouquet; a deluxe is the same flowers, more of
-- them): a tier is only a price. NULL = the tier is not offered; standard is price_won.
ALTER TABLE "store_bouquets" ADD COLUMN "deluxe_price_won" INTEGER;
ALTER TABLE "store_bouquets" ADD COLUMN "premium_price_won" INTEGER;
ALTER TABLE "store_bouquets" ADD CONSTRAINT "store_bouquets_tier_prices_check"
  CHECK (("deluxe_price_won" IS NULL OR "deluxe_price_won" > 0) AND ("premium_price_won" IS NULL OR "premium_price_won" > 0));

-- Add-ons a shop sells with its bouquets (vase, chocolates, balloon, a larger card), with their
-- own stock kept exactly like a bouquet's (M5): stock + held = stock_baseline, stock >= 0.
CREATE TABLE "store_addons" (
  "id" UUID NOT NULL,
  "store_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "name_ko" TEXT NOT NULL,
  "price_won" INTEGER NOT NULL,
  "stock" INTEGER NOT NULL,
  "stock_baseline" INTEGER NOT NULL DEFAULT 0,
  "active" BOOLEAN NOT NULL DEFAULT true,
  "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "store_addons_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "store_addons_stock_check" CHECK ("stock" >= 0),
  CONSTRAINT "store_addons_price_check" CHECK ("price_won" > 0)
);
CREATE INDEX "store_addons_store_id_idx" ON "store_addons"("store_id");
ALTER TABLE "store_addons" ADD CONSTRAINT "store_addons_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store_stores"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Units of an add-on an order took at placement; released_at set = given back.
CREATE TABLE "store_addon_reservations" (
  "order_id" UUID NOT NULL,
  "addon_id" UUID NOT NULL,
  "quantity" INTEGER NOT NULL,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "released_at" TIMESTAMPTZ(3),
  CONSTRAINT "store_addon_reservations_pkey" PRIMARY KEY ("order_id", "addon_id"),
  CONSTRAINT "store_addon_reservations_quantity_check" CHECK ("quantity" > 0)
);
CREATE INDEX "store_addon_reservations_addon_id_idx" ON "store_addon_reservations"("addon_id");

-- The order's lines carry their size; the add-ons are lines of their own (totalWon = lines +
-- add-ons + delivery fee).
ALTER TABLE "ordering_order_lines" ADD COLUMN "tier" TEXT NOT NULL DEFAULT 'STANDARD';
CREATE TABLE "ordering_order_addons" (
  "id" UUID NOT NULL,
  "order_id" UUID NOT NULL,
  "addon_id" UUID NOT NULL,
  "name" TEXT NOT NULL,
  "name_ko" TEXT NOT NULL,
  "unit_price_won" INTEGER NOT NULL,
  "quantity" INTEGER NOT NULL,
  CONSTRAINT "ordering_order_addons_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ordering_order_addons_order_id_idx" ON "ordering_order_addons"("order_id");
ALTER TABLE "ordering_order_addons" ADD CONSTRAINT "ordering_order_addons_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "ordering_orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The board's copy of the order's add-ons (as its lines: JSON from OrderPlaced).
ALTER TABLE "store_orders" ADD COLUMN "addons" JSONB NOT NULL DEFAULT '[]';

-- Reserves every add-on line of an order or none, like store_reserve_stock (rows locked in id
-- order; P0001 HINT 'bloom:addon-sold-out', DETAIL the add-on id). Idempotent per order.
CREATE FUNCTION store_reserve_addons(p_order UUID, p_lines JSONB) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  l RECORD;
  n INTEGER;
  total INTEGER := 0;
BEGIN
  FOR l IN SELECT x.addon_id, sum(x.quantity)::int AS quantity
           FROM jsonb_to_recordset(p_lines) AS x(addon_id UUID, quantity INTEGER)
           GROUP BY x.addon_id ORDER BY x.addon_id LOOP
    INSERT INTO store_addon_reservations (order_id, addon_id, quantity) VALUES (p_order, l.addon_id, l.quantity)
      ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS n = ROW_COUNT;
    CONTINUE WHEN n = 0; -- reserved already by this order
    UPDATE store_addons SET stock = stock - l.quantity, updated_at = now()
      WHERE id = l.addon_id AND active AND stock >= l.quantity;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n = 0 THEN
      RAISE EXCEPTION 'add-on sold out' USING ERRCODE = 'P0001', DETAIL = l.addon_id::text, HINT = 'bloom:addon-sold-out';
    END IF;
    total := total + l.quantity;
  END LOOP;
  RETURN total;
END $$;

-- Gives back what the order reserved, bouquets and add-ons, and has not given back yet: exactly
-- once, whoever calls. Every caller of store_release_stock (rejection, cancellation, an attempt
-- that never became an order) gives back the add-ons with the bouquets.
CREATE OR REPLACE FUNCTION store_release_stock(p_order UUID) RETURNS INTEGER LANGUAGE sql AS $$
  WITH r AS (
    UPDATE store_stock_reservations SET released_at = now()
    WHERE order_id = p_order AND released_at IS NULL
    RETURNING bouquet_id, quantity),
  b AS (
    UPDATE store_bouquets s SET stock = s.stock + r.quantity, updated_at = now()
    FROM r WHERE s.id = r.bouquet_id RETURNING r.quantity),
  ra AS (
    UPDATE store_addon_reservations SET released_at = now()
    WHERE order_id = p_order AND released_at IS NULL
    RETURNING addon_id, quantity),
  a AS (
    UPDATE store_addons s SET stock = s.stock + ra.quantity, updated_at = now()
    FROM ra WHERE s.id = ra.addon_id RETURNING ra.quantity)
  SELECT (COALESCE((SELECT sum(quantity) FROM b), 0) + COALESCE((SELECT sum(quantity) FROM a), 0))::int
$$;
