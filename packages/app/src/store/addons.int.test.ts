// W4: sizes and add-ons against the real PostgreSQL, processor and worker: the server prices every
// size and add-on, add-on stock is reserved at placement and given back on reject/cancel exactly
// like a bouquet's (M5), the last unit sells once under a race, and refusals come before any charge.
import { actOnStoreOrder, addAddon, cancelOrder, placeOrder, releaseStock, salesFor, stockAudit, updateAddon, updateBouquet } from "@bloom/app";
import { addonId, closeDbs, sqlOf } from "@bloom/db";
import { addonEditSchema, bouquetEditSchema } from "@bloom/domain";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { CARDS, checkout, CUSTOMER, OTHER_STORE, OWNER, OWNER2, PEONY, ROSES, STORE } from "../../../../test/support/fixtures";
import { waitFor } from "../../../../test/support/wait";
import { inProcessWorker, uniquePrefix } from "../../../../test/support/worker";

const { ctx, db, control: processor } = testContext();
const owner = { id: OWNER.id, role: "OWNER" };
const VASE = addonId(0, 0); // ₩15,000, stock 10
const CHOCOLATES = addonId(0, 1); // ₩12,000, stock 20
const OTHER_SHOP_VASE = addonId(3, 0);
type Worker = Awaited<ReturnType<typeof inProcessWorker>>;
let worker: Worker | null = null;

beforeEach(() => resetOrders(db));
afterEach(async () => {
  await worker?.stop();
  worker = null;
});
afterAll(() => closeDbs());

const stockOf = async (id: string) => (await db.addon.findUniqueOrThrow({ where: { id } })).stock;
const bouquetStock = async (id: string) => (await db.bouquet.findUniqueOrThrow({ where: { id } })).stock;
const setAddon = (id: string, stock: number) => db.$executeRaw`UPDATE store_addons SET stock = ${stock}, stock_baseline = ${stock} WHERE id = ${id}::uuid`;

