-- W5: the catalog in both languages (`xxx` English, `xxxKo` Korean), carried into orders, the
-- board's lines, deliveries and MyPage. Existing rows are backfilled with the best Korean text we
-- have: the shop's and bouquet's `name_ko` for names, and the English text itself for addresses
-- and descriptions (the owner or the seed replaces it). An empty Ko column means "not known": the
-- screens then show the English value.
ALTER TABLE "store_stores" ADD COLUMN "address_ko" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "description_ko" TEXT NOT NULL DEFAULT '';
UPDATE "store_stores" SET "address_ko" = "address", "description_ko" = "description";

ALTER TABLE "store_bouquets" ADD COLUMN "description_ko" TEXT NOT NULL DEFAULT '';
UPDATE "store_bouquets" SET "description_ko" = "description";

ALTER TABLE "ordering_orders" ADD COLUMN "store_name_ko" TEXT NOT NULL DEFAULT '';
UPDATE "ordering_orders" o SET "store_name_ko" = s."name_ko" FROM "store_stores" s WHERE s."id" = o."store_id";

ALTER TABLE "ordering_order_lines" ADD COLUMN "name_ko" TEXT NOT NULL DEFAULT '';
UPDATE "ordering_order_lines" l SET "name_ko" = b."name_ko" FROM "store_bouquets" b WHERE b."id" = l."bouquet_id";

-- The board's lines are a JSON copy of OrderPlaced's: each gets its bouquet's Korean name.
UPDATE "store_orders" so SET "lines" = (
  SELECT COALESCE(jsonb_agg(CASE WHEN b."name_ko" IS NULL THEN x.l ELSE x.l || jsonb_build_object('nameKo', b."name_ko") END ORDER BY x.i), '[]'::jsonb)
  FROM jsonb_array_elements(so."lines") WITH ORDINALITY AS x(l, i)
  LEFT JOIN "store_bouquets" b ON b."id"::text = x.l->>'bouquetId')
WHERE jsonb_typeof(so."lines") = 'array' AND jsonb_array_length(so."lines") > 0;

ALTER TABLE "delivery_deliveries" ADD COLUMN "store_name_ko" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "pickup_address_ko" TEXT NOT NULL DEFAULT '';
UPDATE "delivery_deliveries" d SET "store_name_ko" = s."name_ko", "pickup_address_ko" = s."address_ko"
FROM "store_stores" s WHERE s."id" = d."store_id" AND d."store_name" <> '';
-- What the rider carries names bouquets only by their English name: matched within the shop.
UPDATE "delivery_deliveries" d SET "items" = (
  SELECT COALESCE(jsonb_agg(CASE WHEN b."name_ko" IS NULL THEN x.it ELSE x.it || jsonb_build_object('nameKo', b."name_ko") END ORDER BY x.i), '[]'::jsonb)
  FROM jsonb_array_elements(d."items") WITH ORDINALITY AS x(it, i)
  LEFT JOIN LATERAL (SELECT "name_ko" FROM "store_bouquets" WHERE "store_id" = d."store_id" AND "name" = x.it->>'name' LIMIT 1) b ON true)
WHERE jsonb_typeof(d."items") = 'array' AND jsonb_array_length(d."items") > 0;

-- MyPage keeps the events it folded, which predate the Korean names: the row's own OrderPlaced
-- names its shop and bouquets, whose Korean names fill the new columns (the fold keeps them).
ALTER TABLE "mypage_orders" ADD COLUMN "store_name_ko" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "items_summary_ko" TEXT NOT NULL DEFAULT '';
UPDATE "mypage_orders" m SET
  "store_name_ko" = COALESCE((SELECT s."name_ko" FROM "store_stores" s WHERE s."id"::text = p.payload->>'storeId'), ''),
  "items_summary_ko" = COALESCE((
    SELECT string_agg(CASE WHEN (x.l->>'quantity')::int > 1 THEN COALESCE(b."name_ko", x.l->>'name') || ' ×' || (x.l->>'quantity') ELSE COALESCE(b."name_ko", x.l->>'name') END, ', ' ORDER BY x.i)
    FROM jsonb_array_elements(p.payload->'lines') WITH ORDINALITY AS x(l, i)
    LEFT JOIN "store_bouquets" b ON b."id"::text = x.l->>'bouquetId'), '')
FROM (SELECT m2."order_id", e->'payload' AS payload FROM "mypage_orders" m2, jsonb_array_elements(m2."events") e WHERE e->>'type' = 'OrderPlaced') p
WHERE p."order_id" = m."order_id";
