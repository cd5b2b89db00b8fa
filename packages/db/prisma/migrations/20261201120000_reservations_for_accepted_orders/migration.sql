-- Orders accepted before stock moved to placement (M5) took their stock when they were accepted,
-- with no reservation row: give them one, so a rejection or cancellation after this release gives
-- their units back, once, and arranged ones count as sold. Their stock was already taken, so only
-- the audit's baseline moves. (Orders still NEW at the release took nothing and reserve nothing.)
INSERT INTO "store_stock_reservations" ("order_id", "bouquet_id", "quantity")
SELECT so."order_id", (l->>'bouquetId')::uuid, sum((l->>'quantity')::int)
FROM "store_orders" so CROSS JOIN LATERAL jsonb_array_elements(so."lines") AS l
WHERE so."status" IN ('ACCEPTED', 'DECORATED')
  AND jsonb_typeof(so."lines") = 'array'
  AND NOT EXISTS (SELECT 1 FROM "store_stock_reservations" r WHERE r."order_id" = so."order_id")
GROUP BY so."order_id", (l->>'bouquetId')::uuid
HAVING sum((l->>'quantity')::int) > 0
ON CONFLICT DO NOTHING;

UPDATE "store_bouquets" b SET "stock_baseline" = b."stock" + COALESCE(
  (SELECT sum(r."quantity") FROM "store_stock_reservations" r WHERE r."bouquet_id" = b."id" AND r."released_at" IS NULL), 0);
