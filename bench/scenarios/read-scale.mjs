// Scenario 5 (`--scale`) — the three first pages people open most, over 1,000,000 orders: the
// owner's board, a customer's MyPage and the rider's open requests, through the API. The orders
// are bulk-loaded once with generate_series (reused by later runs): a year of history across the
// bench customers and the demo stores, nearly all finished, with a working day's worth still open.
import { waitForQuiet } from "../lib/cpu.mjs";
import { load, statusCounts, summarize } from "../lib/load.mjs";
import { row } from "./place-order.mjs";

export const SCALE_ORDERS = 1_000_000;
const OPEN = 300; // the newest orders: still on the board (NEW/ACCEPTED) and open for riders

export async function bulkLoad(ctx, n = SCALE_ORDERS) {
  const { db, log } = ctx;
  const { rows: have } = await db.query(`SELECT count(*)::int AS n FROM ordering_orders WHERE idempotency_key LIKE 'scale-%'`);
  if (have[0].n >= n) return log(`${have[0].n} bulk-loaded orders already present`);
  // Incremental: a smaller earlier load (--quick) holds i = 1…have; add the older i = have+1…n.
  const from = have[0].n + 1;
  const t0 = Date.now();
  // One statement per table; the same i → the same order across tables. Ids are md5-derived so
  // the tables agree without a join. Newest first: i = 1 is an hour ago, i = n a year ago.
  const base = `FROM generate_series(${from}, ${n}) i
    CROSS JOIN LATERAL (SELECT md5('scale-' || i)::uuid AS order_id,
                               now() AT TIME ZONE 'UTC' - interval '1 hour' - (i * interval '31 seconds') AS at) t
    CROSS JOIN LATERAL (SELECT (SELECT array_agg(id ORDER BY email) FROM identity_users WHERE email LIKE 'bench-customer-%@bench.bloom.test')
                               AS customers,
                               (SELECT array_agg(id ORDER BY id) FROM store_stores) AS stores,
                               (SELECT array_agg(id ORDER BY email) FROM identity_users WHERE role = 'RIDER') AS riders,
                               (SELECT array_agg(name ORDER BY email) FROM identity_users WHERE role = 'RIDER') AS rider_names) c`;
  const customer = `c.customers[1 + (i % array_length(c.customers, 1))]`;
  const store = `c.stores[1 + (i % array_length(c.stores, 1))]`;
  const steps = [
    ["ordering_orders", `INSERT INTO ordering_orders (id, customer_id, store_id, store_name, status, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot, idempotency_key, payment_id, card_brand, card_last4, created_at, updated_at)
      SELECT t.order_id, ${customer}, ${store}, 'Bench Flowers', CASE WHEN i <= ${OPEN} THEN 'PLACED' ELSE 'DELIVERED' END::"OrderStatus", 59000,
             'Soyeon Yoon', '010-9876-5432', '88 Eulji-ro, Jung-gu, Seoul', to_char(t.at + interval '1 day', 'YYYY-MM-DD'), '12-15',
             'scale-' || i, md5('pay-' || i)::uuid, 'VISA', '4242', t.at, t.at + interval '1 day' ${base}`],
    ["store_orders", `INSERT INTO store_orders (id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot, created_at, updated_at)
      SELECT md5('so-' || i)::uuid, t.order_id, ${store}, CASE WHEN i <= ${OPEN / 2} THEN 'NEW' WHEN i <= ${OPEN} THEN 'ACCEPTED' ELSE 'DECORATED' END::"StoreOrderStatus",
             '[{"name": "Bench Roses", "quantity": 1, "bouquetId": "00000000-0000-4000-8000-000000000000", "unitPriceWon": 59000}]', 59000,
             'Soyeon Yoon', '010-9876-5432', '88 Eulji-ro, Jung-gu, Seoul', to_char(t.at + interval '1 day', 'YYYY-MM-DD'), '12-15', t.at, t.at + interval '2 hours' ${base}`],
    ["store_notifications", `INSERT INTO store_notifications (id, store_id, order_id, message, read_at, created_at)
      SELECT md5('sn-' || i)::uuid, ${store}, t.order_id, 'New order: 1 bouquet', CASE WHEN i <= ${OPEN} THEN NULL ELSE t.at + interval '5 minutes' END, t.at ${base}`],
    ["delivery_deliveries", `INSERT INTO delivery_deliveries (id, order_id, store_id, store_name, pickup_address, dropoff_address, recipient_name, recipient_phone, delivery_date, time_slot, status, rider_id, rider_name, started_at, completed_at, created_at, updated_at)
      SELECT md5('dd-' || i)::uuid, t.order_id, ${store}, 'Bench Flowers', '1 Sejong-daero, Seoul', '88 Eulji-ro, Jung-gu, Seoul', 'Soyeon Yoon', '010-9876-5432',
             to_char(t.at + interval '1 day', 'YYYY-MM-DD'), '12-15', CASE WHEN i <= ${OPEN} THEN 'OPEN' ELSE 'COMPLETED' END::"DeliveryStatus",
             CASE WHEN i <= ${OPEN} THEN NULL ELSE c.riders[1 + (i % 2)] END, CASE WHEN i <= ${OPEN} THEN NULL ELSE c.rider_names[1 + (i % 2)] END,
             CASE WHEN i <= ${OPEN} THEN NULL ELSE t.at + interval '3 hours' END, CASE WHEN i <= ${OPEN} THEN NULL ELSE t.at + interval '4 hours' END,
             t.at + interval '2 hours', t.at + interval '4 hours'
      ${base}`],
    ["mypage_orders", `INSERT INTO mypage_orders (order_id, customer_id, store_name, items_summary, total_won, order_status, delivery_status, payment_status, rider_name, delivery_date, time_slot, timeline, events, placed_at, updated_at)
      SELECT t.order_id, ${customer}, 'Bench Flowers', 'Bench Roses × 1', 59000, CASE WHEN i <= ${OPEN} THEN 'PLACED' ELSE 'DELIVERED' END,
             CASE WHEN i <= ${OPEN} THEN 'NONE' ELSE 'COMPLETED' END, 'PAID', NULL, to_char(t.at + interval '1 day', 'YYYY-MM-DD'), '12-15',
             jsonb_build_array(jsonb_build_object('status', 'PLACED', 'at', t.at), jsonb_build_object('status', 'DELIVERED', 'at', t.at + interval '4 hours')),
             '[]', t.at, t.at + interval '4 hours' ${base}`],
  ];
  for (const [table, sql] of steps) {
    const t = Date.now();
    await db.query(sql);
    log(`bulk-loaded ${table} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  }
  await db.query(`ANALYZE ordering_orders, store_orders, store_notifications, delivery_deliveries, mypage_orders`);
  log(`bulk load of ${n} orders took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

export async function readScaleScenario(ctx, { duration = 15, rate = 50, quick = false } = {}) {
  const { base, customerCookies, ownerCookie, riderCookie, log } = ctx;
  await bulkLoad(ctx, quick ? 100_000 : SCALE_ORDERS);
  const reads = [
    ["board", "store board, first page", "/api/trpc/store.board", [ownerCookie]],
    ["myPage", "MyPage, first page", "/api/trpc/mypage.orders", customerCookies],
    ["rider", "rider's open requests", "/api/trpc/delivery.screen", [riderCookie]],
  ];
  const rows = [];
  const json = { orders: quick ? 100_000 : SCALE_ORDERS, ratePerSec: rate, durationSec: duration };
  // Reads are measured in steady state, not in the wake of the write bursts before them (the
  // backlog scenario writes 10,000 events' rows in seconds): the tables they touched are vacuumed
  // and analysed, as autovacuum would have done long before, and the machine is let go quiet.
  const t0 = Date.now();
  await ctx.db.query(
    "VACUUM (ANALYZE) store_orders, store_notifications, delivery_deliveries, mypage_orders, outbox_events, inbox_processed_events, ordering_orders",
  );
  const busy = await waitForQuiet();
  log(`read scale: vacuumed and settled in ${((Date.now() - t0) / 1000).toFixed(1)} s (machine ${busy.toFixed(0)} % busy)`);
  json.settle = { seconds: (Date.now() - t0) / 1000, machineBusyPct: busy };
  for (const [key, label, path, cookies] of reads) {
    await waitForQuiet({ maxMs: 10_000 });
    log(`read scale: ${label}, ${rate} requests/s for ${duration} s`);
    await load({ base, path, cookies, connections: 10, duration: 2, rate }); // warm-up
    const r = await load({ base, path, cookies, connections: 10, duration, rate });
    const all = summarize(r);
    rows.push(row(`5 read: ${label}`, summarize(r, (s) => s === 200), statusCounts(r), all));
    Object.assign(json, { [`${key}P50Ms`]: all.p50Ms, [`${key}P95Ms`]: all.p95Ms, [`${key}P99Ms`]: all.p99Ms, [`${key}Statuses`]: statusCounts(r) });
  }
  return { rows, json };
}
