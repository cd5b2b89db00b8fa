// What the measured pages show, made through the real API so every table holds what the app
// itself writes (store orders, notifications, deliveries, MyPage rows and timelines):
//   - the demo shop (Seoul Forest Florist, owner@bloom.test) gets BOARD_ORDERS orders, placed by
//     bench customers and the demo customer; the owner accepts 40 % and finishes the decoration
//     of 20 % (those become open delivery requests for the riders);
//   - the demo customer (customer@bloom.test) has CUSTOMER_ORDERS of them, in every state: one
//     delivered, one on its way (the /orders/[id] page), one ready for pickup, one accepted, one
//     cancelled, the rest new;
//   - the demo rider (rider@bloom.test) has taken two deliveries and delivered one.
// Each run starts from empty order tables in the web bench's own database (resetOrders), so
// every run measures the same data.
import { sleep } from "../../scripts/lib/services.mjs";
import { BENCH_PASSWORD, benchCatalog, seedCustomers } from "../lib/db.mjs";
import { checkoutBody, signIn, signInAll, trpc } from "../lib/http.mjs";

export const BOARD_ORDERS = 300;
export const CUSTOMER_ORDERS = 8;
const BENCH_CUSTOMERS = 50;
export const DEMO = {
  password: "bloom1234",
  customer: "customer@bloom.test",
  owner: "owner@bloom.test",
  rider: "rider@bloom.test",
  storeId: "10000000-0000-4000-8000-000000000001", // Seoul Forest Florist (packages/db seed-data)
};

/** Empties the order-side tables (every context's orders, payments, events); users and catalog stay. */
export async function resetOrders(db) {
  const { rows } = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public'
       AND (tablename ~ '^(ordering|payment|delivery|mypage|outbox|inbox)_' OR tablename IN ('store_orders', 'store_notifications', 'store_stock_reservations'))`,
  );
  if (rows.length) await db.query(`TRUNCATE ${rows.map((r) => `"${r.tablename}"`).join(", ")} CASCADE`);
  return rows.length;
}

async function until(what, fn, ms = 180_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > deadline) throw new Error(`seed: timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function placeAll(base, jobs, parallel = 6) {
  const out = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const i = next++;
        const { cookie, item } = jobs[i];
        const res = await fetch(`${base}/api/trpc/order.place`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: checkoutBody(item) });
        const body = await res.json();
        if (!res.ok) throw new Error(`order.place: HTTP ${res.status} ${JSON.stringify(body.error?.json?.message)}`);
        out[i] = body.result.data.json.id ?? body.result.data.json.orderId;
      }
    }),
  );
  return out;
}

const count = async (db, sql, values) => (await db.query(sql, values)).rows[0].n;