describe("sizes and add-ons are priced by the server", () => {
  it("[W4] a deluxe, a standard of the same bouquet and two vases: the server's prices, one stock for both sizes, lines + add-ons + fee = total", async () => {
    const r = await placeOrder(
      ctx,
      CUSTOMER.id,
      checkout({
        // The client's prices are not part of the schema: stripped, never trusted.
        items: [{ bouquetId: ROSES, quantity: 1, tier: "DELUXE", unitPriceWon: 1 }, { bouquetId: ROSES, quantity: 1 }],
        addons: [{ addonId: VASE, quantity: 1, priceWon: 1 }, { addonId: VASE, quantity: 1 }],
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const o = r.order;
    expect(o.lines.map((l) => [l.tier, l.unitPriceWon, l.quantity]).sort()).toEqual([["DELUXE", 79000, 1], ["STANDARD", 59000, 1]]);
    expect(o.addons).toMatchObject([{ addonId: VASE, name: "Glass vase", nameKo: "유리 화병", unitPriceWon: 15000, quantity: 2 }]);
    expect(o.totalWon).toBe(79000 + 59000 + 2 * 15000 + o.deliveryFeeWon);
    // Stored as answered, and captured as totalled.
    const stored = await db.order.findUniqueOrThrow({ where: { id: o.id }, include: { lines: true, addons: true } });
    expect(stored.totalWon).toBe(o.totalWon);
    expect(stored.lines.reduce((s, l) => s + l.unitPriceWon * l.quantity, 0) + stored.addons.reduce((s, a) => s + a.unitPriceWon * a.quantity, 0) + stored.deliveryFeeWon).toBe(stored.totalWon);
    expect((await db.payment.findUniqueOrThrow({ where: { orderId: o.id } })).amountWon).toBe(o.totalWon);
    expect((await processor.charges({ status: "CAPTURED" })).map((c) => c.amountWon)).toEqual([o.totalWon]);
    // Both sizes from the bouquet's one stock; the vases from theirs.
    expect(await bouquetStock(ROSES)).toBe(12 - 2);
    expect(await stockOf(VASE)).toBe(10 - 2);
    expect(await stockAudit(db)).toEqual([]);
    // OrderPlaced carries the size and the add-ons.
    const event = await db.outboxEvent.findFirstOrThrow({ where: { orderId: o.id, type: "OrderPlaced" } });
    const payload = (event.payload as { payload: { lines: { tier?: string }[]; addons?: unknown[] } }).payload;
    expect(payload.lines.map((l) => l.tier ?? "STANDARD").sort()).toEqual(["DELUXE", "STANDARD"]);
    expect(payload.addons).toEqual([{ addonId: VASE, name: "Glass vase", nameKo: "유리 화병", unitPriceWon: 15000, quantity: 2 }]);
  });

  it("[W4] an owner's new price is what the next order pays (the cart's copy is indicative)", async () => {
    expect((await updateBouquet(db, owner, ROSES, { deluxePriceWon: 81000 })).ok).toBe(true);
    expect((await updateAddon(db, owner, VASE, { priceWon: 16000 })).ok).toBe(true);
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: ROSES, quantity: 1, tier: "DELUXE" }], addons: [{ addonId: VASE, quantity: 1 }] }));
    expect(r.ok && r.order.totalWon - r.order.deliveryFeeWon).toBe(81000 + 16000);
  });

  it("[W4] refused before any charge: a size not offered, an unknown size, an unknown, retired or other shop's add-on, an add-on short of stock", async () => {
    await updateAddon(db, owner, CHOCOLATES, { active: false });
    await setAddon(VASE, 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ items: [{ bouquetId: PEONY, quantity: 1, tier: "PREMIUM" }] }, "BOUQUET_UNAVAILABLE"],
      [{ items: [{ bouquetId: ROSES, quantity: 1, tier: "GIANT" }] }, "VALIDATION"],
      [{ addons: [{ addonId: globalThis.crypto.randomUUID(), quantity: 1 }] }, "ADDON_UNAVAILABLE"],
      [{ addons: [{ addonId: CHOCOLATES, quantity: 1 }] }, "ADDON_UNAVAILABLE"],
      [{ addons: [{ addonId: OTHER_SHOP_VASE, quantity: 1 }] }, "ADDON_UNAVAILABLE"],
      [{ addons: [{ addonId: VASE, quantity: 2 }] }, "OUT_OF_STOCK"],
      [{ addons: [{ addonId: VASE, quantity: 0 }] }, "VALIDATION"],
      [{ addons: [{ addonId: "vase", quantity: 1 }] }, "VALIDATION"],
    ];
    for (const [over, code] of cases) {
      expect(await placeOrder(ctx, CUSTOMER.id, checkout(over)), JSON.stringify(over)).toMatchObject({ ok: false, code });
    }
    expect(await processor.charges()).toHaveLength(0);
    expect(await db.order.count()).toBe(0);
    expect(await db.paymentAttempt.count()).toBe(0);
    expect(await stockOf(VASE)).toBe(1);
    expect(await bouquetStock(ROSES)).toBe(12);
    expect(await stockAudit(db)).toEqual([]);
  });

  it("[W4] the same key with other add-ons is refused; with the same add-ons it replays the one order", async () => {
    const input = checkout({ addons: [{ addonId: VASE, quantity: 1 }] });
    const first = await placeOrder(ctx, CUSTOMER.id, input);
    expect(first.ok).toBe(true);
    expect(await placeOrder(ctx, CUSTOMER.id, { ...input, addons: [{ addonId: VASE, quantity: 2 }] })).toMatchObject({ ok: false, code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await placeOrder(ctx, CUSTOMER.id, { ...input, addons: [] })).toMatchObject({ ok: false, code: "IDEMPOTENCY_KEY_REUSED" });
    expect(await placeOrder(ctx, CUSTOMER.id, { ...input, items: [{ bouquetId: ROSES, quantity: 1, tier: "DELUXE" }] })).toMatchObject({ ok: false, code: "IDEMPOTENCY_KEY_REUSED" });
    const again = await placeOrder(ctx, CUSTOMER.id, input);
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(await processor.charges()).toHaveLength(1);
    expect(await stockOf(VASE)).toBe(9);
  });
});

