// Direct SQL for what the bench seeds and checks (customers, stock, bulk loads, event timings).
// Uses `pg` and `bcryptjs` from the repo's node_modules, like scripts/lib/services.mjs.
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT } from "../../scripts/lib/services.mjs";

const require = createRequire(path.join(ROOT, "package.json"));
const { Client } = require("pg");
export const bcrypt = require("bcryptjs");

export async function connect(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
}

export const BENCH_PASSWORD = "bench-password-1234";
export const benchEmail = (i) => `bench-customer-${String(i).padStart(5, "0")}@bench.bloom.test`;

/**
 * `n` bench customers (idempotent). Their password hash uses bcrypt cost 4 instead of the app's 10:
 * sign-in still goes through next-auth and bcrypt.compare, but signing in a thousand customers
 * takes seconds instead of minutes on two cores. Orders are unaffected (sessions are JWTs).
 */
export async function seedCustomers(db, n) {
  const hash = bcrypt.hashSync(BENCH_PASSWORD, 4);
  await db.query(
    `INSERT INTO identity_users (id, email, name, password_hash, role)
     SELECT gen_random_uuid(), format('bench-customer-%s@bench.bloom.test', lpad(i::text, 5, '0')), format('Bench Customer %s', i), $1, 'CUSTOMER'
     FROM generate_series(1, $2) i
     ON CONFLICT (email) DO NOTHING`,
    [hash, n],
  );
  const { rows } = await db.query(
    `SELECT id, email FROM identity_users WHERE email LIKE 'bench-customer-%@bench.bloom.test' ORDER BY email LIMIT $1`,
    [n],
  );
  return rows;
}

/**
 * Active bouquets with their store; stock raised so no order is refused for stock. The shops take
 * every address and any number of orders per slot (no delivery zones, no slot capacity: the demo
 * seed's zones and capacities refused most of the bench's orders, SLOT_FULL and
 * OUTSIDE_DELIVERY_ZONE); the zone and capacity checks still run on every order.
 */
export async function benchCatalog(db) {
  await db.query(`UPDATE store_bouquets SET stock = 100000000 WHERE active AND stock > 0`);
  await db.query(`UPDATE store_stores SET delivery_zones = '[]'::jsonb, slot_capacity = NULL`);
  const { rows } = await db.query(
    `SELECT b.id AS "bouquetId", b.store_id AS "storeId" FROM store_bouquets b WHERE b.active AND b.stock > 0 ORDER BY b.store_id, b.id`,
  );
  return rows;
}
