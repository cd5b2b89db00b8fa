// ADR 0001's micro-bench: one hot write (the inbox claim) and one hot read (the board's open lane)
// done each way on the same pg pool (one connection, so one PostgreSQL backend to measure).
// CPU per call: this process (process.cpuUsage) and the backend (/proc/<pid>/stat), over N calls.
//   DATABASE_URL=… npx tsx bench/data-access/run.mts [N]
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { Kysely, PostgresDialect, sql } from "kysely";
import { getDb, sqlOf, closeDbs, type Db } from "@bloom/db";
import type { DB } from "../../packages/db/src/generated/kysely";
import { namedStatementPool } from "../../packages/db/src/kysely";

const N = Number(process.argv[2] ?? 3000);
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL");
const db: Db = getDb(url, 1, { applicationName: "bench-data-access" });
const pool = sqlOf(db);
const kyUnnamed = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
const kyNamed = new Kysely<DB>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool) }) });

const HZ = 100;
const ticks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(f[11]) + Number(f[12]);
};
const { rows: pidRow } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
const backend = pidRow[0]!.pid;

const consumer = "bench-data-access";
// A board of 20 open orders: copies of one store order (marked by their note), removed at the end.
const { rows: storeRow } = await pool.query<{ store_id: string }>("SELECT store_id FROM store_orders ORDER BY created_at LIMIT 1");
if (!storeRow[0]) throw new Error("no store order to copy: run the seed and one order first");
const storeIds = [storeRow[0].store_id];
await pool.query(`INSERT INTO store_orders (id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot, note, updated_at, addons)
  SELECT gen_random_uuid(), gen_random_uuid(), store_id, 'NEW', lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot, $2, now(), addons
  FROM store_orders, generate_series(1, 20) WHERE store_id = $1 AND note IS DISTINCT FROM $2 ORDER BY created_at LIMIT 20`, [storeIds[0], consumer]);

type Way = { name: string; run: () => Promise<unknown> };
const claim: Way[] = [
  {
    name: "pg named statement",
    run: () => pool.query({ name: "bda-claim", text: "INSERT INTO inbox_processed_events (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", values: [consumer, randomUUID()] }),
  },
  {
    name: "Kysely (PostgresDialect, unnamed)",
    run: () => kyUnnamed.insertInto("inbox_processed_events").values({ consumer, event_id: randomUUID() }).onConflict((oc) => oc.doNothing()).executeTakeFirst(),
  },
  {
    name: "Kysely (named statements)",
    run: () => kyNamed.insertInto("inbox_processed_events").values({ consumer, event_id: randomUUID() }).onConflict((oc) => oc.doNothing()).executeTakeFirst(),
  },
  { name: "Prisma $executeRaw", run: () => db.$executeRaw`INSERT INTO inbox_processed_events (consumer, event_id) VALUES (${consumer}, ${randomUUID()}::uuid) ON CONFLICT DO NOTHING` },
  { name: "Prisma model API", run: () => db.processedEvent.createMany({ data: [{ consumer, eventId: randomUUID() }], skipDuplicates: true }) },
];

const OPEN = ["NEW", "ACCEPTED"] as const;
const utc = (c: string) => sql<Date>`${sql.ref(c)} AT TIME ZONE 'UTC'`.as(c);
const boardKysely = (k: Kysely<DB>) =>
  k
    .selectFrom("store_orders as o")
    .select(["o.id", "o.order_id", "o.store_id", "o.status", "o.lines", "o.total_won", "o.recipient_name", "o.recipient_phone", "o.address", "o.delivery_date", "o.time_slot", "o.gift_message", "o.note", "o.over_stock", "o.delivery_fee_won", "o.reject_reason", "o.rider_name", "o.attempt_reason", "o.attempts", "o.left_with", "o.cancel_reason", "o.addons"])
    .select([utc("claimed_at"), utc("arrived_at"), utc("picked_up_at"), utc("delivered_at"), utc("returned_at"), utc("attempted_at"), utc("back_at_shop_at"), utc("created_at"), utc("updated_at"), utc("cancelled_at")])
    .where("o.store_id", "=", sql<string>`ANY(${storeIds}::uuid[])`)
    .where("o.status", "in", OPEN)
    .orderBy("o.delivery_date")
    .orderBy("o.time_slot")
    .orderBy("o.created_at")
    .orderBy("o.id")
    .execute();
const COLS = `id, order_id, store_id, status, lines, total_won, recipient_name, recipient_phone, address, delivery_date, time_slot, gift_message, note, over_stock, delivery_fee_won, reject_reason, rider_name, attempt_reason, attempts, left_with, cancel_reason, addons,
  claimed_at AT TIME ZONE 'UTC' AS claimed_at, arrived_at AT TIME ZONE 'UTC' AS arrived_at, picked_up_at AT TIME ZONE 'UTC' AS picked_up_at, delivered_at AT TIME ZONE 'UTC' AS delivered_at,
  returned_at AT TIME ZONE 'UTC' AS returned_at, attempted_at AT TIME ZONE 'UTC' AS attempted_at, back_at_shop_at AT TIME ZONE 'UTC' AS back_at_shop_at,
  created_at AT TIME ZONE 'UTC' AS created_at, updated_at AT TIME ZONE 'UTC' AS updated_at, cancelled_at AT TIME ZONE 'UTC' AS cancelled_at`;
const board: Way[] = [
  {
    name: "pg named statement",
    run: () =>
      pool.query({
        name: "bda-board",
        text: `SELECT ${COLS} FROM store_orders o WHERE o.store_id = ANY($1::uuid[]) AND o.status IN ('NEW', 'ACCEPTED') ORDER BY o.delivery_date, o.time_slot, o.created_at, o.id`,
        values: [storeIds],
      }),
  },
  { name: "Kysely (PostgresDialect, unnamed)", run: () => boardKysely(kyUnnamed) },
  { name: "Kysely (named statements)", run: () => boardKysely(kyNamed) },
  {
    name: "Prisma model API",
    run: () =>
      db.storeOrder.findMany({
        where: { storeId: { in: storeIds }, status: { in: [...OPEN] } },
        orderBy: [{ deliveryDate: "asc" }, { timeSlot: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      }),
  },
];

async function measure(w: Way) {
  for (let i = 0; i < 200; i++) await w.run(); // warm: prepared statements, JIT, Prisma's caches
  const b0 = ticks(backend);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await w.run();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const b = ticks(backend) - b0;
  return {
    way: w.name,
    wallUsPerCall: Math.round((wall * 1000) / N),
    nodeCpuUsPerCall: Math.round((c.user + c.system) / N),
    pgCpuUsPerCall: Math.round(((b / HZ) * 1e6) / N),
  };
}

const out: Record<string, unknown[]> = { claim: [], board: [] };
for (const [k, ways] of [["claim", claim], ["board", board]] as const) {
  for (const w of ways) {
    const r = await measure(w);
    out[k]!.push(r);
    console.log(k.padEnd(6), r.way.padEnd(36), `wall ${r.wallUsPerCall} µs`, `node CPU ${r.nodeCpuUsPerCall} µs`, `pg CPU ${r.pgCpuUsPerCall} µs`);
  }
}
const boardRows = (await boardKysely(kyUnnamed)).length;
await pool.query("DELETE FROM inbox_processed_events WHERE consumer = $1", [consumer]);
await pool.query("DELETE FROM store_orders WHERE note = $1", [consumer]);
console.log(JSON.stringify({ n: N, boardRows, ...out }));
await closeDbs().catch(() => {});