describe("add-on stock is reserved at placement and given back exactly once", () => {
  it("[W4] 20 customers buy the last vase at once: one order, one charge; the others hear sold out uncharged and their bouquets come back", async () => {
    await setAddon(VASE, 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => placeOrder(ctx, globalThis.crypto.randomUUID(), checkout({ addons: [{ addonId: VASE, quantity: 1 }] }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.code === "OUT_OF_STOCK")).toBe(true);
    expect(await processor.charges()).toHaveLength(1);
    expect(await stockOf(VASE)).toBe(0);
    // The losers' roses were reserved in the same statement as the vase: none of them is held.
    expect(await bouquetStock(ROSES)).toBe(11);
    expect(await stockAudit(db)).toEqual([]);
  });

  it("[W4] 30 orders at once for 4 units of chocolates (2 each): exactly 2 orders sold, stock 0, nothing negative", async () => {
    await setAddon(CHOCOLATES, 4);
    const results = await Promise.all(
      Array.from({ length: 30 }, () => placeOrder(ctx, globalThis.crypto.randomUUID(), checkout({ addons: [{ addonId: CHOCOLATES, quantity: 2 }] }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    expect(await processor.charges({ status: "CAPTURED" })).toHaveLength(2);
    expect(await stockOf(CHOCOLATES)).toBe(0);
    expect(await stockAudit(db)).toEqual([]);
  });

  it("[W4] a declined card gives the add-ons back", async () => {
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ addons: [{ addonId: VASE, quantity: 3 }], card: { number: CARDS.decline, expiry: "12/30", cvc: "123" } }));
    expect(r).toMatchObject({ ok: false, code: "PAYMENT_DECLINED" });
    expect(await stockOf(VASE)).toBe(10);
    expect(await stockAudit(db)).toEqual([]);
  });

  it("[W4] a rejection and a cancellation give back the add-ons once; the board shows the size and the add-ons", async () => {
    worker = await inProcessWorker(uniquePrefix("w4-addons"));
    const place = async () => {
      const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: ROSES, quantity: 1, tier: "PREMIUM" }], addons: [{ addonId: VASE, quantity: 2 }, { addonId: CHOCOLATES, quantity: 1 }] }));
      if (!r.ok) throw new Error(r.message);
      return r.order.id;
    };
    const rejected = await place();
    const cancelled = await place();
    expect(await stockOf(VASE)).toBe(6);
    await waitFor(() => db.storeOrder.count({ where: { orderId: { in: [rejected, cancelled] } } }), (n) => n === 2, { what: "on the board" });
    const card = await db.storeOrder.findUniqueOrThrow({ where: { orderId: rejected } });
    expect(card.lines).toMatchObject([{ bouquetId: ROSES, tier: "PREMIUM", unitPriceWon: 99000 }]);
    expect(card.addons).toMatchObject([{ addonId: VASE, name: "Glass vase", nameKo: "유리 화병", quantity: 2 }, { addonId: CHOCOLATES, quantity: 1 }]);

    expect((await actOnStoreOrder(ctx, owner, rejected, { kind: "reject", reason: "OUT_OF_MATERIALS" })).ok).toBe(true);
    expect(await stockOf(VASE)).toBe(8);
    expect((await cancelOrder(ctx, CUSTOMER.id, cancelled, "changed my mind")).ok).toBe(true);
    await waitFor(() => stockOf(VASE), (n) => n === 10, { what: "the cancelled order's vases back" });
    expect(await stockOf(CHOCOLATES)).toBe(20);
    expect(await bouquetStock(ROSES)).toBe(12);
    // Once: a second release (a redelivered event, the reconciler) gives nothing more.
    expect(await releaseStock(sqlOf(db), rejected)).toBe(0);
    expect(await stockOf(VASE)).toBe(10);
    expect(await stockAudit(db)).toEqual([]);
  });
});

