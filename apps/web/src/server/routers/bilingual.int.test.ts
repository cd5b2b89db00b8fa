// W5: the owner's procedures validate both languages with the shared zod schemas and refuse before
// writing; the REST order view carries the shop's and lines' names in English and Korean.
import { closeDbs } from "@bloom/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { resetOrders } from "../../../../../test/support/app";
import { checkout, CUSTOMER, OWNER, ROSES, STORE } from "../../../../../test/support/fixtures";
import { toOrder } from "../rest/resources";
import { orderResource } from "../rest/schemas";
import { services } from "../services";
import { callerAs } from "./test-callers";

const { db } = services();
const owner = callerAs(OWNER.id, "OWNER");
const customer = callerAs(CUSTOMER.id, "CUSTOMER");

async function refusal(p: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await p;
    return { code: "OK", fields: [] };
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    const fe = (e.cause as { flatten?: () => { fieldErrors: Record<string, unknown> } } | undefined)?.flatten?.().fieldErrors ?? {};
    return { code: e.code, fields: Object.keys(fe) };
  }
}

beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

describe("[W5] owner edits in both languages", () => {
  it("[W5] store.updateBouquet saves the Korean description and refuses one over the limit, writing nothing", async () => {
    const before = await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } });
    try {
      await owner.store.updateBouquet({ bouquetId: ROSES, descriptionKo: "장미 열두 송이." });
      expect((await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).descriptionKo).toBe("장미 열두 송이.");
      const r = await refusal(owner.store.updateBouquet({ bouquetId: ROSES, descriptionKo: "가".repeat(301) }));
      expect(r.code).toBe("BAD_REQUEST");
      expect((await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).descriptionKo).toBe("장미 열두 송이.");
      // The menu answers both descriptions for the form.
      const menu = await owner.store.menu({ storeId: STORE.id });
      expect(menu.find((b) => b.id === ROSES)).toMatchObject({ description: before.description, descriptionKo: "장미 열두 송이." });
    } finally {
      await db.bouquet.update({ where: { id: ROSES }, data: { descriptionKo: before.descriptionKo } });
    }
  });

  it("[W5] store.saveProfile refuses a missing Korean name or address before writing, and a customer outright", async () => {
    const before = await db.store.findUniqueOrThrow({ where: { id: STORE.id } });
    const valid = { storeId: STORE.id, name: before.name, nameKo: before.nameKo, address: before.address, addressKo: before.addressKo, description: before.description, descriptionKo: before.descriptionKo };
    expect(await refusal(owner.store.saveProfile({ ...valid, nameKo: "" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(owner.store.saveProfile({ ...valid, addressKo: "가".repeat(161) }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await refusal(customer.store.saveProfile(valid))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.store.findUniqueOrThrow({ where: { id: STORE.id } })).toEqual(before);
    expect(await refusal(owner.store.saveProfile(valid))).toMatchObject({ code: "OK" });
  });
});

describe("[W5] the API's order view", () => {
  it("[W5] carries storeName and storeNameKo, and each line's name and nameKo, as documented", async () => {
    const placed = await customer.order.place(checkout({ items: [{ bouquetId: ROSES, quantity: 1 }] }));
    const view = toOrder(await customer.order.get({ orderId: placed.id }));
    expect(view).toMatchObject({ storeName: "Seoul Forest Florist", storeNameKo: "서울숲 꽃집" });
    expect(view.items).toEqual([{ bouquetId: ROSES, name: "Red Rose Classic", nameKo: "빨간 장미 클래식", unitPriceWon: 59000, quantity: 1, tier: "STANDARD" }]);
    // The documented schema (the OpenAPI document is generated from it) accepts it, Korean fields included.
    expect(orderResource.strict().parse(view)).toEqual(view);
  });
});
