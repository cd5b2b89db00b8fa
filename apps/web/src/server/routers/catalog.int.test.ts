// S6: the public catalog answers with mapped DTOs — over tRPC and over REST, a shop's owner, its
// booking rules, stock baselines and row timestamps never leave the server. Public shop and bouquet
// ids stay: they are the resources' addresses.
import { createApiClient, issueAccessToken } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as bouquetsRoute } from "~/app/api/v1/stores/[storeId]/bouquets/route";
import { GET as storesRoute } from "~/app/api/v1/stores/route";
import { resetOrders } from "../../../../../test/support/app";
import { ROSES, STORE } from "../../../../../test/support/fixtures";
import { contract } from "../../../../../test/support/openapi-contract";
import { signingKeys, tokenSettings } from "../rest/access";
import { openApiDocument } from "../rest/openapi";
import { services } from "../services";
import { callerAs } from "./test-callers";

const { db } = services();
const { check } = contract(openApiDocument());
type Route = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

// Columns of the tables behind the catalog (and of the accounts beside them) that are nobody's business.
const INTERNAL = /^(owner_?id|password_?hash|secret_?hash|stock_?baseline|booking_?horizon_?days|created_?at|updated_?at|active|customer_?id|idempotency_?key|session_?version|user_?id|email)$/i;

/** Every key anywhere in a JSON answer, with its path. */
function keysOf(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keysOf(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [`${path}.${k}`, ...keysOf(v, `${path}.${k}`)]);
  return [];
}
const leaks = (answer: unknown) => keysOf(JSON.parse(JSON.stringify(answer))).filter((p) => INTERNAL.test(p.slice(p.lastIndexOf(".") + 1)));

const STORE_KEYS = ["address", "closesAt", "description", "id", "imageUrl", "name", "nameKo", "open", "opensAt", "phone", "area", "addressKo", "descriptionKo"].sort();
const BOUQUET_KEYS = ["description", "id", "imageUrl", "name", "nameKo", "priceWon", "stock", "storeId", "descriptionKo"].sort();
// W4: the sizes' prices (tRPC) or the sizes offered (REST), and the shop's add-ons.
const TRPC_BOUQUET_KEYS = [...BOUQUET_KEYS, "deluxePriceWon", "premiumPriceWon"].sort();
const REST_BOUQUET_KEYS = [...BOUQUET_KEYS, "sizes"].sort();
const ADDON_KEYS = ["id", "name", "nameKo", "priceWon", "stock"];
const sortedKeys = (o: object) => Object.keys(o).sort();

let client: Awaited<ReturnType<typeof createApiClient>>;
beforeAll(async () => {
  await resetOrders(db);
  client = await createApiClient(db, { name: "Catalog reader (S6 test)", scopes: "orders:read" });
});
afterAll(async () => {
  await db.apiClient.deleteMany({ where: { id: client.clientId } }).catch(() => {});
  await db.user.deleteMany({ where: { id: client.userId } }).catch(() => {});
  await closeDbs();
});

describe("catalog answers", () => {
  it("[S6] tRPC: the store list, a store's menu and a bouquet carry only what the pages show — no ownerId or other internal field", async () => {
    // Even a signed-in owner reads the public catalog as everyone does.
    for (const caller of [callerAs("00000000-0000-4000-8000-0000000000aa", "CUSTOMER"), callerAs("00000000-0000-4000-8000-0000000000ab", "OWNER")]) {
      const stores = await caller.catalog.stores();
      expect(stores.length).toBeGreaterThan(1);
      expect(leaks(stores)).toEqual([]);
      for (const s of stores) expect(sortedKeys(s)).toEqual([...STORE_KEYS, "bouquetCount"].sort());
      expect(stores.find((s) => s.id === STORE.id)).toMatchObject({ name: STORE.name, bouquetCount: expect.any(Number) });

      const menu = await caller.catalog.store({ storeId: STORE.id });
      expect(leaks(menu)).toEqual([]);
      expect(sortedKeys(menu)).toEqual([...STORE_KEYS, "bouquets", "addons"].sort());
      expect(menu.bouquets.length).toBeGreaterThan(0);
      for (const b of menu.bouquets) expect(sortedKeys(b)).toEqual(TRPC_BOUQUET_KEYS);
      expect(menu.addons.length).toBeGreaterThan(0);
      for (const a of menu.addons) expect(sortedKeys(a)).toEqual(ADDON_KEYS);
      expect(menu.bouquets.find((b) => b.id === ROSES)).toMatchObject({ priceWon: 59000, stock: 12, storeId: STORE.id });

      const bouquet = await caller.catalog.bouquet({ bouquetId: ROSES });
      expect(leaks(bouquet)).toEqual([]);
      expect(sortedKeys(bouquet)).toEqual([...TRPC_BOUQUET_KEYS, "store"].sort());
      expect(sortedKeys(bouquet.store)).toEqual(["area", "id", "name", "nameKo", "open"]);
    }
    // The walk would have seen them: the rows behind the answers do have these columns.
    expect(leaks(await db.store.findUniqueOrThrow({ where: { id: STORE.id }, include: { bouquets: true } }))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\.ownerId$/), expect.stringMatching(/\.stockBaseline$/), expect.stringMatching(/\.createdAt$/)]),
    );
  });

  it("[S6] REST: /api/v1/stores and a shop's bouquets carry no ownerId or other internal field, as the OpenAPI document says", async () => {
    const { accessToken } = await issueAccessToken(signingKeys(), tokenSettings, { clientId: client.clientId, scopes: ["orders:read"] });
    const headers = { authorization: `Bearer ${accessToken}` };
    const get = async (route: Route, template: string, url: string, params: Record<string, string> = {}) => {
      const res = await route(new Request(`http://localhost:3000${url}`, { headers }), { params: Promise.resolve(params) });
      expect(res.status).toBe(200);
      return check<{ stores?: object[]; store?: object; bouquets?: object[]; addons?: object[] }>(template, "get", res);
    };

    const list = await get(storesRoute as Route, "/api/v1/stores", "/api/v1/stores");
    expect(list.stores!.length).toBeGreaterThan(1);
    expect(leaks(list)).toEqual([]);
    for (const s of list.stores!) expect(sortedKeys(s)).toEqual([...STORE_KEYS, "bouquetCount"].sort());

    const menu = await get(bouquetsRoute as Route, "/api/v1/stores/{storeId}/bouquets", `/api/v1/stores/${STORE.id}/bouquets`, { storeId: STORE.id });
    expect(leaks(menu)).toEqual([]);
    expect(sortedKeys(menu.store!)).toEqual(STORE_KEYS);
    for (const b of menu.bouquets!) expect(sortedKeys(b)).toEqual(REST_BOUQUET_KEYS);
    expect(menu.bouquets!.find((b) => (b as { id: string }).id === ROSES)).toMatchObject({ sizes: [{ tier: "STANDARD", priceWon: 59000 }, { tier: "DELUXE", priceWon: 79000 }, { tier: "PREMIUM", priceWon: 99000 }] });
    for (const a of menu.addons!) expect(sortedKeys(a)).toEqual(ADDON_KEYS);
  });
});