/** One tRPC mutation; { status, error } without throwing. */
async function mutate(base, cookie, proc, input) {
  const res = await fetch(`${base}/api/trpc/${proc}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
  const body = await res.json().catch(() => ({}));
  return { status: res.status, error: body.error?.json };
}

/**
 * The rider takes a delivery until it is on its way (and delivers it with `deliver`). With the
 * pickup step (D3: claim → at the shop → picked up) when the API has it, else start (F9).
 */
async function riderTakes(base, cookie, deliveryId, { deliver }) {
  const claim = await mutate(base, cookie, "delivery.claim", { deliveryId });
  const noSuchProcedure = claim.status === 404 && /no procedure/i.test(claim.error?.message ?? "");
  const steps = noSuchProcedure ? ["delivery.start"] : ["delivery.arrived", "delivery.pickedUp"];
  if (!noSuchProcedure && claim.status !== 200) throw new Error(`delivery.claim: HTTP ${claim.status} ${claim.error?.message}`);
  for (const proc of [...steps, ...(deliver ? ["delivery.complete"] : [])]) await trpc(base, cookie, proc, { deliveryId });
}

/**
 * Seeds the pages' data (see the top of the file) and signs in the three demo roles.
 * Returns { cookies: { customer, owner, rider }, storeId, orderId (the /orders/[id] order), cart (for checkout) }.
 */
export async function seedPages({ base, db, log = () => {} }) {
  const customers = await seedCustomers(db, BENCH_CUSTOMERS);
  const catalog = (await benchCatalog(db)).filter((b) => b.storeId === DEMO.storeId);
  if (catalog.length === 0) throw new Error(`seed: no active bouquets in store ${DEMO.storeId} (demo seed missing?)`);
  const cookies = {
    customer: await signIn(base, DEMO.customer, DEMO.password),
    owner: await signIn(base, DEMO.owner, DEMO.password),
    rider: await signIn(base, DEMO.rider, DEMO.password),
  };
  const benchCookies = await signInAll(base, customers.map((c) => c.email), BENCH_PASSWORD);

  // The demo customer's orders first (the oldest on the board), then the bench customers'.
  const jobs = [];
  for (let i = 0; i < BOARD_ORDERS; i++) {
    const cookie = i < CUSTOMER_ORDERS ? cookies.customer : benchCookies[i % benchCookies.length];
    jobs.push({ cookie, item: catalog[i % catalog.length] });
  }
  const t0 = Date.now();
  const ids = await placeAll(base, jobs);
  log(`placed ${ids.length} orders through order.place (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  await until(`${BOARD_ORDERS} store orders on the board`, async () => (await count(db, "SELECT count(*)::int AS n FROM store_orders WHERE store_id = $1 AND recipient_name <> ''", [DEMO.storeId])) >= BOARD_ORDERS);

  const mine = ids.slice(0, CUSTOMER_ORDERS);
  const others = ids.slice(CUSTOMER_ORDERS);
  // The customer's: [0] delivered, [1] on its way, [2] ready for pickup, [3] accepted, [4] cancelled, rest new.
  const accept = [...mine.slice(0, 4), ...others.filter((_, i) => i % 5 <= 1)];
  const decorate = [...mine.slice(0, 3), ...others.filter((_, i) => i % 5 === 0)];
  const act = async (proc, list) => {
    for (const orderId of list) await trpc(base, cookies.owner, proc, { orderId });
  };
  await act("store.accept", accept);
  await act("store.completeDecoration", decorate);
  await trpc(base, cookies.customer, "order.cancel", { orderId: mine[4], reason: "Plans changed" });
  log(`owner accepted ${accept.length}, decorated ${decorate.length}; customer cancelled 1`);
  await until(`${decorate.length} delivery requests`, async () => (await count(db, "SELECT count(*)::int AS n FROM delivery_deliveries WHERE status = 'OPEN' AND recipient_name <> ''")) >= decorate.length);

  const deliveryOf = async (orderId) => (await db.query("SELECT id FROM delivery_deliveries WHERE order_id = $1", [orderId])).rows[0].id;
  await riderTakes(base, cookies.rider, await deliveryOf(mine[0]), { deliver: true });
  await riderTakes(base, cookies.rider, await deliveryOf(mine[1]), { deliver: false });
  log("rider delivered 1 order and has 1 on its way");

  // MyPage is a read model: wait until it shows the last changes (every event published, the
  // customer's rows settled, the delivered and the cancelled order shown as such).
  let last = "";
  let stableSince = Date.now();
  await until("MyPage rows for the customer's orders", async () => {
    const { rows } = await db.query("SELECT order_id, order_status, delivery_status, updated_at FROM mypage_orders WHERE order_id = ANY($1::uuid[]) ORDER BY order_id", [mine]);
    const pending = await count(db, "SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL");
    const now = JSON.stringify(rows);
    if (now !== last) [last, stableSince] = [now, Date.now()];
    const by = new Map(rows.map((r) => [r.order_id, r]));
    return rows.length === mine.length && pending === 0 && Date.now() - stableSince >= 1500 && by.get(mine[0])?.order_status === "DELIVERED" && by.get(mine[4])?.order_status === "CANCELLED";
  });

  // A cart for the checkout page, in the shape lib/cart.ts keeps in localStorage.
  const { rows: bouquets } = await db.query(
    "SELECT b.id, b.name, b.name_ko, b.image_url, b.price_won, s.name AS store_name, s.name_ko AS store_name_ko FROM store_bouquets b JOIN store_stores s ON s.id = b.store_id WHERE b.store_id = $1 AND b.active ORDER BY b.id LIMIT 2",
    [DEMO.storeId],
  );
  const cart = {
    storeId: DEMO.storeId,
    storeName: bouquets[0].store_name,
    storeNameKo: bouquets[0].store_name_ko ?? undefined,
    lines: bouquets.map((b, i) => ({ bouquetId: b.id, name: b.name, nameKo: b.name_ko ?? undefined, imageUrl: b.image_url, unitPriceWon: b.price_won, quantity: i + 1 })),
  };
  const board = await count(db, "SELECT count(*)::int AS n FROM store_orders WHERE store_id = $1", [DEMO.storeId]);
  const open = await count(db, "SELECT count(*)::int AS n FROM delivery_deliveries WHERE status = 'OPEN'");
  return { cookies, storeId: DEMO.storeId, orderId: mine[1], cart, counts: { boardOrders: board, openDeliveries: open, customerOrders: mine.length } };
}
