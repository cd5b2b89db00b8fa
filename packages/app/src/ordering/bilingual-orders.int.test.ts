// W5: orders, their lines and the events that carry catalog names keep the English and the Korean
// name; every read model that copies them keeps both; events written before W5 (no Korean
// fields) are still consumed, falling back to the English; the owner edits both languages.
import { actOnStoreOrder, placeOrder, policyHandlers, runPolicy, saveStoreProfile } from "@bloom/app";
import { closeDbs } from "@bloom/db";
import { createEvent, localized, parseEvent, SYSTEM, type DomainEvent } from "@bloom/domain";
import { afterAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import { resetOrders, testContext } from "../../../../test/support/app";
import { checkout, CUSTOMER, OTHER_STORE, OWNER, PEONY, ROSES, STORE, tomorrow } from "../../../../test/support/fixtures";

const { ctx, db } = testContext();
const handlers = policyHandlers();
const owner = { id: OWNER.id, role: "OWNER" };
const outboxEvent = async (orderId: string, type: string) =>
  parseEvent((await db.outboxEvent.findFirstOrThrow({ where: { orderId, type }, orderBy: { seq: "desc" } })).payload);

beforeEach(() => resetOrders(db));
afterAll(() => closeDbs());

describe("[W5] bilingual orders and events", () => {
  it("[W5] an order stores the shop's and bouquets' names in both languages, and OrderPlaced, the board, MyPage and the email carry both", async () => {
    // The sender reads Korean (other tests and journeys may have left English as their language).
    const pref = await db.notifyPreference.findUnique({ where: { customerId: CUSTOMER.id } });
    await db.notifyPreference.upsert({ where: { customerId: CUSTOMER.id }, create: { customerId: CUSTOMER.id, locale: "ko" }, update: { locale: "ko" } });
    onTestFinished(async () => {
      if (pref) await db.notifyPreference.update({ where: { customerId: CUSTOMER.id }, data: { locale: pref.locale } });
    });
    const r = await placeOrder(ctx, CUSTOMER.id, checkout({ items: [{ bouquetId: ROSES, quantity: 2 }, { bouquetId: PEONY, quantity: 1 }] }));
    if (!r.ok) throw new Error(r.message);
    const id = r.order.id;
    const order = await db.order.findUniqueOrThrow({ where: { id }, include: { lines: { orderBy: { name: "asc" } } } });
    expect({ storeName: order.storeName, storeNameKo: order.storeNameKo }).toEqual({ storeName: "Seoul Forest Florist", storeNameKo: "서울숲 꽃집" });
    expect(order.lines.map((l) => [l.name, l.nameKo])).toEqual([["Pink Peony Cloud", "핑크 작약 구름"], ["Red Rose Classic", "빨간 장미 클래식"]]);
    expect(r.order.storeNameKo).toBe("서울숲 꽃집");

    const placed = (await outboxEvent(id, "OrderPlaced")) as DomainEvent<"OrderPlaced">;
    expect(placed.payload.storeName).toBe("Seoul Forest Florist");
    expect(placed.payload.storeNameKo).toBe("서울숲 꽃집");
    expect(placed.payload.lines.map((l) => [l.name, l.nameKo])).toEqual([["Red Rose Classic", "빨간 장미 클래식"], ["Pink Peony Cloud", "핑크 작약 구름"]]);

    for (const policy of ["store-notification", "mypage-projection", "sender-email"] as const) await runPolicy(db, handlers, policy, placed);
    const so = await db.storeOrder.findUniqueOrThrow({ where: { orderId: id } });
    expect((so.lines as { name: string; nameKo?: string }[]).map((l) => [l.name, l.nameKo])).toEqual([["Red Rose Classic", "빨간 장미 클래식"], ["Pink Peony Cloud", "핑크 작약 구름"]]);
    const mine = await db.myPageOrder.findUniqueOrThrow({ where: { orderId: id } });
    expect(mine).toMatchObject({ storeName: "Seoul Forest Florist", storeNameKo: "서울숲 꽃집", itemsSummary: "Red Rose Classic ×2, Pink Peony Cloud", itemsSummaryKo: "빨간 장미 클래식 ×2, 핑크 작약 구름" });
    // The sender's email is in Korean, names included.
    const email = await db.notifyMessage.findFirstOrThrow({ where: { orderId: id, channel: "email" } });
    expect(email.locale).toBe("ko");
    expect(email.payload).toMatchObject({ storeName: "서울숲 꽃집" });
    expect((email.payload as { lines: { name: string }[] }).lines.map((l) => l.name).sort()).toEqual(["빨간 장미 클래식", "핑크 작약 구름"]);

    // Arranged: DecorationCompleted carries the shop's Korean name and address and the items in both.
    expect((await actOnStoreOrder(ctx, owner, id, { kind: "accept" })).ok).toBe(true);
    expect((await actOnStoreOrder(ctx, owner, id, { kind: "completeDecoration" })).ok).toBe(true);
    const done = (await outboxEvent(id, "DecorationCompleted")) as DomainEvent<"DecorationCompleted">;
    expect(done.payload).toMatchObject({ storeName: "Seoul Forest Florist", storeNameKo: "서울숲 꽃집", pickupAddress: STORE.address, pickupAddressKo: "서울 성동구 서울숲2길 12" });
    expect(done.payload.items).toEqual([{ name: "Red Rose Classic", quantity: 2, nameKo: "빨간 장미 클래식" }, { name: "Pink Peony Cloud", quantity: 1, nameKo: "핑크 작약 구름" }]);
    await runPolicy(db, handlers, "delivery-request", done);
    const delivery = await db.delivery.findUniqueOrThrow({ where: { orderId: id } });
    expect(delivery).toMatchObject({ storeName: "Seoul Forest Florist", storeNameKo: "서울숲 꽃집", pickupAddress: STORE.address, pickupAddressKo: "서울 성동구 서울숲2길 12" });
    expect((delivery.items as { nameKo?: string }[]).map((i) => i.nameKo)).toEqual(["빨간 장미 클래식", "핑크 작약 구름"]);
  });

  it("[W5] events written before W5 (no Korean fields) are still consumed: every copy falls back to the English name", async () => {
    const orderId = globalThis.crypto.randomUUID();
    // Rows with no order behind them: removed after, so no later screen lists this open request.
    onTestFinished(async () => {
      await db.delivery.deleteMany({ where: { orderId } });
      await db.storeOrder.deleteMany({ where: { orderId } });
      await db.myPageOrder.deleteMany({ where: { orderId } });
    });
    // Exactly the JSON an older web process wrote to the outbox: no storeNameKo, no line nameKo.
    const oldPlaced = JSON.parse(
      JSON.stringify(
        createEvent(
          "OrderPlaced",
          orderId,
          {
            customerId: CUSTOMER.id, storeId: STORE.id, storeName: "Seoul Forest Florist",
            lines: [{ bouquetId: ROSES, name: "Red Rose Classic", unitPriceWon: 59000, quantity: 1 }],
            totalWon: 59000, recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432", address: "88 Eulji-ro, Jung-gu, Seoul",
            deliveryDate: tomorrow(), timeSlot: "12-15", giftMessage: null, note: null, paymentId: globalThis.crypto.randomUUID(),
          },
          { role: "CUSTOMER", id: CUSTOMER.id },
        ),
      ),
    );
    expect(oldPlaced.payload).not.toHaveProperty("storeNameKo");
    expect(oldPlaced.payload.lines[0]).not.toHaveProperty("nameKo");
    expect((await runPolicy(db, handlers, "store-notification", oldPlaced)).outcome).toBe("done");
    expect((await runPolicy(db, handlers, "mypage-projection", oldPlaced)).outcome).toBe("done");
    const so = await db.storeOrder.findUniqueOrThrow({ where: { orderId } });
    const line = (so.lines as { name: string; nameKo?: string }[])[0]!;
    expect(localized("ko", line.name, line.nameKo)).toBe("Red Rose Classic");
    const mine = await db.myPageOrder.findUniqueOrThrow({ where: { orderId } });
    expect(mine).toMatchObject({ storeName: "Seoul Forest Florist", storeNameKo: "", itemsSummary: "Red Rose Classic", itemsSummaryKo: "" });
    expect(localized("ko", mine.storeName, mine.storeNameKo)).toBe("Seoul Forest Florist");

    const oldDone = JSON.parse(
      JSON.stringify(
        createEvent(
          "DecorationCompleted",
          orderId,
          { storeId: STORE.id, storeName: "Seoul Forest Florist", pickupAddress: STORE.address, dropoffAddress: "88 Eulji-ro, Jung-gu, Seoul",
            recipientName: "Soyeon Yoon", recipientPhone: "010-9876-5432", deliveryDate: tomorrow(), timeSlot: "12-15",
            items: [{ name: "Red Rose Classic", quantity: 1 }] },
          SYSTEM,
        ),
      ),
    );
    expect((await runPolicy(db, handlers, "delivery-request", oldDone)).outcome).toBe("done");
    const delivery = await db.delivery.findUniqueOrThrow({ where: { orderId } });
    expect(delivery).toMatchObject({ storeName: "Seoul Forest Florist", storeNameKo: "", pickupAddress: STORE.address, pickupAddressKo: "" });
    expect(localized("ko", delivery.pickupAddress, delivery.pickupAddressKo)).toBe(STORE.address);
    // A later event re-folds MyPage over the old OrderPlaced: a Korean name already there is kept.
    await db.myPageOrder.update({ where: { orderId }, data: { storeNameKo: "서울숲 꽃집" } });
    await runPolicy(db, handlers, "mypage-projection", oldDone);
    expect((await db.myPageOrder.findUniqueOrThrow({ where: { orderId } })).storeNameKo).toBe("서울숲 꽃집");
  });
});

describe("[W5] the owner edits the shop in both languages", () => {
  const profile = async () =>
    db.store.findUniqueOrThrow({ where: { id: STORE.id }, select: { name: true, nameKo: true, address: true, addressKo: true, description: true, descriptionKo: true } });

  it("[W5] saves the name, address and description in English and Korean, and the next order carries the new names", async () => {
    const before = await profile();
    try {
      const edit = { storeId: STORE.id, name: "Seoul Forest Flowers", nameKo: "서울숲 플라워", address: "14 Seoulsup 2-gil, Seongdong-gu, Seoul", addressKo: "서울 성동구 서울숲2길 14", description: "Garden bouquets.", descriptionKo: "정원풍 꽃다발." };
      const r = await saveStoreProfile(db, owner, edit);
      expect(r.ok).toBe(true);
      const { storeId: _s, ...fields } = edit;
      expect(await profile()).toEqual(fields);
      const placed = await placeOrder(ctx, CUSTOMER.id, checkout());
      if (!placed.ok) throw new Error(placed.message);
      expect(placed.order).toMatchObject({ storeName: "Seoul Forest Flowers", storeNameKo: "서울숲 플라워" });
    } finally {
      await db.store.update({ where: { id: STORE.id }, data: before });
    }
  });

  it.each([
    ["an empty Korean name", { nameKo: "  " }, /nameKo/],
    ["an empty Korean address", { addressKo: "" }, /addressKo/],
    ["a Korean address over the limit", { addressKo: "가".repeat(161) }, /addressKo/],
    ["a Korean description over the limit", { descriptionKo: "가".repeat(301) }, /descriptionKo/],
    ["a control character in the English address", { address: "12 Seoulsup\u0000" }, /address/],
    ["a missing Korean description", { descriptionKo: undefined }, /descriptionKo/],
  ])("[W5] refuses %s and writes nothing", async (_, bad, field) => {
    const before = await profile();
    const r = await saveStoreProfile(db, owner, { storeId: STORE.id, ...before, ...bad });
    expect(r).toMatchObject({ ok: false, code: "VALIDATION", message: expect.stringMatching(field) });
    expect(await profile()).toEqual(before);
  });

  it("[W5] refuses another owner's shop as not found and writes nothing", async () => {
    const before = await db.store.findUniqueOrThrow({ where: { id: OTHER_STORE.id } });
    const r = await saveStoreProfile(db, owner, { storeId: OTHER_STORE.id, name: "Mine now", nameKo: "내 가게", address: "x", addressKo: "x", description: "", descriptionKo: "" });
    expect(r).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await db.store.findUniqueOrThrow({ where: { id: OTHER_STORE.id } })).toEqual(before);
  });
});
