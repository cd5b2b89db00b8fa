-- When a shop delivers (D2): opening hours per weekday, dated closures, a lead time, a cutoff per
-- slot and a capacity per slot. The defaults keep every existing shop as it was: open every day
-- 9-21, no closures, a slot bookable until it ends, no limit on orders.

-- Monday first (ISO weekday 1 = index 0); null = closed that weekday. Whole hours in Asia/Seoul.
ALTER TABLE "store_stores" ADD COLUMN "weekly_hours" JSONB NOT NULL
  DEFAULT '[{"opensAt":9,"closesAt":21},{"opensAt":9,"closesAt":21},{"opensAt":9,"closesAt":21},{"opensAt":9,"closesAt":21},{"opensAt":9,"closesAt":21},{"opensAt":9,"closesAt":21},{"opensAt":9,"closesAt":21}]';
-- The time a bouquet needs from the order to the door: a slot must end at least this long after now.
ALTER TABLE "store_stores" ADD COLUMN "lead_time_minutes" INTEGER NOT NULL DEFAULT 0;
-- A slot stops taking orders this many minutes before it starts; null = until it ends (as before).
ALTER TABLE "store_stores" ADD COLUMN "slot_cutoff_minutes" INTEGER;
-- Orders per date and slot; null = unlimited.
ALTER TABLE "store_stores" ADD COLUMN "slot_capacity" INTEGER;
ALTER TABLE "store_stores" ADD CONSTRAINT "store_stores_lead_time_check" CHECK ("lead_time_minutes" BETWEEN 0 AND 10080);
ALTER TABLE "store_stores" ADD CONSTRAINT "store_stores_slot_cutoff_check" CHECK ("slot_cutoff_minutes" IS NULL OR "slot_cutoff_minutes" BETWEEN 0 AND 1440);
ALTER TABLE "store_stores" ADD CONSTRAINT "store_stores_slot_capacity_check" CHECK ("slot_capacity" IS NULL OR "slot_capacity" >= 1);

-- Holidays and time off: every day from starts_on to ends_on (YYYY-MM-DD, inclusive) is closed.
CREATE TABLE "store_closures" (
    "id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "starts_on" TEXT NOT NULL,
    "ends_on" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "store_closures_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "store_closures_range_check" CHECK ("ends_on" >= "starts_on")
);
CREATE INDEX "store_closures_store_id_ends_on_idx" ON "store_closures"("store_id", "ends_on");
ALTER TABLE "store_closures" ADD CONSTRAINT "store_closures_store_id_fkey" FOREIGN KEY ("store_id") REFERENCES "store_stores"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Orders held per date and slot; the reservation rows say which order holds one, so a release
-- gives back exactly once, whoever calls (the model of store_stock_reservations).
CREATE TABLE "store_slot_counts" (
    "store_id" UUID NOT NULL,
    "delivery_date" TEXT NOT NULL,
    "time_slot" TEXT NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "store_slot_counts_pkey" PRIMARY KEY ("store_id", "delivery_date", "time_slot"),
    CONSTRAINT "store_slot_counts_booked_check" CHECK ("booked" >= 0)
);
CREATE TABLE "store_slot_reservations" (
    "order_id" UUID NOT NULL,
    "store_id" UUID NOT NULL,
    "delivery_date" TEXT NOT NULL,
    "time_slot" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),
    CONSTRAINT "store_slot_reservations_pkey" PRIMARY KEY ("order_id")
);

-- Takes one unit of the slot for the order, or raises P0001 'slot full' (HINT bloom:slot-full).
-- The count row is locked by the upsert and its condition re-read under the lock, so concurrent
-- orders never take more than the capacity. The capacity is read here, not passed in, so an owner
-- lowering it meanwhile is honoured. Idempotent per order.
CREATE FUNCTION store_reserve_slot(p_order UUID, p_store UUID, p_date TEXT, p_slot TEXT) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  cap INTEGER;
  n INTEGER;
BEGIN
  INSERT INTO store_slot_reservations (order_id, store_id, delivery_date, time_slot) VALUES (p_order, p_store, p_date, p_slot)
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n = 0 THEN RETURN 0; END IF; -- held already by this order
  SELECT slot_capacity INTO cap FROM store_stores WHERE id = p_store;
  INSERT INTO store_slot_counts AS c (store_id, delivery_date, time_slot, booked)
    SELECT p_store, p_date, p_slot, 1 WHERE cap IS NULL OR cap >= 1
    ON CONFLICT (store_id, delivery_date, time_slot) DO UPDATE SET booked = c.booked + 1
    WHERE cap IS NULL OR c.booked < cap;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF n = 0 THEN
    RAISE EXCEPTION 'slot full' USING ERRCODE = 'P0001', DETAIL = p_date || ' ' || p_slot, HINT = 'bloom:slot-full';
  END IF;
  RETURN 1;
END $$;

-- Gives back the order's unit of its slot if it still holds one: exactly once, whoever calls.
CREATE FUNCTION store_release_slot(p_order UUID) RETURNS INTEGER LANGUAGE sql AS $$
  WITH r AS (
    UPDATE store_slot_reservations SET released_at = now()
    WHERE order_id = p_order AND released_at IS NULL
    RETURNING store_id, delivery_date, time_slot),
  c AS (
    UPDATE store_slot_counts s SET booked = s.booked - 1
    FROM r WHERE s.store_id = r.store_id AND s.delivery_date = r.delivery_date AND s.time_slot = r.time_slot
    RETURNING 1)
  SELECT count(*)::int FROM c
$$;
