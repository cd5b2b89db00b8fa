// Driver adapter used only by the Prisma CLI (migrate), never by the app. Two upstream bugs of
// @prisma/adapter-pg 6.19 are worked around here, and only here:
//  1. The schema engine reads catalog columns of type `name` (oid 19) and `"char"` (oid 18),
//     which the adapter cannot map (prisma/prisma#27403). Both arrive from pg as plain strings,
//     so we report them as `text` (oid 25).
//  2. The shadow database is dropped while the pool still holds connections; we end the pool
//     first and drop WITH (FORCE).
//  3. executeScript splits a migration on every ";" — also inside a function body ($$ … $$) —
//     and runs the pieces on whatever pooled connection is free. We send the script whole: one
//     simple-protocol query, which PostgreSQL runs as one implicit transaction.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([18, 19]);

type Field = { dataTypeID: number };
type Queryable = { performIO(query: unknown): Promise<{ fields: Field[] }> };

let patched = false;
function patchCatalogTypes(adapter: object) {
  if (patched) return;
  // performIO lives on the shared queryable prototype (adapter and its transactions).
  let proto = Object.getPrototypeOf(adapter) as Queryable | null;
  while (proto && !Object.prototype.hasOwnProperty.call(proto, "performIO")) {
    proto = Object.getPrototypeOf(proto) as Queryable | null;
  }
  if (!proto) throw new Error("adapter-pg layout changed: performIO not found");
  const original = proto.performIO;
  proto.performIO = async function (this: Queryable, query: unknown) {
    const result = await original.call(this, query);
    // A multi-statement script (a migration applied to the shadow database) yields no fields.
    for (const field of result.fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  // executeScript is the adapter's own method (not on the shared queryable prototype).
  const adapterProto = Object.getPrototypeOf(adapter) as { executeScript?: unknown; client?: pg.Pool };
  if (typeof adapterProto.executeScript !== "function") throw new Error("adapter-pg layout changed: executeScript not found");
  adapterProto.executeScript = async function (this: { client: pg.Pool }, script: string) {
    await this.client.query(script);
  };
  patched = true;
}

class MigrationPg extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url, idleTimeoutMillis: 50, allowExitOnIdle: true });
  }
  override async connect() {
    const adapter = await super.connect();
    patchCatalogTypes(adapter);
    return adapter;
  }
  override async connectToShadowDb() {
    const database = `bloom_shadow_${Date.now()}`;
    const admin = new pg.Client({ connectionString: this.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadowUrl = new URL(this.url);
    shadowUrl.pathname = `/${database}`;
    const factory = new PrismaPg({ connectionString: shadowUrl.toString(), idleTimeoutMillis: 50, allowExitOnIdle: true });
    const adapter = await factory.connect();
    patchCatalogTypes(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      const dropper = new pg.Client({ connectionString: this.url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await dropper.end();
    };
    return adapter;
  }
}

export async function migrationAdapter() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return new MigrationPg(url);
}