describe("the owner manages add-ons and sizes", () => {
  it("[W4] add, edit price and stock (the audit's baseline moves with it, held units stay held), deactivate", async () => {
    const added = await addAddon(db, owner, STORE.id, addonEditSchema.parse({ name: "Teddy bear", nameKo: "곰 인형", priceWon: 18000, stock: 3, active: true }));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ addons: [{ addonId: added.id, quantity: 2 }] }));
    expect(r.ok).toBe(true);
    expect((await updateAddon(db, owner, added.id, { stock: 5, priceWon: 19000 })).ok).toBe(true);
    expect(await db.addon.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({ stock: 5, stockBaseline: 7, priceWon: 19000 });
    expect(await stockAudit(db)).toEqual([]);
    expect((await updateAddon(db, owner, added.id, { active: false })).ok).toBe(true);
    expect(await placeOrder(ctx, CUSTOMER.id, checkout({ addons: [{ addonId: added.id, quantity: 1 }] }))).toMatchObject({ ok: false, code: "ADDON_UNAVAILABLE" });
  });

  it("[W4] refusals: another owner's add-on or shop, bad fields, sizes out of order; nothing is written", async () => {
    const other = { id: OWNER2.id, role: "OWNER" };
    expect(await updateAddon(db, other, VASE, { stock: 0 })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await addAddon(db, other, STORE.id, { name: "x", nameKo: "엑스", priceWon: 1000, stock: 1, active: true })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await addAddon(db, owner, OTHER_STORE.id, { name: "x", nameKo: "엑스", priceWon: 1000, stock: 1, active: true })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    for (const bad of [{ stock: -1 }, { priceWon: 100 }, { nameKo: " " }, { priceWon: 1500.5 }, { stock: 10_001 }]) {
      expect(addonEditSchema.safeParse({ name: "Vase", nameKo: "화병", priceWon: 15000, stock: 1, active: true, ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(bouquetEditSchema.partial().safeParse({ deluxePriceWon: 10 }).success).toBe(false);
    // Deluxe at or below standard, premium at or below deluxe, standard raised above deluxe.
    expect(await updateBouquet(db, owner, ROSES, { deluxePriceWon: 59000 })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await updateBouquet(db, owner, ROSES, { premiumPriceWon: 79000 })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await updateBouquet(db, owner, ROSES, { priceWon: 80000, stock: 1 })).toMatchObject({ ok: false, code: "VALIDATION" });
    expect(await db.bouquet.findUniqueOrThrow({ where: { id: ROSES } })).toMatchObject({ priceWon: 59000, stock: 12, deluxePriceWon: 79000, premiumPriceWon: 99000 });
    expect(await db.addon.findUniqueOrThrow({ where: { id: VASE } })).toMatchObject({ stock: 10, active: true });
    // Removing a size (null) is allowed; an order for it is then refused.
    expect((await updateBouquet(db, owner, ROSES, { premiumPriceWon: null })).ok).toBe(true);
    expect(await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: ROSES, quantity: 1, tier: "PREMIUM" }] }))).toMatchObject({ ok: false, code: "BOUQUET_UNAVAILABLE" });
  });
});

describe("sales count add-ons", () => {
  it("[W4][W7] top items list the add-ons sold beside the bouquets, against a query over the orders", async () => {
    for (const q of [3, 1]) {
      const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: ROSES, quantity: 1, tier: "DELUXE" }], addons: [{ addonId: VASE, quantity: q }] }));
      expect(r.ok).toBe(true);
    }
    const report = await salesFor(db, owner, { storeId: STORE.id });
    if (!report.ok) throw new Error(report.message);
    const vase = report.report.topItems.find((i) => i.kind === "ADDON" && i.itemId === VASE);
    const [sql] = await db.$queryRaw<{ units: number; revenue: number }[]>`
      SELECT sum(a.quantity)::int AS units, sum(a.quantity * a.unit_price_won)::int AS revenue
      FROM ordering_order_addons a JOIN ordering_orders o ON o.id = a.order_id WHERE o.store_id = ${STORE.id}::uuid AND a.addon_id = ${VASE}::uuid`;
    expect(vase).toMatchObject({ name: "Glass vase", nameKo: "유리 화병", units: sql!.units, revenueWon: sql!.revenue });
    expect(vase).toMatchObject({ units: 4, revenueWon: 60000 });
    // The deluxe roses count as the bouquet, at the price paid.
    expect(report.report.topItems.find((i) => i.kind === "BOUQUET" && i.itemId === ROSES)).toMatchObject({ units: 2, revenueWon: 2 * 79000 });
  });
});
